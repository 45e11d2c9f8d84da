import type { ErrorObject, ValidateFunction } from 'ajv';
import { StoredAjv } from '@platform/platform';
import { closest, distance } from 'fastest-levenshtein';
import { inputKinds, type InputKind } from '@platform/schemas';
import { type Diagnostic, fieldPath } from './diagnostic.js';
import type { SourceFile } from './source-file.js';

/** Human wording for the patterns the schemas use, so messages say what is allowed rather than a regex. */
const PATTERN_WORDS: Record<string, string> = {
  '^[a-z]([-a-z0-9]*[a-z0-9])?$': "a DNS-1123 label: lower-case letters, digits and '-', starting with a letter, not ending with '-'",
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': "lower-case letters, digits and '-', not starting or ending with '-'",
  '^[0-9]{12}$': 'a 12-digit AWS account id',
  '^#[a-z0-9][a-z0-9_-]{0,79}$': "a Slack channel such as '#team-alerts'",
  '^[A-Za-z0-9]([A-Za-z0-9-]{0,38})/[a-z0-9][a-z0-9_-]{0,99}$': "a GitHub team as '<org>/<team-slug>', e.g. 'acme/payments' (slug in lower case)",
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)+$':
    "a registry host and at least one path segment, such as 'ghcr.io/acme': no tag, no wildcard, no trailing '/'",
};

/**
 * Validates parsed input files against the JSON Schema of their kind, filling declared defaults
 * in place, and turns every schema error into a located, readable diagnostic.
 */
export class SchemaValidator {
  private readonly validators = new Map<InputKind, ValidateFunction>();
  // Without the optimisation passes over the generated code: they cost more at start-up than they save on a fleet.
  private readonly ajv = new StoredAjv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true, code: { optimize: false } });

  validate(kind: InputKind, file: SourceFile): Diagnostic[] {
    let fn = this.validators.get(kind);
    if (!fn) {
      fn = this.ajv.compile(inputKinds[kind].schema);
      this.validators.set(kind, fn);
    }
    if (fn(file.data)) return [];
    return (fn.errors ?? []).map((e) => this.describe(e, file, kind));
  }

  private describe(e: ErrorObject, file: SourceFile, kind: InputKind): Diagnostic {
    const path = pointerToPath(e.instancePath);
    const value = valueAt(file.data, path);
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = String(p.additionalProperty);
        const allowed = Object.keys(propertiesAt(inputKinds[kind].schema, path)).sort();
        const guess = allowed.length > 0 ? closest(name, allowed) : undefined;
        const elsewhere = guess && similar(name, guess) ? undefined : fieldElsewhere(inputKinds[kind].schema, name);
        const hint = guess && similar(name, guess) ? ` (did you mean "${guess}"?)` : elsewhere ? ` (did you mean "${elsewhere}"? it belongs there)` : '';
        return file.problem([...path, name], `unknown field "${name}"${hint}; allowed: ${allowed.join(', ') || 'no fields'}`, { key: true });
      }
      case 'required':
      {
        const missing = String(p.missingProperty);
        return { ...file.problem(path, `missing required field "${missing}"`), field: fieldPath([...path, missing]) };
      }
      case 'type': {
        // YAML reads `cpu: 6` as a number and `on: yes` as a boolean; a string field wants them quoted.
        const quote = p.type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ` (write it in quotes: "${String(value)}")` : '';
        return file.problem(path, `found ${describe(value)}; allowed: ${String(p.type).replace(',', ' or ')}${quote}`);
      }
      case 'enum':
        return file.problem(path, `found ${describe(value)}; allowed: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
      case 'pattern': {
        const pattern = String(p.pattern);
        return file.problem(path, `found ${describe(value)}; allowed: ${PATTERN_WORDS[pattern] ?? `a string matching /${pattern}/`}`);
      }
      default:
        return file.problem(path, `found ${describe(value)}; allowed: a value that ${e.message ?? 'matches the schema'}`);
    }
  }
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[p] : undefined;
  return cur;
}

/** The `properties` the schema declares at an instance path (following items and additionalProperties). */
function propertiesAt(schema: object, path: readonly (string | number)[]): Record<string, unknown> {
  let node = schema as Record<string, unknown>;
  for (const p of path) {
    const next = typeof p === 'number' ? node.items : (node.properties as Record<string, unknown> | undefined)?.[p] ?? node.additionalProperties;
    if (!next || typeof next !== 'object') return {};
    node = next as Record<string, unknown>;
  }
  return (node.properties as Record<string, unknown>) ?? {};
}

/**
 * The place in the schema, as a dotted path, where a field of this name exists (a key written at the wrong level,
 * e.g. `memory` at the top of a tenant file for `quotas.memory`): the shallowest one, when only one is that shallow.
 */
function fieldElsewhere(schema: object, name: string): string | undefined {
  const found: string[] = [];
  const walk = (node: unknown, at: string, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 6) return;
    const n = node as Record<string, unknown>;
    for (const [key, child] of Object.entries((n.properties as Record<string, unknown> | undefined) ?? {})) {
      const path = at ? `${at}.${key}` : key;
      if (key === name) found.push(path);
      walk(child, path, depth + 1);
    }
    if (n.items) walk(n.items, `${at}[]`, depth + 1);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${at}.<name>`, depth + 1);
  };
  walk(schema, '', 0);
  const depth = (path: string) => path.split(/\.|\[\]/).length;
  const shallowest = found.filter((path) => depth(path) === Math.min(...found.map(depth)));
  return shallowest.length === 1 ? shallowest[0] : undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  return `${typeof v} ${String(v)}`;
}

/** Close enough to suggest: a small edit distance relative to the length, or a case/containment match. */
function similar(a: string, b: string): boolean {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la.includes(lb) || lb.includes(la) || distance(la, lb) <= Math.max(2, Math.floor(lb.length / 3));
}

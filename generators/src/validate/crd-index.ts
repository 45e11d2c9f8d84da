import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { rec } from './_fields.js';
import type { JSONSchemaProps } from './structural-schema.js';

/** One served version of a CustomResourceDefinition: what the API server would validate a custom resource with. */
export interface ServedVersion {
  /** API group, e.g. `ec2.aws.m.upbound.io`. */
  readonly group: string;
  /** Version name, e.g. `v1beta1`. */
  readonly version: string;
  /** `spec.names.kind`, e.g. `VPC`. */
  readonly kind: string;
  /** `Namespaced` objects need `metadata.namespace`; `Cluster` objects must not have one. */
  readonly scope: 'Namespaced' | 'Cluster';
  /** The version's `schema.openAPIV3Schema`; undefined when the CRD declares none. */
  readonly schema: JSONSchemaProps | undefined;
  /** `metadata.name` of the CRD, e.g. `vpcs.ec2.aws.m.upbound.io`. */
  readonly crdName: string;
  /** File the CRD was read from, relative to the index directory. */
  readonly file: string;
}

/** A YAML document that looks like a CRD, not parsed until its group is needed. */
interface PendingDocument {
  readonly file: string;
  readonly text: string;
  /** `spec.group` as found by a line scan; only a hint, the parsed document is authoritative. */
  readonly groupHint: string | undefined;
}

/**
 * The served versions of every CRD found under one directory, by `group/version` and kind.
 *
 * Parsing is lazy: CRD files are large (the shared set is ~10 MB), and a rendered tree uses a fraction of them.
 * Documents are scanned for their group when the index is loaded, and parsed the first time an object of that
 * group is looked up. A lookup that misses parses everything left before answering, so a wrong hint can only
 * cost time, never a wrong answer.
 */
export class CrdIndex {
  readonly #served = new Map<string, ServedVersion>();
  /** group + kind → every declared version name and whether it is served (for error messages). */
  readonly #declared = new Map<string, { version: string; served: boolean }[]>();
  #crds = 0;
  /** Documents not parsed yet, by group hint ('' when the scan found none), each list in file order. */
  readonly #pending = new Map<string, PendingDocument[]>();
  #candidates = 0;

  constructor(
    /** The directory the CRDs were read from, as given by the caller. */
    readonly dir: string,
  ) {}

  /** Whether no document under the directory looks like a CustomResourceDefinition (cheap: parses nothing). */
  get isEmpty(): boolean {
    return this.#candidates === 0;
  }

  /** Number of CustomResourceDefinitions indexed (parses every document). */
  get crdCount(): number {
    this.#parseAll();
    return this.#crds;
  }

  /** Number of served group/version/kind triples (parses every document). */
  get servedCount(): number {
    this.#parseAll();
    return this.#served.size;
  }

  /** Queues one document that looks like a CRD; it is parsed on first use of its group. */
  addPending(file: string, text: string): void {
    const groupHint = GROUP_LINE.exec(text)?.[1];
    const list = this.#pending.get(groupHint ?? '') ?? [];
    list.push({ file, text, groupHint });
    this.#pending.set(groupHint ?? '', list);
    this.#candidates++;
  }

  /** Adds one `apiextensions.k8s.io/v1` CustomResourceDefinition; the first definition of a version wins. */
  add(crd: Record<string, unknown>, file: string): void {
    this.#candidates = Math.max(this.#candidates, 1);
    const meta = rec(crd['metadata']);
    const spec = rec(crd['spec']);
    const names = rec(spec['names']);
    const group = spec['group'];
    const kind = names['kind'];
    if (typeof group !== 'string' || typeof kind !== 'string') {
      throw new Error(`${file}: CustomResourceDefinition ${String(meta['name'])} has no spec.group or spec.names.kind`);
    }
    const scope = spec['scope'] === 'Cluster' ? 'Cluster' : 'Namespaced';
    const versions = Array.isArray(spec['versions']) ? spec['versions'] : [];
    const declared = this.#declared.get(groupKindKey(group, kind)) ?? [];
    this.#declared.set(groupKindKey(group, kind), declared);
    this.#crds++;
    for (const raw of versions) {
      const v = rec(raw);
      const version = v['name'];
      if (typeof version !== 'string') continue;
      const served = v['served'] === true;
      declared.push({ version, served });
      if (!served) continue;
      const key = gvkKey(`${group}/${version}`, kind);
      if (this.#served.has(key)) continue;
      const schema = rec(v['schema'])['openAPIV3Schema'];
      this.#served.set(key, {
        group,
        version,
        kind,
        scope,
        schema: schema && typeof schema === 'object' ? (schema as JSONSchemaProps) : undefined,
        crdName: typeof meta['name'] === 'string' ? meta['name'] : `${String(names['plural'])}.${group}`,
        file,
      });
    }
  }

  /** The served version for an object's `apiVersion` (`group/version`) and `kind`, if any. */
  lookup(apiVersion: string, kind: string): ServedVersion | undefined {
    const slash = apiVersion.indexOf('/');
    this.#parseGroup(slash < 0 ? '' : apiVersion.slice(0, slash));
    const found = this.#served.get(gvkKey(apiVersion, kind));
    if (found || this.#pending.size === 0) return found;
    this.#parseAll();
    return this.#served.get(gvkKey(apiVersion, kind));
  }

  /** Every served version (parses every document). */
  servedVersions(): ServedVersion[] {
    this.#parseAll();
    return [...this.#served.values()];
  }

  /** Every version the index declares for a group and kind, served or not, in CRD order. */
  declaredVersions(group: string, kind: string): readonly { version: string; served: boolean }[] {
    this.#parseGroup(group);
    if (!this.#declared.has(groupKindKey(group, kind))) this.#parseAll();
    return this.#declared.get(groupKindKey(group, kind)) ?? [];
  }

  #parseGroup(group: string): void {
    const docs = this.#pending.get(group);
    if (!docs) return;
    this.#pending.delete(group);
    const errors: string[] = [];
    for (const doc of docs) parseInto(this, doc.file, doc.text, errors);
    if (errors.length > 0) throw new Error(`cannot read CRDs in ${this.dir}:\n  ${errors.join('\n  ')}`);
  }

  #parseAll(): void {
    for (const group of [...this.#pending.keys()]) this.#parseGroup(group);
  }
}

/** `  group: example.com` at any indentation: `spec.group` in the CRD layouts controller-gen and humans write. */
const GROUP_LINE = /^[ \t]+group:[ \t]*["']?([a-z0-9.-]+)["']?[ \t]*$/m;
const CRD_KIND_LINE = /^kind:[ \t]*["']?CustomResourceDefinition["']?[ \t]*(#.*)?$/m;
const CRD_API_LINE = /^apiVersion:[ \t]*["']?apiextensions\.k8s\.io\/v1["']?[ \t]*(#.*)?$/m;
/** YAML document separators and end markers at the start of a line. */
const DOCUMENT_BREAK = /^(?:---|\.\.\.)(?:[ \t].*)?$/m;

/**
 * Reads every `*.yaml` / `*.yml` file under `dir` (recursively, multi-document files allowed) and indexes the
 * served versions of the `apiextensions.k8s.io/v1` CustomResourceDefinitions in them. Other documents are ignored.
 *
 * Documents written in the usual block style are parsed lazily (see {@link CrdIndex}); anything else that mentions
 * CustomResourceDefinition is parsed at once. Throws one Error listing every file that cannot be read or parsed;
 * a lazily parsed file throws the same way on first use.
 */
export function loadCrdIndex(dir: string): CrdIndex {
  const index = new CrdIndex(dir);
  const errors: string[] = [];
  for (const path of listYamlFiles(dir)) {
    const file = relative(dir, path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      errors.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    if (!text.includes('CustomResourceDefinition')) continue;
    for (const chunk of text.split(DOCUMENT_BREAK)) {
      if (!chunk.includes('CustomResourceDefinition')) continue;
      if (CRD_KIND_LINE.test(chunk) && CRD_API_LINE.test(chunk)) index.addPending(file, chunk);
      else parseInto(index, file, chunk, errors);
    }
  }
  if (errors.length > 0) throw new Error(`cannot read CRDs in ${dir}:\n  ${errors.join('\n  ')}`);
  return index;
}

/** Parses YAML text (one or more documents) and adds the CRDs in it; problems are appended to `errors`. */
function parseInto(index: CrdIndex, file: string, text: string, errors: string[]): void {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch (err) {
    errors.push(`${file}: ${(err as Error).message}`);
    return;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) {
      errors.push(`${file}: ${doc.errors[0]!.message.split('\n')[0]}`);
      continue;
    }
    // Cheap check on the AST before converting large documents to plain objects.
    if (doc.get('kind') !== 'CustomResourceDefinition' || doc.get('apiVersion') !== 'apiextensions.k8s.io/v1') continue;
    try {
      index.add(doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown>, file);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
}
function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function gvkKey(apiVersion: string, kind: string): string {
  return `${apiVersion}\u0000${kind}`;
}

function groupKindKey(group: string, kind: string): string {
  return `${group}\u0000${kind}`;
}

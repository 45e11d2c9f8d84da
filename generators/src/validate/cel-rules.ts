import { kubernetesCelEnvironment } from './cel-library.js';
import type { Problem } from './problem.js';
import type { SchemaNode, ValidationRule } from './structural-schema.js';
import { typeOf } from './structural-schema.js';

/** Counts of `x-kubernetes-validations` rule evaluations, for the summary line. */
export interface CelStats {
  /** Rule evaluations that produced a result (true or false). */
  evaluated: number;
  /** Rule evaluations skipped because the rule uses something the evaluator lacks; never counted as a pass. */
  notEvaluated: number;
  /** Transition rules (using `oldSelf`) skipped: there is no old object when validating rendered files. */
  transitionRules: number;
  /** Each distinct rule that could not be evaluated, with the reason. */
  readonly unsupported: Map<string, string>;
}

/** Fresh, zeroed statistics. */
export function newCelStats(): CelStats {
  return { evaluated: 0, notEvaluated: 0, transitionRules: 0, unsupported: new Map() };
}

type Program = (ctx: { self: unknown }) => unknown;

type CompiledRule =
  | { readonly status: 'ready'; readonly rule: ValidationRule; readonly program: Program; readonly messageProgram: Program | undefined }
  | { readonly status: 'transition'; readonly rule: ValidationRule }
  | { readonly status: 'unsupported'; readonly rule: ValidationRule; readonly reason: string };

/** Compiled rules per schema node, and compiled programs per expression text (many CRDs repeat the same rules). */
const rulesByNode = new WeakMap<SchemaNode, readonly CompiledRule[]>();
const programs = new Map<string, { program: Program; transition: boolean } | { error: string }>();

/**
 * Evaluates the `x-kubernetes-validations` of one schema node against the node's (defaulted) value, with `self`
 * bound to that value converted to CEL types by the schema (integers as `int`, numbers as `double`).
 *
 * A rule that evaluates to false adds a problem with the rule's message (or `messageExpression`, or
 * `failed rule: <rule>`), at `path` plus the rule's `fieldPath`. A rule that fails at runtime adds a problem the
 * way the API server reports it. A rule that cannot be compiled or evaluated because the evaluator lacks a function
 * is counted in `stats.notEvaluated` and never treated as a pass or a failure.
 */
export function evaluateRules(node: SchemaNode, value: unknown, path: string, problems: Problem[], stats: CelStats): void {
  if (value === undefined || value === null) return;
  let rules = rulesByNode.get(node);
  if (!rules) {
    rules = (node.validations ?? []).map(compileRule);
    rulesByNode.set(node, rules);
  }
  let self: unknown;
  for (const compiled of rules) {
    if (compiled.status === 'transition') {
      stats.transitionRules++;
      continue;
    }
    if (compiled.status === 'unsupported') {
      notEvaluated(stats, compiled.rule.rule, compiled.reason);
      continue;
    }
    self ??= toCel(value, node);
    let result: unknown;
    try {
      result = compiled.program({ self });
    } catch (err) {
      const msg = firstLine(err);
      if (isLibraryGap(msg)) {
        notEvaluated(stats, compiled.rule.rule, msg);
      } else {
        stats.evaluated++;
        problems.push({ path: rulePath(path, compiled.rule), message: `Invalid value: "${schemaType(node, value)}": ${msg} evaluating rule: ${compiled.rule.rule}` });
      }
      continue;
    }
    if (typeof result !== 'boolean') {
      notEvaluated(stats, compiled.rule.rule, `rule returned ${typeof result}, not bool`);
      continue;
    }
    stats.evaluated++;
    if (!result) problems.push({ path: rulePath(path, compiled.rule), message: failureMessage(compiled, self, node, value) });
  }
}

/** Compiles one rule expression (cached by text). Exported for coverage reports and tests. */
export function compileExpression(expr: string): { program: Program; transition: boolean } | { error: string } {
  let entry = programs.get(expr);
  if (!entry) {
    try {
      const parsed = kubernetesCelEnvironment().parse(expr);
      const transition = referencesOldSelf(parsed.ast);
      if (!transition) {
        const checked = parsed.check();
        if (!checked.valid) throw checked.error;
      }
      entry = { program: parsed as unknown as Program, transition };
    } catch (err) {
      entry = { error: firstLine(err) };
    }
    programs.set(expr, entry);
  }
  return entry;
}

function compileRule(rule: ValidationRule): CompiledRule {
  const compiled = compileExpression(rule.rule);
  if ('error' in compiled) {
    // Kubernetes only admits CRDs whose rules compile, so a compile error here is a gap of this evaluator.
    return { status: 'unsupported', rule, reason: compiled.error };
  }
  if (compiled.transition) return { status: 'transition', rule };
  let messageProgram: Program | undefined;
  if (rule.messageExpression) {
    const m = compileExpression(rule.messageExpression);
    if ('program' in m && !m.transition) messageProgram = m.program;
  }
  return { status: 'ready', rule, program: compiled.program, messageProgram };
}

function failureMessage(compiled: Extract<CompiledRule, { status: 'ready' }>, self: unknown, node: SchemaNode, value: unknown): string {
  const { rule, messageProgram } = compiled;
  let message = rule.message?.trim() ? rule.message : `failed rule: ${rule.rule}`;
  if (messageProgram) {
    try {
      const m = messageProgram({ self });
      if (typeof m === 'string' && m.trim() !== '') message = m;
    } catch {
      // Falls back to `message`, as the API server does when messageExpression fails.
    }
  }
  switch (rule.reason) {
    case 'FieldValueForbidden':
      return `Forbidden: ${message}`;
    case 'FieldValueRequired':
      return `Required value: ${message}`;
    case 'FieldValueDuplicate':
      return `Duplicate value: ${message}`;
    default:
      return `Invalid value: "${schemaType(node, value)}": ${message}`;
  }
}

function notEvaluated(stats: CelStats, rule: string, reason: string): void {
  stats.notEvaluated++;
  if (!stats.unsupported.has(rule)) stats.unsupported.set(rule, reason);
}

/** Errors that mean "the evaluator lacks this", not "the object is invalid". */
function isLibraryGap(message: string): boolean {
  return /no matching overload|no such overload|unknown variable|unknown function|not supported/i.test(message);
}

function rulePath(path: string, rule: ValidationRule): string {
  const fp = rule.fieldPath?.trim();
  if (!fp) return path;
  // `.spec.foo['a.b'][0]` → `spec.foo[a.b][0]` relative to the node.
  const rel = fp.replace(/\[['"]([^'"]*)['"]\]/g, '[$1]').replace(/^\./, '');
  if (path === '') return rel;
  return rel.startsWith('[') ? `${path}${rel}` : `${path}.${rel}`;
}

function schemaType(node: SchemaNode, value: unknown): string {
  return node.type ?? typeOf(value);
}

function referencesOldSelf(ast: unknown): boolean {
  if (Array.isArray(ast)) return ast.some(referencesOldSelf);
  if (ast === null || typeof ast !== 'object') return false;
  const n = ast as { op?: unknown; args?: unknown };
  if (n.op === 'id' && n.args === 'oldSelf') return true;
  return referencesOldSelf(n.args);
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.trim();
}

/**
 * Converts a JSON value to the CEL value the API server would bind: `integer` (and int-or-string integers) become
 * `int` (bigint), `number` stays `double`, and unknown fields kept by preserve-unknown-fields use the same rule by value.
 */
export function toCel(value: unknown, node: SchemaNode | undefined): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'number') {
    if (node && node.type === 'number') return value;
    return Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => toCel(v, node?.items));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const props = node?.properties;
    const additional = node && typeof node.additional === 'object' ? node.additional : undefined;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const declared = props?.get(k);
      // Declared fields are CEL identifiers and are escaped the Kubernetes way; map keys are not.
      out[declared ? escapeFieldName(k) : k] = toCel(v, declared ?? additional);
    }
    return out;
  }
  return value;
}

/** CEL reserved words that Kubernetes escapes as `__word__` when they name a field. */
const CEL_RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

/**
 * Kubernetes' escaping of property names in CEL (apiextensions `x-kubernetes-validations`):
 * reserved words become `__word__`; `__`, `.`, `-` and `/` become `__underscores__`, `__dot__`,
 * `__dash__` and `__slash__`. So a rule reads `self.forProvider.__namespace__`.
 */
export function escapeFieldName(name: string): string {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  if (!/__|[./-]/.test(name)) return name;
  return name.replace(/__/g, '__underscores__').replace(/\./g, '__dot__').replace(/-/g, '__dash__').replace(/\//g, '__slash__');
}

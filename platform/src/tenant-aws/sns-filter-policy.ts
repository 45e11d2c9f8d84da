import type { Tenant } from '@platform/schemas';

/** What a subscription's filter policy matches: SNS's `FilterPolicyScope`. */
export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

/** One `subscribeTo` entry of a queue, string or object form. */
export type SubscribeToEntry = Tenant['aws']['queues'][number]['subscribeTo'][number];

/** A queue's subscription to a topic, whichever form the tenant file uses. */
export interface QueueSubscription {
  /** `<tenant>/<topic>`. */
  readonly topic: string;
  /** The filter policy as written in the tenant file. @default - every message is delivered */
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
  readonly filterPolicyScope: FilterPolicyScope;
}

/** The subscription of one `subscribeTo` entry: a string is a topic without a filter. */
export function queueSubscription(entry: SubscribeToEntry): QueueSubscription {
  if (typeof entry === 'string') return { topic: entry, filterPolicyScope: 'MessageAttributes' };
  return { topic: entry.topic, filterPolicy: entry.filterPolicy as Record<string, unknown> | undefined, filterPolicyScope: entry.filterPolicyScope ?? 'MessageAttributes' };
}

/**
 * The problems of a queue's `subscribeTo` list that its schema cannot state, at paths inside it: a topic named twice
 * (SNS keeps one subscription per topic and queue) and filter policies SNS would reject.
 */
export function subscribeToProblems(entries: readonly SubscribeToEntry[]): FilterPolicyProblem[] {
  const seen = new Set<string>();
  return entries.flatMap((entry, i) => {
    const s = queueSubscription(entry);
    const problems: FilterPolicyProblem[] = [];
    if (seen.has(s.topic)) problems.push({ path: [i], message: `topic "${s.topic}" is subscribed twice; allowed: each topic once (SNS keeps one subscription per topic and queue)` });
    seen.add(s.topic);
    if (s.filterPolicy !== undefined) problems.push(...filterPolicyProblems(s.filterPolicy, s.filterPolicyScope).map((p) => ({ ...p, path: [i, 'filterPolicy', ...p.path] })));
    return problems;
  });
}

/** SNS's limits on one filter policy (Amazon SNS message filtering, "Filter policy constraints"). */
export const FILTER_POLICY_LIMITS = { keys: 5, combinations: 150, nesting: 5, bytes: 256 * 1024 } as const;

/** The operators SNS accepts inside a value array, and what each takes. */
const OPERATORS: Readonly<Record<string, (v: unknown) => boolean>> = {
  prefix: (v) => typeof v === 'string' || isObject(v),
  suffix: (v) => typeof v === 'string' || isObject(v),
  'anything-but': (v) => typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.length > 0) || isObject(v),
  numeric: (v) => Array.isArray(v) && numericOk(v),
  exists: (v) => typeof v === 'boolean',
  'equals-ignore-case': (v) => typeof v === 'string',
  cidr: (v) => typeof v === 'string' && /^[0-9a-fA-F:.]+\/[0-9]{1,3}$/.test(v),
};
const COMPARISONS = ['=', '<', '<=', '>', '>='];
/** SNS numeric matching works on values from -1e9 to 1e9. */
const NUMERIC_RANGE = 1e9;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `["=", 5]`, `[">", 0, "<=", 100]`: comparison and number pairs (one `=` or up to two bounds). */
function numericOk(v: readonly unknown[]): boolean {
  if (v.length !== 2 && v.length !== 4) return false;
  for (let i = 0; i < v.length; i += 2) {
    const op = v[i];
    const n = v[i + 1];
    if (typeof op !== 'string' || !COMPARISONS.includes(op) || typeof n !== 'number' || Math.abs(n) > NUMERIC_RANGE) return false;
  }
  return v.length === 2 || (v[0] !== '=' && v[2] !== '=');
}

/** A problem at a path inside the filter policy. */
export interface FilterPolicyProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** One way a policy can match: the value arrays of its keys, after `$or` alternatives are chosen. */
type Alternative = { readonly keys: string[]; readonly combinations: number };

/**
 * Checks a filter policy as SNS documents it: an object (nested only when the scope is `MessageBody`, at most 5
 * levels), whose leaves are non-empty arrays of strings, numbers, booleans, `null` or one-key operator objects
 * (`prefix`, `suffix`, `anything-but`, `numeric`, `exists`, `equals-ignore-case`, `cidr`), and `$or` arrays of such
 * objects. Then SNS's limits: at most 5 keys and 150 value combinations (the product of the value-array lengths,
 * summed over the `$or` alternatives), and 256 KiB of JSON.
 */
export function filterPolicyProblems(policy: unknown, scope: FilterPolicyScope): FilterPolicyProblem[] {
  const problems: FilterPolicyProblem[] = [];
  if (!isObject(policy) || Object.keys(policy).length === 0) {
    return [{ path: [], message: `found ${JSON.stringify(policy)}; allowed: an object of at least one key whose values are arrays of accepted values` }];
  }
  const alternatives = walk(policy, [], scope, 1, problems);
  if (problems.length > 0) return problems;
  const keys = Math.max(...alternatives.map((a) => new Set(a.keys).size));
  if (keys > FILTER_POLICY_LIMITS.keys) {
    problems.push({ path: [], message: `found ${keys} keys in one alternative; allowed: at most ${FILTER_POLICY_LIMITS.keys} (SNS's limit on a filter policy)` });
  }
  const combinations = alternatives.reduce((n, a) => n + a.combinations, 0);
  if (combinations > FILTER_POLICY_LIMITS.combinations) {
    problems.push({ path: [], message: `found ${combinations} value combinations; allowed: at most ${FILTER_POLICY_LIMITS.combinations} (SNS multiplies the lengths of the value arrays, and adds up the $or alternatives)` });
  }
  const bytes = Buffer.byteLength(JSON.stringify(policy));
  if (bytes > FILTER_POLICY_LIMITS.bytes) problems.push({ path: [], message: `found ${bytes} bytes of JSON; allowed: at most ${FILTER_POLICY_LIMITS.bytes}` });
  return problems;
}

/** The alternatives of one object level; reports shape problems. Stops expanding at the combination limit. */
function walk(node: Record<string, unknown>, at: (string | number)[], scope: FilterPolicyScope, depth: number, problems: FilterPolicyProblem[]): Alternative[] {
  let alternatives: Alternative[] = [{ keys: [], combinations: 1 }];
  const join = (choices: Alternative[]) => {
    alternatives = alternatives.flatMap((a) => choices.map((c) => ({ keys: [...a.keys, ...c.keys], combinations: a.combinations * c.combinations }))).slice(0, FILTER_POLICY_LIMITS.combinations + 1);
  };
  for (const [key, value] of Object.entries(node)) {
    const path = [...at, key];
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2 || !value.every(isObject)) {
        problems.push({ path, message: `found ${JSON.stringify(value)}; allowed: an array of at least two filter policy objects` });
        continue;
      }
      join(value.flatMap((v, i) => walk(v, [...path, i], scope, depth, problems)));
    } else if (Array.isArray(value)) {
      if (value.length === 0) problems.push({ path, message: 'found an empty array; allowed: at least one accepted value' });
      value.forEach((v, i) => valueProblem(v, [...path, i], problems));
      join([{ keys: [at.filter((p) => typeof p === 'string' && p !== '$or').concat(key).join('.')], combinations: Math.max(value.length, 1) }]);
    } else if (isObject(value) && scope === 'MessageBody') {
      if (depth >= FILTER_POLICY_LIMITS.nesting) {
        problems.push({ path, message: `found an object nested ${depth + 1} levels deep; allowed: at most ${FILTER_POLICY_LIMITS.nesting} levels` });
        continue;
      }
      join(walk(value, path, scope, depth + 1, problems));
    } else {
      const allowed = scope === 'MessageBody' ? 'an array of accepted values, or an object for a nested key of the body' : 'an array of accepted values (nested objects need filterPolicyScope: MessageBody)';
      problems.push({ path, message: `found ${JSON.stringify(value)}; allowed: ${allowed}` });
    }
  }
  return alternatives;
}

function valueProblem(v: unknown, path: (string | number)[], problems: FilterPolicyProblem[]): void {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return;
  if (isObject(v)) {
    const keys = Object.keys(v);
    const op = keys[0] ?? '';
    const check = OPERATORS[op];
    if (keys.length === 1 && check?.(v[op])) return;
    if (keys.length === 1 && check) {
      problems.push({ path: [...path, op], message: `found ${JSON.stringify(v[op])}; allowed: ${OPERAND[op]}` });
      return;
    }
  }
  problems.push({ path, message: `found ${JSON.stringify(v)}; allowed: a string, number, boolean, null or one operator object (${Object.keys(OPERATORS).join(', ')})` });
}

/** What each operator takes, for messages. */
const OPERAND: Readonly<Record<string, string>> = {
  prefix: 'a string', suffix: 'a string', 'anything-but': 'a value, a non-empty array of values, or a prefix/suffix object',
  numeric: `comparisons and numbers within ±${NUMERIC_RANGE}, e.g. ["=", 5] or [">", 0, "<=", 100]`, exists: 'true or false',
  'equals-ignore-case': 'a string', cidr: 'an IP prefix such as "10.0.0.0/24"',
};

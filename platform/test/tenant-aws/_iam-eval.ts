import type { PolicyStatement } from '../../src/crossplane/iam/policy-document.js';

/**
 * A small IAM evaluator for tests: identity statements, an optional permissions boundary, and one
 * request (action, resource ARN, request context). It follows IAM's order: an explicit Deny in any
 * policy wins; otherwise the identity policy must allow, and so must the boundary when there is one.
 * Conditions: String(Not)Equals, StringLike, Arn(Not)Like, ArnEquals, Bool, Null, the `IfExists` forms,
 * `ForAllValues:` and `ForAnyValue:`; policy variables `${key}` are resolved from the context (an unresolvable one makes
 * the statement not apply, as in IAM). Not modelled: NotAction/NotResource, resource-based policies.
 */

/** The request context: single-valued keys as strings, multi-valued ones (aws:TagKeys) as arrays. */
export type Context = Readonly<Record<string, string | readonly string[]>>;

export interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context?: Context;
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');

/** Replaces `${key}` by its context value; undefined when a key has no (single) value. */
function resolve(value: string, context: Context): string | undefined {
  let unresolved = false;
  const out = value.replace(/\$\{([^}]+)\}/g, (_, key: string) => {
    const v = context[key];
    if (typeof v !== 'string') unresolved = true;
    return typeof v === 'string' ? v : '';
  });
  return unresolved ? undefined : out;
}

const asList = (v: string | readonly string[]) => (typeof v === 'string' ? [v] : v);

function test(operator: string, actual: string, expected: string): boolean {
  switch (operator) {
    case 'StringEquals':
    case 'ArnEquals':
    case 'Bool': return actual === expected;
    case 'StringNotEquals': return actual !== expected;
    case 'StringLike':
    case 'ArnLike': return glob(expected).test(actual);
    case 'StringNotLike':
    case 'ArnNotLike': return !glob(expected).test(actual);
    default: throw new Error(`condition operator ${operator} is not modelled`);
  }
}

/** One condition key: true when it holds; undefined when a policy variable in it cannot be resolved. */
function holds(rawOperator: string, key: string, values: string | readonly string[], context: Context): boolean | undefined {
  const expected: string[] = [];
  for (const v of asList(values)) {
    const r = resolve(v, context);
    if (r === undefined) return undefined;
    expected.push(r);
  }
  const actual = context[key];
  if (rawOperator === 'Null') return (actual === undefined) === (expected[0] === 'true');
  const forAll = rawOperator.startsWith('ForAllValues:');
  const forAny = rawOperator.startsWith('ForAnyValue:');
  const ifExists = rawOperator.endsWith('IfExists');
  const operator = rawOperator.replace(/^For(All|Any)Values?:/, '').replace(/IfExists$/, '');
  const negated = /Not/.test(operator);
  if (actual === undefined) return forAll || ifExists || negated;
  const one = (a: string) => (negated ? expected.every((e) => test(operator, a, e)) : expected.some((e) => test(operator, a, e)));
  if (forAll) return asList(actual).every(one);
  if (forAny) return asList(actual).some(one);
  return typeof actual === 'string' && one(actual);
}

/** Whether a statement applies to the request (its actions, resources and every condition match). */
function applies(s: PolicyStatement, req: Request): boolean {
  const context = req.context ?? {};
  if (!s.actions.some((a) => glob(a).test(req.action))) return false;
  const resources = (s.resources ?? []).map((r) => resolve(r, context));
  if (!resources.some((r) => r !== undefined && glob(r).test(req.resource))) return false;
  for (const [operator, keys] of Object.entries(s.condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      if (holds(operator, key, values, context) !== true) return false;
    }
  }
  return true;
}

export const denies = (statements: readonly PolicyStatement[], req: Request) => statements.some((s) => s.effect === 'Deny' && applies(s, req));
const grants = (statements: readonly PolicyStatement[], req: Request) => statements.some((s) => (s.effect ?? 'Allow') === 'Allow' && applies(s, req));

/** IAM's decision for a principal with these identity statements and, optionally, a permissions boundary. */
export function isAllowed(identity: readonly PolicyStatement[], req: Request, boundary?: readonly PolicyStatement[]): boolean {
  if (denies(identity, req) || (boundary && denies(boundary, req))) return false;
  return grants(identity, req) && (!boundary || grants(boundary, req));
}

/** A policy with every action on every resource: what a careless or hostile policy on a tenant-made role could say. */
export const EVERYTHING: PolicyStatement[] = [{ sid: 'Everything', actions: ['*'], resources: ['*'], anyResourceBecause: 'test' }];

/**
 * Whether a trust policy lets a web-identity token (sts:AssumeRoleWithWebIdentity) assume the role: IAM matches the
 * token's issuer to the statement's `Federated` provider ARN, then the conditions on its claims (`<issuer>:aud`, `:sub`).
 */
export function trustsWebIdentity(trust: readonly PolicyStatement[], providerArn: string, claims: Context): boolean {
  const federated = trust
    .filter((s) => s.principal !== undefined && s.principal !== '*' && s.principal.Federated === providerArn)
    .map((s) => ({ ...s, resources: ['role'] }));
  return isAllowed(federated, { action: 'sts:AssumeRoleWithWebIdentity', resource: 'role', context: claims });
}

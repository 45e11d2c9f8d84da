/**
 * IAM policy documents as the JSON strings the IAM kinds take, checked for the platform's rules:
 * no `*` (or `service:*`) actions, and no `*` resource unless the statement says why.
 */

export interface PolicyStatement {
  /** Statement id, letters and digits. @default - none */
  readonly sid?: string;
  /** @default 'Allow' */
  readonly effect?: 'Allow' | 'Deny';
  /** Principal of a trust or resource policy, e.g. `{ Service: 'eks.amazonaws.com' }`. @default - none */
  readonly principal?: Readonly<Record<string, string | readonly string[]>> | '*';
  readonly actions: readonly string[];
  /** ARNs. `*` only with `anyResourceBecause`. @default - none (trust policies) */
  readonly resources?: readonly string[];
  /** Why `*` is the only possible resource (e.g. `ec2:Describe*` calls cannot be scoped). @default - `*` is rejected */
  readonly anyResourceBecause?: string;
  /** Condition block, e.g. `{ Bool: { 'aws:SecureTransport': 'false' } }`. @default - none */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** Throws when a statement grants `*` actions, or `*` resources without a stated reason. */
export function checkStatement(s: PolicyStatement): void {
  const effect = s.effect ?? 'Allow';
  if (s.actions.length === 0) throw new Error(`'actions' of statement ${s.sid ?? '(no sid)'} is empty`);
  if (effect === 'Allow') {
    const wild = s.actions.find((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a));
    if (wild) throw new Error(`'actions' (${wild}) grants every action of a service; allowed: named actions such as s3:GetObject`);
    if ((s.resources ?? []).includes('*') && !s.anyResourceBecause) {
      throw new Error(`'resources' (*) of statement ${s.sid ?? '(no sid)'} is not scoped; allowed: ARNs, or '*' with 'anyResourceBecause'`);
    }
  }
}

/** Renders a policy document (version 2012-10-17) as a stable JSON string. */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => {
      checkStatement(s);
      return {
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect ?? 'Allow',
        ...(s.principal ? { Principal: s.principal } : {}),
        Action: s.actions.length === 1 ? s.actions[0] : [...s.actions],
        ...(s.resources ? { Resource: s.resources.length === 1 ? s.resources[0] : [...s.resources] } : {}),
        ...(s.condition ? { Condition: s.condition } : {}),
      };
    }),
  });
}

/** A trust policy letting an AWS service (e.g. `ec2.amazonaws.com`) assume the role. */
export function serviceTrustPolicy(service: string, actions: readonly string[] = ['sts:AssumeRole']): string {
  return policyDocument([{ principal: { Service: service }, actions }]);
}

/** The ARN of an AWS-managed policy, e.g. `AmazonEKSClusterPolicy`. */
export const awsManagedPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;

import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../src/crossplane/iam/policy-document.js';
import { type TenantAwsEnv, arns, bucketName } from '../../src/tenant-aws/tenant-aws-env.js';
import { tenantRoleStatements } from '../../src/tenant-aws/tenant-provider-config.js';
import { ENV } from './_env.js';

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
const matches = (patterns: readonly string[] | undefined, value: string) => (patterns ?? []).some((p) => glob(p).test(value));

/** IAM's decision for one action on one ARN: an explicit Deny wins; Allow conditions are ignored (so "allowed" is an upper bound). */
function allows(statements: readonly PolicyStatement[], action: string, arn: string): boolean {
  const hit = (s: PolicyStatement) => matches(s.actions, action) && matches(s.resources, arn);
  if (statements.some((s) => s.effect === 'Deny' && hit(s))) return false;
  return statements.some((s) => (s.effect ?? 'Allow') === 'Allow' && hit(s));
}

/** One write action on each name-scoped resource a tenant owns, `x` being the short name. */
function writesOn(env: TenantAwsEnv, x: string): [string, string][] {
  const r = `${env.region}:${env.accountId}`;
  const n = `${env.cluster}-${env.tenant}-${x}`;
  return [
    ['s3:PutBucketPolicy', arns.bucket(env, x)],
    ['sqs:SetQueueAttributes', arns.queue(env, x)],
    ['sns:Subscribe', arns.topic(env, x)],
    ['dynamodb:UpdateTable', arns.table(env, x)],
    ['ecr:SetRepositoryPolicy', arns.repository(env, x)],
    ['rds:ModifyDBInstance', arns.database(env, x)],
    ['elasticache:ModifyReplicationGroup', `arn:aws:elasticache:${r}:replicationgroup:${n}`],
    ['es:UpdateDomainConfig', arns.domain(env, x)],
    ['iam:UpdateAssumeRolePolicy', `arn:aws:iam::${env.accountId}:role/${n}`],
    ['iam:PassRole', `arn:aws:iam::${env.accountId}:role/${n}`],
    ['iam:CreatePolicyVersion', `arn:aws:iam::${env.accountId}:policy/${n}`],
    ['kms:UpdateAlias', `arn:aws:kms:${r}:alias/${n}`],
    ['secretsmanager:UpdateSecret', arns.secret(env, x).replace('??????', 'AbCdEf')],
  ];
}

describe('tenantRoleStatements', () => {
  const a: TenantAwsEnv = { ...ENV, tenant: 'a', namespace: 'a' };
  const ab: TenantAwsEnv = { ...ENV, tenant: 'a-b', namespace: 'a-b' };

  it('GIVEN tenant a WHEN its role is evaluated THEN it may change each of its own resources', () => {
    for (const [action, arn] of writesOn(a, 'x')) expect(allows(tenantRoleStatements(a, ['a-b']), action, arn), `${action} ${arn}`).toBe(true);
  });

  it('GIVEN tenants a and a-b WHEN a\'s role is evaluated THEN it can name none of a-b\'s resources, which its prefix "<cluster>-a-" alone would cover', () => {
    const without = writesOn(ab, 'x').filter(([action, arn]) => allows(tenantRoleStatements(a), action, arn)).map(([action]) => action);
    // The overlap is real: without the Deny, every name-scoped grant of a reaches a-b (secrets are under "<cluster>/a/" and stay apart).
    expect(without).toEqual(writesOn(ab, 'x').map(([action]) => action).filter((x) => !x.startsWith('secretsmanager:')));
    for (const [action, arn] of writesOn(ab, 'x')) expect(allows(tenantRoleStatements(a, ['a-b', 'c']), action, arn), `${action} ${arn}`).toBe(false);
  });

  it('GIVEN tenants a and a-b WHEN a-b\'s role is evaluated THEN it can name none of a\'s resources and gets no Deny of its own', () => {
    for (const [action, arn] of writesOn(a, 'x')) expect(allows(tenantRoleStatements(ab, ['a']), action, arn), `${action} ${arn}`).toBe(false);
    expect(tenantRoleStatements(ab, ['a']).some((s) => s.effect === 'Deny')).toBe(false);
  });

  it('GIVEN tenant a and a-b WHEN rendered THEN the Deny names exactly a-b\'s name prefixes', () => {
    const deny = tenantRoleStatements(a, ['a-b']).find((s) => s.sid === 'NotNestedTenants')!;
    expect(deny.resources).toContain('arn:aws:s3:::123456789012-eu-west-2-stage-a-b-*');
    expect(deny.resources).toContain('arn:aws:iam::123456789012:role/stage-a-b-*');
    expect(deny.resources).toContain('arn:aws:rds:eu-west-2:123456789012:db:stage-a-b-*');
    expect(deny.resources!.every((r) => r.includes('stage-a-b-'))).toBe(true);
  });

  it('GIVEN the new bucket names WHEN the role is evaluated THEN it covers its bucket by the account-and-region name and not the cluster\'s own buckets', () => {
    expect(bucketName(ENV, 'invoices')).toBe('123456789012-eu-west-2-stage-shop-invoices');
    const statements = tenantRoleStatements(ENV);
    expect(allows(statements, 's3:PutBucketPolicy', 'arn:aws:s3:::123456789012-eu-west-2-stage-shop-invoices')).toBe(true);
    expect(allows(statements, 's3:PutBucketPolicy', 'arn:aws:s3:::123456789012-eu-west-2-stage-logs')).toBe(false);
    expect(allows(statements, 's3:PutBucketPolicy', 'arn:aws:s3:::stage-shop-invoices')).toBe(false);
  });

  it('GIVEN pod identity associations WHEN the role is evaluated THEN they are created tagged for the tenant and changed only when so tagged', () => {
    const pod = tenantRoleStatements(ENV).filter((s) => s.actions.some((x) => x.includes('PodIdentityAssociation')));
    expect(pod.map((s) => [s.sid, s.condition])).toEqual([
      ['CreateTaggedPodIdentity', { StringEquals: { 'aws:RequestTag/platform.example.com/tenant': 'shop' } }],
      ['ManageTaggedPodIdentity', { StringEquals: { 'aws:ResourceTag/platform.example.com/tenant': 'shop' } }],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { TENANT_TAG, type TenantAwsEnv, awsPrefixOf, bucketName, ownBoundaryArn } from '../../src/tenant-aws/tenant-aws-env.js';
import { arnOf } from '../../src/tenant-aws/tenant-aws-kinds.js';
import { TenantBoundaryPolicy, nestedTenantsOf, tenantBoundaryStatements } from '../../src/tenant-aws/tenant-boundary.js';
import { workloadStatements } from '../../src/tenant-aws/tenant-aws-kinds.js';
import { type Context, EVERYTHING, isAllowed } from './_iam-eval.js';
import { ENV, newChart, objectsOf, one } from './_env.js';

const BILLING: TenantAwsEnv = { ...ENV, tenant: 'billing', namespace: 'billing' };
const boundary = tenantBoundaryStatements(ENV);

/** A session of role `<cluster>-<tenant>-<name>` carrying the tenant tag `tag`. */
const session = (role: string, tag: string | undefined): Context => ({
  'aws:PrincipalArn': `arn:aws:iam::123456789012:role/${role}`,
  ...(tag ? { [`aws:PrincipalTag/${TENANT_TAG}`]: tag } : {}),
  'aws:RequestedRegion': 'eu-west-2',
});
const SHOP_POD = session('stage-shop-sa-api', 'shop');

/** One data-plane request on each kind of resource of `env`'s tenant. */
function dataOf(env: TenantAwsEnv): [string, string, Context?][] {
  return [
    ['s3:GetObject', `${arnOf('buckets', env, { name: 'media' })}/a.png`],
    ['s3:ListBucket', arnOf('buckets', env, { name: 'media' })],
    ['sqs:SendMessage', arnOf('queues', env, { name: 'orders' })],
    ['sns:Publish', arnOf('topics', env, { name: 'events' })],
    ['dynamodb:PutItem', arnOf('tables', env, { name: 'carts' })],
    ['es:ESHttpGet', `${arnOf('opensearch', env, { name: 'search' })}/index`],
    ['secretsmanager:GetSecretValue', arnOf('secrets', env, { name: 'stripe' }).replace('??????', 'AbCdEf')],
    ['ecr:PutImage', arnOf('registries', env, { name: 'web' })],
    ['kms:Decrypt', 'arn:aws:kms:eu-west-2:123456789012:key/0000', { [`aws:ResourceTag/${TENANT_TAG}`]: awsPrefixOf(env) }],
  ];
}

/** What a role under the boundary may do when its own policy allows everything. */
const reach = (ctx: Context, action: string, resource: string, extra: Context = {}) =>
  isAllowed(EVERYTHING, { action, resource, context: { ...ctx, ...extra } }, boundary);

describe('tenantBoundaryStatements', () => {
  it('GIVEN a tenant-made role with a "*" policy WHEN it uses its own tenant\'s resources THEN the boundary lets it', () => {
    for (const [action, arn, extra] of dataOf(ENV)) expect(reach(SHOP_POD, action, arn, extra), `${action} ${arn}`).toBe(true);
    expect(reach(SHOP_POD, 'ecr:GetAuthorizationToken', '*')).toBe(true);
  });

  it('GIVEN a tenant-made role with a "*" policy WHEN it reaches another tenant\'s resources THEN every request is denied', () => {
    for (const [action, arn, extra] of dataOf(BILLING)) expect(reach(SHOP_POD, action, arn, extra), `${action} ${arn}`).toBe(false);
  });

  it('GIVEN a 60-character tenant with a derived AWS prefix WHEN its roles use resources THEN the boundary scopes them by the prefix its tag carries', () => {
    const long: TenantAwsEnv = { ...ENV, tenant: `civil-${'x'.repeat(54)}`, namespace: `civil-${'x'.repeat(54)}` };
    const prefix = awsPrefixOf(long);
    const pod = session(`stage-${prefix}-sa-api`, prefix);
    for (const [action, arn, extra] of dataOf(long)) expect(reach(pod, action, arn, extra), `${action} ${arn}`).toBe(true);
    for (const [action, arn, extra] of dataOf(long)) expect(reach(SHOP_POD, action, arn, extra), `shop: ${action} ${arn}`).toBe(false);
    for (const [action, arn, extra] of dataOf(ENV)) expect(reach(pod, action, arn, extra), `long: ${action} ${arn}`).toBe(false);
    // A session tagged with the tenant's name rather than its prefix matches none of its role names.
    for (const [action, arn, extra] of dataOf(long)) expect(reach(session(`stage-${prefix}-sa-api`, long.tenant), action, arn, extra), `${action} ${arn}`).toBe(false);
  });

  it('GIVEN a tenant-made role with a "*" policy WHEN it reaches the platform THEN IAM, the control plane and the platform\'s data are denied', () => {
    const platform: [string, string][] = [
      ['s3:GetObject', `arn:aws:s3:::${bucketName(ENV, '').replace(/shop-$/, 'logs')}/x`],
      ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:platform/stage/grafana-AbCdEf'],
      ['kms:Decrypt', 'arn:aws:kms:eu-west-2:123456789012:key/cluster'],
      ['iam:CreateRole', 'arn:aws:iam::123456789012:role/stage-shop-admin'],
      ['iam:AttachRolePolicy', 'arn:aws:iam::123456789012:role/stage-shop-sa-api'],
      ['iam:CreatePolicyVersion', ownBoundaryArn(ENV)],
      ['sts:AssumeRole', 'arn:aws:iam::123456789012:role/stage-crossplane-provider'],
      ['ec2:RunInstances', 'arn:aws:ec2:eu-west-2:123456789012:instance/*'],
      ['eks:DescribeCluster', 'arn:aws:eks:eu-west-2:123456789012:cluster/stage'],
      ['s3:PutBucketPolicy', arnOf('buckets', ENV, { name: 'media' })],
    ];
    for (const [action, arn] of platform) expect(reach(SHOP_POD, action, arn), `${action} ${arn}`).toBe(false);
    expect(reach(SHOP_POD, 'ecr:GetAuthorizationToken', '*', { 'aws:RequestedRegion': 'us-east-1' })).toBe(false);
  });

  it('GIVEN a session whose tenant tag is missing or names another tenant than its role WHEN it uses any resource THEN it is denied', () => {
    const forged = session('stage-shop-sa-api', 'billing');
    for (const [action, arn, extra] of [...dataOf(BILLING), ...dataOf(ENV)]) {
      expect(reach(forged, action, arn, extra), `forged ${action} ${arn}`).toBe(false);
      expect(reach(session('stage-shop-sa-api', undefined), action, arn, extra), `untagged ${action} ${arn}`).toBe(false);
    }
  });

  it('GIVEN the boundary WHEN compared with what the platform renders for workloads THEN it allows every action a workload policy names', () => {
    const access = { buckets: [arnOf('buckets', ENV, { name: 'media' })], queues: [arnOf('queues', ENV, { name: 'orders' })], topics: [arnOf('topics', ENV, { name: 'events' })], tables: [arnOf('tables', ENV, { name: 'carts' })], opensearch: [arnOf('opensearch', ENV, { name: 'search' })] };
    for (const s of workloadStatements(access)) {
      for (const action of s.actions) {
        for (const arn of s.resources ?? []) expect(reach(SHOP_POD, action, arn.replace(/\*$/, 'x')), `${action} ${arn}`).toBe(true);
      }
    }
  });
});

describe('tenantBoundaryStatements: nested tenant names', () => {
  const A: TenantAwsEnv = { ...ENV, tenant: 'a', namespace: 'a' };
  const AB: TenantAwsEnv = { ...ENV, tenant: 'a-b', namespace: 'a-b' };
  const fenced = tenantBoundaryStatements(ENV, nestedTenantsOf(['a', 'a-b', 'shop']));
  const A_POD = session('stage-a-sa-api', 'a');
  const AB_POD = session('stage-a-b-sa-api', 'a-b');
  const reachWith = (statements: typeof boundary, ctx: Context, action: string, resource: string, extra: Context = {}) =>
    isAllowed(EVERYTHING, { action, resource, context: { ...ctx, ...extra } }, statements);

  it('GIVEN tenants a and a-b WHEN listed THEN a-b is the nested one', () => {
    expect(nestedTenantsOf(['shop', 'a-b', 'a', 'a-b-c', 'ab'])).toEqual(['a-b', 'a-b-c']);
  });

  it('GIVEN a role of tenant a with a "*" policy WHEN it acts on a-b\'s bucket and other resources THEN each is denied', () => {
    const names = dataOf(AB).filter(([action]) => !action.startsWith('secretsmanager:') && !action.startsWith('kms:'));
    // Without the fence, a's names "<cluster>-a-*" cover a-b's: the attack works on the boundary alone.
    for (const [action, arn, extra] of names) expect(reachWith(boundary, A_POD, action, arn, extra), `unfenced ${action} ${arn}`).toBe(true);
    for (const [action, arn, extra] of dataOf(AB)) expect(reachWith(fenced, A_POD, action, arn, extra), `${action} ${arn}`).toBe(false);
  });

  it('GIVEN the fence WHEN a and a-b use their own resources THEN both still may', () => {
    for (const [action, arn, extra] of dataOf(A)) expect(reachWith(fenced, A_POD, action, arn, extra), `a: ${action} ${arn}`).toBe(true);
    for (const [action, arn, extra] of dataOf(AB)) expect(reachWith(fenced, AB_POD, action, arn, extra), `a-b: ${action} ${arn}`).toBe(true);
    for (const [action, arn, extra] of dataOf(ENV)) expect(reachWith(fenced, SHOP_POD, action, arn, extra), `shop: ${action} ${arn}`).toBe(true);
  });

  it('GIVEN the fence WHEN rendered THEN one Deny names a-b\'s name-scoped resources only', () => {
    const deny = fenced.filter((s) => s.sid.startsWith('NotNestedTenant'));
    expect(deny.map((s) => s.sid)).toEqual(['NotNestedTenant1']);
    expect(deny[0]!.resources!.every((r) => r.includes('stage-a-b-'))).toBe(true);
    expect(deny[0]!.condition).toEqual({ StringNotEquals: { [`aws:PrincipalTag/${TENANT_TAG}`]: 'a-b' } });
  });
});

describe('TenantBoundaryPolicy', () => {
  it('GIVEN a tenant of a cluster WHEN rendered THEN one infra Policy stage-boundary-<tenant> holds the statements', () => {
    const chart = newChart();
    const policy = new TenantBoundaryPolicy(chart, 'b', { cluster: 'stage', accountId: '123456789012', region: 'eu-west-2', tenant: 'shop' });
    const obj = one(objectsOf(chart), 'Policy');
    expect(policy.arn).toBe('arn:aws:iam::123456789012:policy/stage-boundary-shop');
    expect(policy.arn).toBe(ownBoundaryArn(ENV));
    expect(obj.metadata).toMatchObject({ name: 'boundary-shop', namespace: 'infra-stage', annotations: { 'crossplane.io/external-name': 'stage-boundary-shop' } });
    expect(obj.spec.providerConfigRef).toEqual({ kind: 'ClusterProviderConfig', name: 'infra-stage' });
    const doc = JSON.parse((obj.spec.forProvider as { policy: string }).policy) as { Statement: { Sid: string; Resource: string | string[] }[] };
    expect(doc.Statement.map((s) => s.Sid)).toEqual(boundary.map((s) => s.sid));
    expect(doc.Statement.find((s) => s.Sid === 'OwnObjects')!.Resource).toBe('arn:aws:s3:::123456789012-eu-west-2-stage-${aws:PrincipalTag/platform.example.com/tenant}-*/*');
  });
});

describe('TenantBoundaryPolicy size', () => {
  it('GIVEN external access that would grow the boundary past IAM\'s managed policy limit WHEN rendered THEN it fails naming the limit', () => {
    const grant = (i: number) => ({ name: `partner-${i}`, description: 'p', actions: ['s3:GetObject'], resources: [`arn:aws:s3:::partner-bucket-number-${i}/exports/*`] });
    const externalAccess = Array.from({ length: 40 }, (_, i) => grant(i));
    expect(() => new TenantBoundaryPolicy(newChart(), 'b', { cluster: 'stage', accountId: '123456789012', region: 'eu-west-2', tenant: 'shop', externalAccess })).toThrow(
      /^boundary of tenant shop on cluster stage: \d+ characters; allowed: at most 6144 \(IAM's limit on a managed policy\).*tenancy\.externalAccess entries for this tenant/,
    );
    // Forty tenants with one grant each: every boundary holds one grant and fits.
    const chart = newChart();
    for (let i = 0; i < 40; i++) new TenantBoundaryPolicy(chart, `b${i}`, { cluster: 'stage', accountId: '123456789012', region: 'eu-west-2', tenant: `tenant${i}`, externalAccess: [grant(i)] });
    const policies = objectsOf(chart).filter((o) => o.kind === 'Policy').map((o) => (o.spec.forProvider as { policy: string }).policy);
    expect(policies).toHaveLength(40);
    policies.forEach((p, i) => expect(p.match(/partner-bucket-number-\d+/g), `tenant${i}`).toEqual([`partner-bucket-number-${i}`]));
  });
});

describe('nestedTenantsOf', () => {
  it('GIVEN tenants whose names start with another tenant and a dash WHEN listed THEN exactly those, at any depth, and no mere string prefix', () => {
    expect(nestedTenantsOf(['a', 'a-b', 'a-b-c', 'ab', 'b-x', 'shop', 'shop-eu'])).toEqual(['a-b', 'a-b-c', 'shop-eu']);
  });
});

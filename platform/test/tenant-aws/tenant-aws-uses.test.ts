import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../src/crossplane/iam/policy-document.js';
import { TENANT_TAG, type TenantAwsEnv, accountRoleArn } from '../../src/tenant-aws/tenant-aws-env.js';
import { arnOf } from '../../src/tenant-aws/tenant-aws-kinds.js';
import { type TenantAwsUse, grantsOf, keyUseStatements, useBoundaryStatements, useStatements, usesOf } from '../../src/tenant-aws/tenant-aws-uses.js';
import { MANAGED_POLICY_MAX_LENGTH, TenantBoundaryPolicy, tenantBoundaryStatements } from '../../src/tenant-aws/tenant-boundary.js';
import { type Context, EVERYTHING, isAllowed } from './_iam-eval.js';
import { ENV, newChart, objectsOf } from './_env.js';

// GIVEN shop uses five resources of pay; pay has others of each kind; evil is a third tenant of the cluster.
const PAY: TenantAwsEnv = { ...ENV, tenant: 'pay', namespace: 'pay' };
const EVIL: TenantAwsEnv = { ...ENV, tenant: 'evil', namespace: 'evil' };
const USES: TenantAwsUse[] = [
  { field: 'topics', owner: 'pay', name: 'events', access: 'publish' },
  { field: 'queues', owner: 'pay', name: 'orders', access: 'send' },
  { field: 'buckets', owner: 'pay', name: 'media', access: 'read' },
  { field: 'buckets', owner: 'pay', name: 'drop', access: 'write' },
  { field: 'secrets', owner: 'pay', name: 'stripe', access: 'read' },
];
const boundary = tenantBoundaryStatements(ENV, [], [{ env: ENV, uses: USES }]);
const workload = useStatements(ENV, USES, 'workloads');
const store = useStatements(ENV, USES, 'secretStore');

const session = (role: string, tag: string): Context => ({ 'aws:PrincipalArn': `arn:aws:iam::123456789012:role/${role}`, [`aws:PrincipalTag/${TENANT_TAG}`]: tag });
const SHOP_POD = session('stage-shop-sa-api', 'shop');
const SHOP_STORE = session('stage-shop-secrets', 'shop');
const EVIL_POD = session('stage-evil-sa-api', 'evil');

const secret = (name: string) => arnOf('secrets', PAY, { name: name }).replace('??????', 'AbCdEf');
const payKey = 'arn:aws:kms:eu-west-2:123456789012:key/1111';
const viaKey = (service: string, tenant = 'pay'): Context => ({ 'kms:ViaService': `${service}.eu-west-2.amazonaws.com`, [`aws:ResourceTag/${TENANT_TAG}`]: tenant });

/** Exactly the agreed uses. */
const AGREED: [string, string][] = [
  ['sns:Publish', arnOf('topics', PAY, { name: 'events' })],
  ['sqs:SendMessage', arnOf('queues', PAY, { name: 'orders' })],
  ['sqs:GetQueueUrl', arnOf('queues', PAY, { name: 'orders' })],
  ['s3:ListBucket', arnOf('buckets', PAY, { name: 'media' })],
  ['s3:GetObject', `${arnOf('buckets', PAY, { name: 'media' })}/invoice.pdf`],
  ['s3:GetObject', `${arnOf('buckets', PAY, { name: 'drop' })}/upload.csv`],
  ['s3:PutObject', `${arnOf('buckets', PAY, { name: 'drop' })}/upload.csv`],
];
/** Everything else of pay's a workload of shop might try: other resources, and more than the access agreed. */
const BEYOND: [string, string][] = [
  ['sqs:ReceiveMessage', arnOf('queues', PAY, { name: 'orders' })],
  ['sqs:DeleteMessage', arnOf('queues', PAY, { name: 'orders' })],
  ['sqs:PurgeQueue', arnOf('queues', PAY, { name: 'orders' })],
  ['sqs:SetQueueAttributes', arnOf('queues', PAY, { name: 'orders' })],
  ['sqs:SendMessage', `${arnOf('queues', PAY, { name: 'orders' })}-dlq`],
  ['sqs:SendMessage', arnOf('queues', PAY, { name: 'ledger' })],
  ['sns:Publish', arnOf('topics', PAY, { name: 'audit' })],
  ['sns:Subscribe', arnOf('topics', PAY, { name: 'events' })],
  ['sns:SetTopicAttributes', arnOf('topics', PAY, { name: 'events' })],
  ['s3:PutObject', `${arnOf('buckets', PAY, { name: 'media' })}/invoice.pdf`],
  ['s3:DeleteObject', `${arnOf('buckets', PAY, { name: 'media' })}/invoice.pdf`],
  ['s3:DeleteObject', `${arnOf('buckets', PAY, { name: 'drop' })}/upload.csv`],
  ['s3:DeleteObjectVersion', `${arnOf('buckets', PAY, { name: 'drop' })}/upload.csv`],
  ['s3:PutBucketPolicy', arnOf('buckets', PAY, { name: 'media' })],
  ['s3:GetObject', `${arnOf('buckets', PAY, { name: 'vault' })}/x`],
  ['s3:ListBucket', arnOf('buckets', PAY, { name: 'vault' })],
  ['secretsmanager:GetSecretValue', secret('db')],
  ['secretsmanager:PutSecretValue', secret('stripe')],
  ['dynamodb:GetItem', arnOf('tables', PAY, { name: 'carts' })],
];

describe('useStatements', () => {
  it('GIVEN the agreed uses WHEN a workload of the consumer calls THEN exactly they are allowed, under its own policy and the boundary', () => {
    for (const [action, resource] of AGREED) expect(isAllowed(workload, { action, resource, context: SHOP_POD }, boundary), `${action} ${resource}`).toBe(true);
    for (const [action, resource] of BEYOND) expect(isAllowed(workload, { action, resource, context: SHOP_POD }, boundary), `${action} ${resource}`).toBe(false);
    // Secrets arrive through the SecretStore: the workload roles get none.
    expect(isAllowed(workload, { action: 'secretsmanager:GetSecretValue', resource: secret('stripe'), context: SHOP_POD }, boundary)).toBe(false);
  });

  it('GIVEN the consumer\'s SecretStore role WHEN it reads THEN it gets the agreed secret and nothing else of the owner', () => {
    expect(isAllowed(store, { action: 'secretsmanager:GetSecretValue', resource: secret('stripe'), context: SHOP_STORE }, boundary)).toBe(true);
    expect(isAllowed(store, { action: 'secretsmanager:GetSecretValue', resource: secret('db'), context: SHOP_STORE }, boundary)).toBe(false);
    for (const [action, resource] of AGREED) expect(isAllowed(store, { action, resource, context: SHOP_STORE }, boundary), `${action} ${resource}`).toBe(false);
  });

  it('GIVEN a queue, topic and buckets used WHEN the statements are built THEN they name the used ARNs only, never a pattern', () => {
    const resources = workload.flatMap((s) => s.resources ?? []);
    expect(resources.every((r) => !r.includes('*') || r.endsWith('/*'))).toBe(true);
    expect(workload.map((s) => s.sid)).toEqual(['ReadBuckets', 'ReadObjects', 'WriteBuckets', 'WriteObjects', 'SendToQueues', 'PublishToTopics']);
  });
});

describe('useBoundaryStatements', () => {
  it('GIVEN a consumer role with a "*" policy WHEN it goes beyond the agreed uses THEN the boundary denies it', () => {
    for (const [action, resource] of AGREED) expect(isAllowed(EVERYTHING, { action, resource, context: SHOP_POD }, boundary), `${action} ${resource}`).toBe(true);
    for (const [action, resource] of BEYOND) expect(isAllowed(EVERYTHING, { action, resource, context: SHOP_POD }, boundary), `${action} ${resource}`).toBe(false);
  });

  it('GIVEN a third tenant with a "*" policy WHEN it uses what pay agreed to share with shop THEN every request is denied', () => {
    for (const [action, resource] of [...AGREED, ['secretsmanager:GetSecretValue', secret('stripe')] as [string, string]]) {
      expect(isAllowed(EVERYTHING, { action, resource, context: EVIL_POD }, boundary), `${action} ${resource}`).toBe(false);
    }
    // Nor can it borrow shop's tag on a role of its own name.
    for (const [action, resource] of AGREED) expect(isAllowed(EVERYTHING, { action, resource, context: session('stage-evil-sa-api', 'shop') }, boundary)).toBe(false);
  });

  it('GIVEN the owners\' keys WHEN a consumer role calls KMS THEN only the used services\' data-key actions on a tenant key pass the boundary', () => {
    expect(isAllowed(EVERYTHING, { action: 'kms:Decrypt', resource: payKey, context: { ...SHOP_POD, ...viaKey('s3') } }, boundary)).toBe(true);
    expect(isAllowed(EVERYTHING, { action: 'kms:GenerateDataKey', resource: payKey, context: { ...SHOP_POD, ...viaKey('sqs') } }, boundary)).toBe(true);
    // Directly, through another service, other actions, or a key that is no tenant's: denied.
    expect(isAllowed(EVERYTHING, { action: 'kms:Decrypt', resource: payKey, context: { ...SHOP_POD, [`aws:ResourceTag/${TENANT_TAG}`]: 'pay' } }, boundary)).toBe(false);
    expect(isAllowed(EVERYTHING, { action: 'kms:Decrypt', resource: payKey, context: { ...SHOP_POD, ...viaKey('dynamodb') } }, boundary)).toBe(false);
    expect(isAllowed(EVERYTHING, { action: 'kms:Decrypt', resource: payKey, context: { ...SHOP_POD, 'kms:ViaService': 's3.eu-west-2.amazonaws.com' } }, boundary)).toBe(false);
    for (const action of ['kms:Encrypt', 'kms:ReEncryptFrom', 'kms:CreateGrant', 'kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy']) {
      expect(isAllowed(EVERYTHING, { action, resource: payKey, context: { ...SHOP_POD, ...viaKey('s3') } }, boundary), action).toBe(false);
    }
  });

  it('GIVEN no uses WHEN the boundary is built THEN it has no grant of other tenants\' keys', () => {
    expect(tenantBoundaryStatements(ENV).map((s) => s.sid)).not.toContain('SharedKeysThroughServices');
    expect(isAllowed(EVERYTHING, { action: 'kms:Decrypt', resource: payKey, context: { ...SHOP_POD, ...viaKey('s3') } }, tenantBoundaryStatements(ENV))).toBe(false);
  });

  it('GIVEN an owner nested in another tenant\'s names WHEN a consumer uses its topic THEN its fence lets exactly that consumer through, never the covering tenant', () => {
    const nested: TenantAwsEnv = { ...ENV, tenant: 'shop-eu', namespace: 'shop-eu' };
    const topic = arnOf('topics', nested, { name: 'events' });
    const uses = [{ env: EVIL, uses: [{ field: 'topics', owner: 'shop-eu', name: 'events', access: 'publish' }] }, { env: ENV, uses: [{ field: 'topics', owner: 'shop-eu', name: 'events', access: 'publish' }] }];
    const fenced = tenantBoundaryStatements(ENV, ['shop-eu'], uses);
    expect(isAllowed(EVERYTHING, { action: 'sns:Publish', resource: topic, context: EVIL_POD }, fenced)).toBe(true);
    expect(isAllowed(EVERYTHING, { action: 'sns:Publish', resource: arnOf('topics', nested, { name: 'other' }), context: EVIL_POD }, fenced)).toBe(false);
    // shop's own names cover shop-eu's: exempting it would open all of them (the loader refuses such a use).
    expect(isAllowed(EVERYTHING, { action: 'sns:Publish', resource: topic, context: SHOP_POD }, fenced)).toBe(false);
  });

  it('GIVEN several consumers WHEN their grants are numbered THEN sids stay unique and each grant carries its consumer\'s tag', () => {
    const shop = useBoundaryStatements(ENV, USES, 1);
    const statements = [...shop, ...useBoundaryStatements(EVIL, USES.slice(0, 1), shop.length + 1)];
    const tag = (t: string) => ({ StringEquals: { [`aws:PrincipalTag/${TENANT_TAG}`]: t } });
    // One statement for the bucket-level actions, queues, topics and secrets; one per kind of object access.
    expect(statements.map((s) => [s.sid, s.condition])).toEqual([['Uses1', tag('shop')], ['Uses2', tag('shop')], ['Uses3', tag('shop')], ['Uses4', tag('evil')]]);
  });

  it('GIVEN more uses by one tenant than IAM\'s managed policy limit holds WHEN its boundary renders THEN it fails naming the limit', () => {
    const owners = Array.from({ length: 40 }, (_, i) => USES.map((u) => ({ ...u, owner: `team${i}`, ownerPrefix: undefined })));
    const uses = { env: ENV, uses: owners.flat() };
    expect(() => new TenantBoundaryPolicy(newChart(), 'b', { cluster: 'stage', accountId: ENV.accountId, region: ENV.region, tenant: 'shop', uses })).toThrow(
      new RegExp(`^boundary of tenant shop on cluster stage: \\d+ characters; allowed: at most ${MANAGED_POLICY_MAX_LENGTH}`),
    );
  });

  it('GIVEN 200 tenants each using another tenant\'s resources on one cluster WHEN each boundary renders THEN none exceeds the limit, and each holds only its own uses', () => {
    const chart = newChart();
    const tenants = Array.from({ length: 200 }, (_, i) => `team${i}`);
    for (const t of tenants) {
      new TenantBoundaryPolicy(chart, t, { cluster: 'stage', accountId: ENV.accountId, region: ENV.region, tenant: t, tenants, uses: { env: { ...ENV, tenant: t, namespace: t }, uses: USES } });
    }
    const policies = objectsOf(chart).filter((o) => o.kind === 'Policy');
    expect(policies).toHaveLength(200);
    for (const o of policies) {
      const policy = (o.spec.forProvider as { policy: string }).policy;
      const t = o.metadata.name!.replace(/^boundary-/, '');
      expect(policy.length, t).toBeLessThanOrEqual(MANAGED_POLICY_MAX_LENGTH);
      const tags = [...policy.matchAll(/"aws:PrincipalTag\/platform\.example\.com\/tenant":"([^"]+)"/g)].map((m) => m[1]).filter((v) => v !== 'true');
      expect(tags.length, t).toBeGreaterThan(0);
      expect(new Set(tags), t).toEqual(new Set([t]));
    }
  });
});

describe('keyUseStatements', () => {
  const consumer = { tenant: 'shop', workloadRoleArns: [accountRoleArn(ENV, 'stage-shop-sa-api')], secretStoreRoleArn: accountRoleArn(ENV, 'stage-shop-secrets'), uses: USES };
  const keyPolicy = keyUseStatements(PAY, [consumer]);
  /** The key policy's statements that name `role`, evaluated as that role's grants on the key. */
  const keyAllows = (role: string, action: string, context: Context) => {
    const mine: PolicyStatement[] = keyPolicy.filter((s) => typeof s.principal === 'object' && ([] as string[]).concat(s.principal.AWS ?? []).includes(role)).map((s) => ({ ...s, resources: [payKey] }));
    return isAllowed(mine, { action, resource: payKey, context: { ...context, 'kms:CallerAccount': ENV.accountId } });
  };

  it('GIVEN the owner\'s key WHEN the consumer\'s roles use it THEN only through the used services, with the actions those need', () => {
    const pod = accountRoleArn(ENV, 'stage-shop-sa-api');
    const storeRole = accountRoleArn(ENV, 'stage-shop-secrets');
    expect(keyAllows(pod, 'kms:Decrypt', viaKey('s3'))).toBe(true);
    expect(keyAllows(pod, 'kms:GenerateDataKey', viaKey('sns'))).toBe(true);
    expect(keyAllows(pod, 'kms:Decrypt', viaKey('secretsmanager'))).toBe(false);
    expect(keyAllows(pod, 'kms:Decrypt', {})).toBe(false);
    expect(keyAllows(storeRole, 'kms:Decrypt', viaKey('secretsmanager'))).toBe(true);
    expect(keyAllows(storeRole, 'kms:Decrypt', viaKey('s3'))).toBe(false);
    expect(keyAllows(storeRole, 'kms:GenerateDataKey', viaKey('secretsmanager'))).toBe(false);
    expect(keyAllows(accountRoleArn(ENV, 'stage-evil-sa-api'), 'kms:Decrypt', viaKey('s3'))).toBe(false);
  });

  it('GIVEN a consumer that only reads a bucket WHEN its key statement is built THEN it may decrypt but not make data keys', () => {
    const reader = keyUseStatements(PAY, [{ ...consumer, uses: USES.filter((u) => u.name === 'media') }]);
    expect(reader.map((s) => [s.sid, s.actions, s.condition])).toEqual([
      ['Consumer1', ['kms:Decrypt'], { StringEquals: { 'kms:ViaService': 's3.eu-west-2.amazonaws.com', 'kms:CallerAccount': ENV.accountId } }],
    ]);
  });

  it('GIVEN a consumer without workload roles WHEN it only uses a topic THEN the key policy names no principal for it', () => {
    expect(keyUseStatements(PAY, [{ ...consumer, workloadRoleArns: [], uses: USES.slice(0, 1) }])).toEqual([]);
  });
});

describe('usesOf and grantsOf', () => {
  it('GIVEN a consumer\'s aws.uses and an owner\'s lists WHEN read THEN each entry has its access and the path of the field that says it', () => {
    const uses = { topics: ['pay/events'], queues: [], buckets: [{ name: 'pay/drop', access: 'write' }], secrets: ['pay/stripe'] };
    expect(usesOf({ uses }).map((u) => [u.field, u.owner, u.name, u.access, u.at.join('.')])).toEqual([
      ['buckets', 'pay', 'drop', 'write', 'aws.uses.buckets.0.name'],
      ['topics', 'pay', 'events', 'publish', 'aws.uses.topics.0'],
      ['secrets', 'pay', 'stripe', 'read', 'aws.uses.secrets.0'],
    ]);
    const owner = { buckets: [{ name: 'drop', readers: ['a'], writers: ['shop'] }], secrets: [{ name: 'stripe', readers: ['shop'] }] };
    expect(grantsOf(owner).map((g) => [g.field, g.name, g.access, g.consumer, g.at.join('.')])).toEqual([
      ['buckets', 'drop', 'read', 'a', 'aws.buckets.0.readers.0'],
      ['buckets', 'drop', 'write', 'shop', 'aws.buckets.0.writers.0'],
      ['secrets', 'stripe', 'read', 'shop', 'aws.secrets.0.readers.0'],
    ]);
  });
});

describe('useArns of a FIFO entry', () => {
  it('GIVEN the owner\'s topic and queue are FIFO WHEN a consumer is given them THEN its ARNs end in .fifo, as the resources\' do', async () => {
    const { useArns } = await import('../../src/tenant-aws/tenant-aws-uses.js');
    const topic = useArns(ENV, { field: 'topics', owner: 'pay', name: 'orders', access: 'publish', item: { name: 'orders', fifo: true } as never });
    const queue = useArns(ENV, { field: 'queues', owner: 'pay', name: 'jobs', access: 'send', item: { name: 'jobs', fifo: true } as never });
    expect(topic).toEqual(['arn:aws:sns:eu-west-2:123456789012:stage-pay-orders.fifo']);
    expect(queue).toEqual(['arn:aws:sqs:eu-west-2:123456789012:stage-pay-jobs.fifo']);
  });
});

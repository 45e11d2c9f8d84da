import type { Tenant } from '@platform/schemas';
import { describe, expect, it } from 'vitest';
import { TenantAwsResources } from '../../src/tenant-aws/tenant-aws-resources.js';
import { ENV, NETWORK, type Obj, byKind, newChart, objectsOf } from './_env.js';

type Aws = Tenant['aws'];
const EMPTY: Aws = { serviceAccounts: [], buckets: [], databases: [], registries: [], redis: [], queues: [], topics: [], secrets: [], opensearch: [], tables: [] };
const multi = { development: false, staging: false, production: true };
const SHOP: Aws = {
  ...EMPTY,
  serviceAccounts: [{ name: 'api', namespace: '' }],
  buckets: [{ name: 'media', noncurrentVersionsExpireAfterDays: 90 }],
  databases: [{ name: 'main', engineVersion: '17', instanceClass: 'db.t4g.small', allocatedStorage: 20, maxAllocatedStorage: 100, backupRetentionDays: 7, multiAz: multi, deletionProtection: multi }],
  redis: [{ name: 'cache', engineVersion: '7.1', nodeType: 'cache.t4g.small', replicas: 0 }],
  queues: [{ name: 'orders', visibilityTimeoutSeconds: 30, messageRetentionSeconds: 345600, deadLetterQueue: true, maxReceiveCount: 5, subscribeTo: ['shop/events'] }],
  topics: [{ name: 'events', subscribers: ['billing'] }],
  tables: [{ name: 'carts', hashKey: { name: 'id', type: 'S' } }],
  registries: [{ name: 'web', keepImages: 30, githubRepositories: ['acme/web'] }],
  secrets: [{ name: 'stripe', refreshInterval: '1h' }],
  opensearch: [{ name: 'search', engineVersion: 'OpenSearch_2.19', instanceType: 't3.small.search', instanceCount: 2, volumeSize: 20 }],
};
const billingQueue = (subscribeTo: string[]): Aws => ({ ...EMPTY, queues: [{ name: 'in', visibilityTimeoutSeconds: 30, messageRetentionSeconds: 60, deadLetterQueue: false, maxReceiveCount: 5, subscribeTo }] });

function render(aws: Aws, opts: { network?: boolean; peers?: { name: string; aws: Aws }[]; appServiceAccounts?: Set<string> } = {}): Obj[] {
  const chart = newChart();
  new TenantAwsResources(chart, 'aws', {
    env: ENV, aws, network: opts.network === false ? undefined : NETWORK, peers: opts.peers ?? [], appServiceAccounts: opts.appServiceAccounts,
  });
  return objectsOf(chart);
}

const STATEFUL = ['Bucket', 'Instance', 'ReplicationGroup', 'Domain', 'Table', 'Queue', 'Repository', 'Key', 'Secret'];

describe('TenantAwsResources', () => {
  it('GIVEN workload ServiceAccounts WHEN no app renders one THEN the tenant renders it beside its role, so the Pod Identity association binds an account that exists', () => {
    const aws: Aws = { ...EMPTY, serviceAccounts: [{ name: 'pipeline', namespace: '' }, { name: 'api', namespace: '' }] };
    const objs = render(aws, { appServiceAccounts: new Set(['/api']) });
    expect(byKind(objs, 'PodIdentityAssociation').map((o) => o.spec.forProvider.serviceAccount).sort()).toEqual(['api', 'pipeline']);
    expect(byKind(objs, 'ServiceAccount').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['shop/pipeline']);
  });

  it('GIVEN every resource type WHEN rendered THEN each MR in the tenant namespace uses the tenant ProviderConfig', () => {
    const objs = render(SHOP).filter((o) => String(o.apiVersion).includes('.aws.m.upbound.io'));
    const inTenant = objs.filter((o) => o.metadata.namespace === 'shop');
    expect(inTenant.length).toBeGreaterThan(40);
    for (const o of inTenant) expect([o.kind, o.metadata.name, o.spec.providerConfigRef]).toEqual([o.kind, o.metadata.name, { kind: 'ProviderConfig', name: 'shop-aws' }]);
    // Only the tenant role itself is made by the cluster's own provider config, outside the tenant namespace.
    expect(objs.filter((o) => o.metadata.namespace !== 'shop').map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'Role/crossplane-system/stage-tenant-shop', 'Policy/crossplane-system/stage-tenant-shop', 'RolePolicyAttachment/crossplane-system/stage-tenant-shop',
    ]);
  });

  it('GIVEN every resource type WHEN rendered THEN stateful resources never have Delete in managementPolicies', () => {
    const objs = render(SHOP);
    for (const kind of STATEFUL) {
      const found = byKind(objs, kind);
      expect(found.length, kind).toBeGreaterThan(0);
      for (const o of found) expect(o.spec.managementPolicies, `${kind}/${o.metadata.name}`).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    }
  });

  it('GIVEN no network ids WHEN rendered THEN databases, Redis and OpenSearch are left out and the rest stays', () => {
    const kinds = new Set(render(SHOP, { network: false }).map((o) => o.kind));
    for (const k of ['Instance', 'ReplicationGroup', 'Domain', 'SecurityGroup']) expect(kinds.has(k), k).toBe(false);
    for (const k of ['Bucket', 'Queue', 'Topic', 'Table', 'Repository', 'Secret', 'ProviderConfig']) expect(kinds.has(k), k).toBe(true);
  });

  it('GIVEN a peer queue the topic lists WHEN rendered THEN the topic owner subscribes it', () => {
    const subs = byKind(render(SHOP, { peers: [{ name: 'billing', aws: billingQueue(['shop/events']) }] }), 'TopicSubscription');
    expect(subs.map((s) => [s.metadata.name, s.spec.forProvider!.endpoint])).toEqual([
      ['topic-events-to-orders', 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-orders'],
      ['topic-events-to-billing-in', 'arn:aws:sqs:eu-west-2:123456789012:stage-billing-in'],
    ]);
  });

  it('GIVEN a peer queue the topic does not list WHEN rendered THEN no subscription reaches it', () => {
    const aws = { ...SHOP, topics: [{ name: 'events', subscribers: [] }] };
    const subs = byKind(render(aws, { peers: [{ name: 'billing', aws: billingQueue(['shop/events']) }] }), 'TopicSubscription');
    expect(subs.map((s) => s.metadata.name)).toEqual(['topic-events-to-orders']);
  });

  it('GIVEN a queue subscribed to a topic WHEN rendered THEN its policy admits that topic and the tenant role only', () => {
    const policy = byKind(render(SHOP), 'QueuePolicy')[0]!;
    expect(JSON.parse(String(policy.spec.forProvider!.policy)).Statement).toEqual([
      { Sid: 'TenantRoles', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::123456789012:role/stage-shop-sa-api'] }, Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Resource: 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-orders' },
      { Sid: 'Topic0', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-orders', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-2:123456789012:stage-shop-events' } } },
      { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-orders', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]);
  });

  it('GIVEN a delivery delay WHEN the queue is rendered THEN the queue delays new messages and its dead-letter queue does not', () => {
    const delayed: Aws = { ...SHOP, queues: SHOP.queues.map((q) => ({ ...q, deliveryDelaySeconds: 30 })) };
    const queues = byKind(render(delayed), 'Queue');
    expect(queues.map((q) => [q.metadata.name, q.spec.forProvider!.delaySeconds])).toEqual([
      ['queue-orders', 30],
      ['queue-orders-dlq', undefined],
    ]);
    expect(byKind(render(SHOP), 'Queue').every((q) => q.spec.forProvider!.delaySeconds === undefined)).toBe(true);
  });

  it('GIVEN a workload, a registry and the secret store WHEN rendered THEN every role the tenant role creates has its own tenant boundary', () => {
    const roles = byKind(render(SHOP), 'Role').filter((o) => o.metadata.namespace === 'shop');
    expect(roles.map((o) => o.metadata.name).sort()).toEqual(['registry-web-ci', 'sa-api', 'secrets-reader']);
    for (const o of roles) expect(o.spec.forProvider!.permissionsBoundary, o.metadata.name).toBe('arn:aws:iam::123456789012:policy/stage-boundary-shop');
  });

  it('GIVEN the ProviderConfig WHEN rendered THEN it assumes the per-tenant role from the cluster Crossplane identity', () => {
    const pc = byKind(render(EMPTY), 'ProviderConfig')[0]!;
    expect(pc.metadata).toMatchObject({ name: 'shop-aws', namespace: 'shop' });
    expect(pc.spec).toEqual({
      credentials: { source: 'PodIdentity' },
      assumeRoleChain: [{ roleARN: 'arn:aws:iam::123456789012:role/stage-tenant-shop', tags: [{ key: 'platform.example.com/tenant', value: 'shop' }] }],
    });
  });

  it('GIVEN another tenant\'s FIFO queue subscribing with a filter to a FIFO topic WHEN both render THEN the subscription carries the filter and both sides name the .fifo ARNs', () => {
    const shop: Aws = { ...EMPTY, topics: [{ name: 'orders', fifo: true, contentBasedDeduplication: true, subscribers: ['billing'] }] };
    const filter = { order: { total: [{ numeric: ['>', 0] }] } };
    const billing: Aws = { ...EMPTY, queues: [{ name: 'in', fifo: true, contentBasedDeduplication: false, visibilityTimeoutSeconds: 30, messageRetentionSeconds: 60, deadLetterQueue: false, maxReceiveCount: 5, subscribeTo: [{ topic: 'shop/orders', filterPolicy: filter, filterPolicyScope: 'MessageBody' }] }] };
    const sub = byKind(render(shop, { peers: [{ name: 'billing', aws: billing }] }), 'TopicSubscription');
    expect(sub.map((o) => [o.metadata.name, o.spec.forProvider])).toEqual([['topic-orders-to-billing-in', {
      region: 'eu-west-2', topicArn: 'arn:aws:sns:eu-west-2:123456789012:stage-shop-orders.fifo', protocol: 'sqs', endpoint: 'arn:aws:sqs:eu-west-2:123456789012:stage-billing-in.fifo',
      rawMessageDelivery: true, filterPolicy: JSON.stringify(filter), filterPolicyScope: 'MessageBody',
    }]]);
    const chart = newChart();
    new TenantAwsResources(chart, 'aws', { env: { ...ENV, tenant: 'billing', namespace: 'billing' }, aws: billing, network: NETWORK, peerTopics: { shop: shop.topics } });
    const policy = JSON.parse(byKind(objectsOf(chart), 'QueuePolicy')[0]!.spec.forProvider.policy as string) as { Statement: { Sid: string; Condition?: unknown }[] };
    expect(policy.Statement.find((st) => st.Sid === 'Topic0')!.Condition).toEqual({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-2:123456789012:stage-shop-orders.fifo' } });
  });

  it('GIVEN a consumer and an owner that agree WHEN each renders THEN the consumer\'s role names the used resources and the owner\'s key admits exactly its roles', () => {
    const uses = [{ field: 'topics', owner: 'billing', name: 'invoices', access: 'publish' }, { field: 'secrets', owner: 'billing', name: 'psp', access: 'read' }];
    const chart = newChart();
    new TenantAwsResources(chart, 'aws', { env: ENV, aws: { ...EMPTY, serviceAccounts: [{ name: 'api', namespace: '' }] }, uses });
    const consumer = objectsOf(chart);
    const statements = (o: Obj) => JSON.parse(String(o.spec.forProvider!.policy)).Statement as { Sid: string; Resource: string | string[]; Principal?: { AWS: string[] } }[];
    const policy = (name: string) => consumer.find((o) => o.kind === 'Policy' && o.metadata.name === name)!;
    expect(statements(policy('sa-api')).map((s) => [s.Sid, s.Resource])).toEqual([['PublishToTopics', 'arn:aws:sns:eu-west-2:123456789012:stage-billing-invoices']]);
    expect(statements(policy('secrets-reader')).map((s) => s.Sid)).toEqual(['ReadTenantSecrets', 'ReadSharedSecrets']);
    expect(byKind(consumer, 'ConfigMap').map((c) => c.metadata.name)).toEqual(['billing-invoices-topic']);

    const owner = newChart();
    const billing = { env: { ...ENV, tenant: 'billing', namespace: 'billing' }, aws: EMPTY };
    new TenantAwsResources(owner, 'aws', { ...billing, consumers: [{ name: 'shop', serviceAccounts: [{ name: 'api', namespace: '' }], uses }] });
    const key = byKind(objectsOf(owner), 'Key')[0]!;
    expect(statements(key).filter((s) => s.Sid.startsWith('Consumer')).map((s) => [s.Sid, s.Principal!.AWS])).toEqual([
      ['Consumer1', ['arn:aws:iam::123456789012:role/stage-shop-secrets']],
      ['Consumer2', ['arn:aws:iam::123456789012:role/stage-shop-sa-api']],
    ]);
  });
});

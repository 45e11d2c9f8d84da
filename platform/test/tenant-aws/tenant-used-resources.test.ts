import { describe, expect, it } from 'vitest';
import { TenantUsedResources } from '../../src/tenant-aws/tenant-used-resources.js';
import type { TenantAwsUse } from '../../src/tenant-aws/tenant-aws-uses.js';
import { ENV, byKind, newChart, objectsOf } from './_env.js';

const USES: TenantAwsUse[] = [
  { field: 'topics', owner: 'pay', name: 'events', access: 'publish' },
  { field: 'queues', owner: 'pay', name: 'orders', access: 'send' },
  { field: 'buckets', owner: 'pay', name: 'media', access: 'read' },
  { field: 'secrets', owner: 'pay', name: 'stripe', access: 'read' },
  { field: 'secrets', owner: 'ledger-team', ownerPrefix: 'ledger', name: 'api', access: 'read' },
];
const ROLE = 'arn:aws:iam::123456789012:role/stage-shop-secrets';

function render() {
  const chart = newChart();
  new TenantUsedResources(chart, 'uses', { env: ENV, uses: USES, secretStoreRoleArn: ROLE });
  return objectsOf(chart);
}

describe('TenantUsedResources', () => {
  it('GIVEN a used topic, queue and bucket WHEN rendered THEN their addresses land in ConfigMaps of the consumer\'s main namespace', () => {
    expect(byKind(render(), 'ConfigMap').map((c) => [c.metadata.namespace, c.metadata.name, c.data])).toEqual([
      ['shop', 'pay-events-topic', { arn: 'arn:aws:sns:eu-west-2:123456789012:stage-pay-events' }],
      ['shop', 'pay-orders-queue', { arn: 'arn:aws:sqs:eu-west-2:123456789012:stage-pay-orders', url: 'https://sqs.eu-west-2.amazonaws.com/123456789012/stage-pay-orders' }],
      ['shop', 'pay-media-bucket', { arn: 'arn:aws:s3:::123456789012-eu-west-2-stage-pay-media', bucket: '123456789012-eu-west-2-stage-pay-media', region: 'eu-west-2' }],
    ]);
  });

  it('GIVEN used secrets of two owners WHEN rendered THEN each arrives through a SecretStore per owner, under that owner\'s prefix, read with the consumer\'s own role', () => {
    const objs = render();
    expect(byKind(objs, 'SecretStore').map((s) => [s.metadata.name, s.spec])).toEqual([
      ['shop-secrets-ledger-team', { provider: { aws: { service: 'SecretsManager', region: 'eu-west-2', role: ROLE, prefix: 'stage/ledger/' } } }],
      ['shop-secrets-pay', { provider: { aws: { service: 'SecretsManager', region: 'eu-west-2', role: ROLE, prefix: 'stage/pay/' } } }],
    ]);
    expect(byKind(objs, 'ExternalSecret').map((e) => [e.metadata.namespace, e.metadata.name, e.spec.secretStoreRef, e.spec.target, e.spec.dataFrom])).toEqual([
      ['shop', 'pay-stripe', { kind: 'SecretStore', name: 'shop-secrets-pay' }, { name: 'pay-stripe', creationPolicy: 'Owner' }, [{ extract: { key: 'stripe' } }]],
      ['shop', 'ledger-team-api', { kind: 'SecretStore', name: 'shop-secrets-ledger-team' }, { name: 'ledger-team-api', creationPolicy: 'Owner' }, [{ extract: { key: 'api' } }]],
    ]);
  });
});

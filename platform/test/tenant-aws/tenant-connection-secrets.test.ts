import type { Tenant } from '@platform/schemas';
import { describe, expect, it } from 'vitest';
import { TenantAwsResources } from '../../src/tenant-aws/tenant-aws-resources.js';
import { CONNECTION_KINDS, CONNECTION_SECRET_KINDS, connectionSecretName } from '../../src/tenant-aws/tenant-connection-secrets.js';
import { ENV, NETWORK, newChart, objectsOf } from './_env.js';

type Aws = Tenant['aws'];
const multi = { development: false, staging: false, production: true };
/** One resource of each kind with a connection Secret, named after its kind. */
const AWS: Aws = {
  serviceAccounts: [{ name: 'api', namespace: '' }], buckets: [], registries: [], topics: [], secrets: [], tables: [],
  databases: [{ name: 'database', engineVersion: '17', instanceClass: 'db.t4g.small', allocatedStorage: 20, maxAllocatedStorage: 100, backupRetentionDays: 7, multiAz: multi, deletionProtection: multi }],
  redis: [{ name: 'redis', engineVersion: '7.1', nodeType: 'cache.t4g.small', replicas: 0 }],
  queues: [{ name: 'queue', visibilityTimeoutSeconds: 30, messageRetentionSeconds: 345600, deadLetterQueue: true, maxReceiveCount: 5, subscribeTo: [] }],
  opensearch: [{ name: 'opensearch', engineVersion: 'OpenSearch_2.19', instanceType: 't3.small.search', instanceCount: 2, volumeSize: 20 }],
};

describe('connection Secrets', () => {
  it('GIVEN one resource of each connection kind WHEN rendered THEN exactly their managed resources write the Secrets named here', () => {
    // GIVEN / WHEN
    const chart = newChart();
    new TenantAwsResources(chart, 'aws', { env: ENV, aws: AWS, network: NETWORK });
    const written = objectsOf(chart)
      .filter((o) => o.spec?.writeConnectionSecretToRef !== undefined)
      .map((o) => `${o.kind}/${o.metadata.name} -> ${o.metadata.namespace}/${(o.spec.writeConnectionSecretToRef as { name: string }).name}`)
      .sort();
    // THEN: the dead-letter queue writes none; every Secret is in the tenant's main namespace.
    expect(written).toEqual(['Domain/opensearch-opensearch -> shop/opensearch-opensearch', 'Instance/postgres-database -> shop/database-postgres', 'Queue/queue-queue -> shop/queue-queue', 'ReplicationGroup/redis-redis -> shop/redis-redis']);
    expect(CONNECTION_KINDS.map((k) => connectionSecretName(k, k))).toEqual(['database-postgres', 'redis-redis', 'opensearch-opensearch', 'queue-queue']);
  });

  it('GIVEN the catalogue WHEN read THEN each kind names a list of the tenant file and a sorted, non-empty set of keys', () => {
    for (const kind of CONNECTION_KINDS) {
      const { tenantField, keys } = CONNECTION_SECRET_KINDS[kind];
      expect(Object.keys(AWS)).toContain(tenantField);
      expect(keys.length).toBeGreaterThan(0);
      expect([...keys].sort()).toEqual(keys);
    }
  });
});

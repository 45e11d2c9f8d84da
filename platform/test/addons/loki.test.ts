import { describe, expect, it } from 'vitest';
import { LOKI } from '../../src/addons/loki.js';
import { stagingEnv } from './_env.js';

const values = (extra = {}) => LOKI.values(stagingEnv([], extra)) as Record<string, any>;

describe('LOKI', () => {
  it("GIVEN a cluster WHEN built THEN Loki stores chunks, index and rules in the cluster's Loki bucket with no keys (Pod Identity)", () => {
    expect(values().loki.storage).toEqual({
      type: 's3',
      bucketNames: { chunks: '222222222222-eu-west-2-staging-loki', ruler: '222222222222-eu-west-2-staging-loki', admin: '222222222222-eu-west-2-staging-loki' },
      s3: { region: 'eu-west-2', endpoint: 's3.eu-west-2.amazonaws.com' },
    });
    expect(JSON.stringify(values())).not.toMatch(/accessKey|secretAccessKey/);
    expect(LOKI.serviceAccounts).toEqual(['loki']);
    expect(values().serviceAccount).toEqual({ create: true, name: 'loki' });
  });

  it('GIVEN no retention in the cluster file WHEN built THEN the compactor deletes logs after 30 days; with 90 days, after 2160h', () => {
    expect(values().loki.limits_config.retention_period).toBe('720h');
    expect(values({ logRetentionDays: 90 }).loki.limits_config.retention_period).toBe('2160h');
    expect(values().loki.compactor).toMatchObject({ retention_enabled: true, delete_request_store: 's3' });
  });

  it('GIVEN staging and production WHEN built THEN one replica in staging and three replicated ones in production, monolithic', () => {
    expect(values()).toMatchObject({ deploymentMode: 'Monolithic', singleBinary: { replicas: 1 }, loki: { commonConfig: { replication_factor: 1 } } });
    expect(values({ environment: 'production' })).toMatchObject({ singleBinary: { replicas: 3 }, loki: { commonConfig: { replication_factor: 3 } } });
  });

  it('GIVEN tenants WHEN built THEN Loki is multi-tenant (X-Scope-OrgID required) and a query may name several tenants (the platform organisation)', () => {
    expect(values().loki.auth_enabled).toBe(true);
    expect(values().loki.querier).toEqual({ multi_tenant_queries_enabled: true });
  });

  it('GIVEN the chart defaults WHEN built THEN its caches, gateway, canary and MinIO are off: the bucket is the store', () => {
    expect(values()).toMatchObject({ gateway: { enabled: false }, chunksCache: { enabled: false }, resultsCache: { enabled: false }, lokiCanary: { enabled: false }, minio: { enabled: false } });
  });
});

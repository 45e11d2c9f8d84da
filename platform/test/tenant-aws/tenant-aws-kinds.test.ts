import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_FACETS, type TenantAwsKind } from '../../src/tenant-aws/tenant-aws-kind.js';
import {
  dataPlaneStatements, dataStorePorts, kindScope, registerTenantAwsKind, tenantAwsKinds, tenantAwsKindsTable, tenantAwsProviderServices, tenantAwsReach, workloadAccess, workloadStatements,
} from '../../src/tenant-aws/tenant-aws-kinds.js';
import { awsProviderServices } from '../../src/addons-config/aws-providers.js';
import { ENV } from './_env.js';

const DOCS = join(import.meta.dirname, '..', '..', '..', 'docs', 'tenants.md');

describe('tenantAwsKinds', () => {
  it('GIVEN the registry WHEN read THEN every kind has every facet, once per field', () => {
    const kinds = tenantAwsKinds();
    expect(kinds.map((k) => k.field)).toEqual(['buckets', 'queues', 'topics', 'tables', 'registries', 'secrets', 'databases', 'redis', 'opensearch', 'emailIdentities']);
    for (const k of kinds) for (const f of KIND_FACETS) expect((k as unknown as Record<string, unknown>)[f], `${k.field}.${f}`).toBeDefined();
  });

  it('GIVEN a descriptor without a facet WHEN registered THEN registration fails naming the facet', () => {
    const { vpc: _vpc, stateful: _stateful, ...incomplete } = tenantAwsKinds()[0]!;
    expect(() => registerTenantAwsKind({ ...incomplete, field: 'widgets' } as unknown as TenantAwsKind)).toThrow(
      "tenant AWS kind 'widgets' lacks 'vpc', 'stateful'; allowed: a descriptor with every facet of TenantAwsKind",
    );
    expect(() => registerTenantAwsKind(tenantAwsKinds()[0]!)).toThrow("tenant AWS kind 'buckets' is registered twice; allowed: one descriptor per field");
  });

  it('GIVEN each kind WHEN its workload actions are compared with its data-plane actions THEN the boundary allows whatever a workload gets', () => {
    const boundary = new Set(dataPlaneStatements(kindScope(ENV)).flatMap((s) => s.actions));
    for (const k of tenantAwsKinds()) for (const s of k.workloadActions(['arn:x'])) for (const a of s.actions) expect(boundary.has(a), `${k.field}: ${a}`).toBe(true);
  });

  it('GIVEN each kind WHEN its names are derived THEN each ARN names the resource under the tenant\'s patterns', () => {
    const patterns = tenantAwsKinds().flatMap((k) => k.patterns(kindScope(ENV)).map((p) => new RegExp(`^${p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`)));
    for (const k of tenantAwsKinds()) {
      const arn = k.arn(ENV, { name: 'x'.repeat(63) }).replace('-??????', '-AbCdEf');
      expect(patterns.some((p) => p.test(arn)), `${k.field}: ${arn}`).toBe(true);
    }
  });

  it('GIVEN every stateful kind WHEN listed THEN the destructive guard has a loss to print, and the packages cover every kind', () => {
    for (const k of tenantAwsKinds()) for (const s of k.stateful) expect(s.loss.length, k.field).toBeGreaterThan(10);
    expect(awsProviderServices()).toEqual(expect.arrayContaining(tenantAwsProviderServices()));
    expect(dataStorePorts()).toEqual({ postgres: 5432, mysql: 3306, redis: 6379, opensearch: 443 });
  });

  it('GIVEN MySQL, MariaDB and PostgreSQL databases WHEN the reach is computed THEN egress opens each engine\'s port once, and none without network ids', () => {
    const aws = { databases: [{ name: 'a', engine: 'mysql' }, { name: 'b', engine: 'mariadb' }, { name: 'c', engine: 'postgres' }], redis: [{ name: 'r' }] };
    expect(tenantAwsReach(aws, true)).toEqual({ dataStores: ['mysql', 'postgres', 'redis'], usesAwsApis: false });
    expect(tenantAwsReach({ databases: [{ name: 'a', engine: 'mysql' }] }, true).dataStores).toEqual(['mysql']);
    expect(tenantAwsReach(aws, false).dataStores).toEqual([]);
  });

  it('GIVEN a tenant with a queue and a domain WHEN the cluster has no network ids THEN the workload gets the queue and its dead-letter queue only', () => {
    const aws = { queues: [{ name: 'jobs' }], opensearch: [{ name: 'logs' }] };
    const access = workloadAccess(ENV, aws, false);
    expect(access).toEqual({ queues: ['arn:aws:sqs:eu-west-2:123456789012:stage-shop-jobs', 'arn:aws:sqs:eu-west-2:123456789012:stage-shop-jobs-dlq'] });
    expect(workloadStatements(access).map((s) => s.sid)).toEqual(['Queues']);
    expect(Object.keys(workloadAccess(ENV, aws, true))).toEqual(['queues', 'opensearch']);
  });

  it('GIVEN docs/tenants.md WHEN read THEN its table of kinds is the one the descriptors generate', () => {
    const docs = readFileSync(DOCS, 'utf8');
    const table = /<!-- tenant-aws-kinds:begin -->\n([\s\S]*?)\n<!-- tenant-aws-kinds:end -->/.exec(docs)?.[1];
    expect(table, 'regenerate it with tenantAwsKindsTable()').toBe(tenantAwsKindsTable());
  });
});

import { join } from 'node:path';
import { planSubnetsOrThrow } from '@platform/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../../src/load/load-fleet.js';
import { renderCluster } from '../../../src/render/render-cluster.js';

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec: Record<string, any> };

const fleet = loadFleet(join(import.meta.dirname, '..', '..', '..', '..'));

/** Every object of every cluster of the example fleet, with its cluster. */
const rendered = fleet.clusters.flatMap((c) =>
  [...renderCluster(fleet, c)]
    .filter(([p]) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml'))
    .map(([, text]) => ({ cluster: c.spec.name, obj: parse(text) as Obj })),
);
const at = (cluster: string, kind: string) => rendered.filter((r) => r.cluster === cluster && r.obj.kind === kind).map((r) => r.obj);
const key = (o: Obj) => `${o.metadata.namespace}/${o.metadata.name}`;

/** The example fleet's tenant with a 60-character name. */
const LONG = 'civil-legal-aid-means-assessment-service-preproduction-teams';

describe('tenants layer on the example fleet', () => {
  it('GIVEN every ExternalSecret, the tenants\' and the apps\' WHEN rendered THEN its SecretStore is rendered in the same namespace', () => {
    let checked = 0;
    for (const c of fleet.clusters.map((x) => x.spec.name)) {
      const stores = new Set(at(c, 'SecretStore').map(key));
      for (const es of at(c, 'ExternalSecret')) {
        const ref = es.spec.secretStoreRef as { kind: string; name: string };
        if (ref.kind === 'ClusterSecretStore') continue;
        expect(stores.has(`${es.metadata.namespace}/${ref.name}`), `${c}: ExternalSecret ${key(es)} → SecretStore ${ref.name}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(at('staging', 'ExternalSecret').map(key)).toContain('payments/payments-api-secrets');
  });

  it('GIVEN each tenant WHEN rendered THEN each of its namespaces on each of its clusters has the SecretStore <tenant>-secrets', () => {
    for (const t of fleet.tenants) {
      for (const c of t.spec.clusters) {
        const stores = new Set(at(c, 'SecretStore').map(key));
        for (const ns of [t.spec.name, ...t.spec.namespaces.map((s) => `${t.spec.name}-${s}`)]) expect(stores.has(`${ns}/${t.spec.name}-secrets`), `${c}/${ns}`).toBe(true);
      }
    }
  });

  it('GIVEN tenants with Postgres, MySQL, Redis or OpenSearch WHEN rendered THEN their namespaces reach the secure subnets of the cluster plan on those ports only', () => {
    const staging = fleet.clusters.find((c) => c.spec.name === 'staging')!.spec;
    const plan = planSubnetsOrThrow(staging.network.vpcCidr, staging.network.subnetPrefixLengths, staging.aws.availabilityZones);
    const secure = plan.subnets.filter((s) => s.tier === 'secure').map((s) => ({ ipBlock: { cidr: s.cidr } }));
    expect(secure).toHaveLength(3);
    const egress = new Map(at('staging', 'NetworkPolicy').filter((p) => p.metadata.name.startsWith('allow-egress-')).map((p) => [key(p), p.spec.egress]));
    const store = (port: number) => [{ to: secure, ports: [{ port, protocol: 'TCP' }] }];
    expect(egress.get('payments/allow-egress-postgres')).toEqual(store(5432));
    expect(egress.get('payments-jobs/allow-egress-postgres')).toEqual(store(5432));
    expect(egress.get('checkout/allow-egress-redis')).toEqual(store(6379));
    expect(egress.get('data-platform/allow-egress-opensearch')).toEqual(store(443));
    // data-platform's MySQL listens on 3306, its Aurora PostgreSQL on 5432: each engine's port, once.
    expect(egress.get('data-platform/allow-egress-mysql')).toEqual(store(3306));
    expect(egress.get('data-platform/allow-egress-postgres')).toEqual(store(5432));
    // A tenant gets egress only to the kinds of store it has.
    expect([...egress.keys()].filter((k) => /allow-egress-(postgres|mysql|redis|opensearch)$/.test(k)).sort()).toEqual([
      'checkout/allow-egress-redis',
      `${LONG}-ci/allow-egress-opensearch`, `${LONG}-ci/allow-egress-redis`, `${LONG}/allow-egress-opensearch`, `${LONG}/allow-egress-redis`,
      'data-platform/allow-egress-mysql', 'data-platform/allow-egress-opensearch', 'data-platform/allow-egress-postgres',
      'payments-jobs/allow-egress-postgres', 'payments/allow-egress-postgres',
    ]);
  });

  it('GIVEN workload roles WHEN rendered THEN only their namespaces reach the Pod Identity agent and HTTPS outside the VPC', () => {
    const names = at('staging', 'NetworkPolicy').map(key).filter((k) => /allow-egress-(aws-apis|pod-identity)$/.test(k)).sort();
    // checkout's storefront has a role (it uses payments' resources); its cart-sweeper has none. Tenants without a role get neither.
    expect(names).toEqual([
      'checkout/allow-egress-aws-apis', 'checkout/allow-egress-pod-identity',
      `${LONG}-ci/allow-egress-aws-apis`, `${LONG}-ci/allow-egress-pod-identity`, `${LONG}/allow-egress-aws-apis`, `${LONG}/allow-egress-pod-identity`,
      'data-platform/allow-egress-aws-apis', 'data-platform/allow-egress-pod-identity',
      'payments-jobs/allow-egress-aws-apis', 'payments-jobs/allow-egress-pod-identity',
      'payments/allow-egress-aws-apis', 'payments/allow-egress-pod-identity',
    ]);
    const apis = at('staging', 'NetworkPolicy').find((p) => key(p) === 'payments/allow-egress-aws-apis')!;
    expect(apis.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.10.0.0/16', '169.254.0.0/16'] } }], ports: [{ port: 443, protocol: 'TCP' }] }]);
  });

  it('GIVEN staging without network ids WHEN rendered THEN no data store is rendered and no tenant gets egress to the secure subnets', () => {
    const clusters = fleet.clusters.map((c) => (c.spec.name === 'staging' ? { ...c, spec: { ...c.spec, network: { ...c.spec.network, ids: undefined } } } : c));
    const files = renderCluster({ ...fleet, clusters }, clusters.find((c) => c.spec.name === 'staging')!);
    const policies = [...files.keys()].filter((p) => /networkpolicy-.*allow-egress-/.test(p)).map((p) => p.split('allow-egress-')[1]);
    expect(new Set(policies)).toEqual(new Set(['aws-apis.yaml', 'pod-identity.yaml']));
    expect([...files.keys()].some((p) => /\/instance-|replicationgroup-|\/domain-/.test(p))).toBe(false);
  });
});

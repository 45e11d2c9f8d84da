import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { tenantEgressRules } from '../../src/tenancy/tenant-egress.js';
import { TenantNetworkPolicies } from '../../src/tenancy/tenant-network-policies.js';

const SECURE = ['10.10.96.0/22', '10.10.100.0/22', '10.10.104.0/22'];
const base = { vpcCidr: '10.10.0.0/16', secureCidrs: SECURE };

/** The allow-egress-* policies of one namespace, as name → egress rules. */
function egressOf(namespace: string, rules: ReturnType<typeof tenantEgressRules>) {
  const chart = new Chart(Testing.app(), 'test');
  new TenantNetworkPolicies(chart, 'np', { namespace, tenant: 'shop', vpcCidr: base.vpcCidr, egress: rules });
  const objs = chart.toJson() as { metadata: { name: string }; spec: { egress?: unknown; policyTypes: string[] } }[];
  return Object.fromEntries(objs.filter((o) => o.metadata.name.startsWith('allow-egress-')).map((o) => [o.metadata.name, o.spec.egress]));
}

describe('tenantEgressRules', () => {
  it('GIVEN no data store and no workload role WHEN computed THEN there is no extra egress', () => {
    expect(tenantEgressRules({ ...base, dataStores: [], usesAwsApis: true })).toEqual([]);
  });

  it('GIVEN Postgres, Redis and OpenSearch WHEN rendered THEN each namespace reaches the secure subnets on exactly their ports', () => {
    const rules = tenantEgressRules({ ...base, dataStores: ['redis', 'postgres', 'opensearch', 'postgres'] });
    const to = SECURE.map((cidr) => ({ ipBlock: { cidr } }));
    for (const ns of ['shop', 'shop-jobs']) {
      expect(egressOf(ns, rules)).toEqual({
        'allow-egress-opensearch': [{ to, ports: [{ port: 443, protocol: 'TCP' }] }],
        'allow-egress-postgres': [{ to, ports: [{ port: 5432, protocol: 'TCP' }] }],
        'allow-egress-redis': [{ to, ports: [{ port: 6379, protocol: 'TCP' }] }],
      });
    }
  });

  it('GIVEN a workload role in shop-jobs and a bucket WHEN rendered THEN only shop-jobs reaches the Pod Identity agent and HTTPS outside the VPC and link-local range', () => {
    const rules = tenantEgressRules({ ...base, workloadNamespaces: ['shop-jobs'], usesAwsApis: true });
    expect(egressOf('shop', rules)).toEqual({});
    expect(egressOf('shop-jobs', rules)).toEqual({
      'allow-egress-aws-apis': [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.10.0.0/16', '169.254.0.0/16'] } }], ports: [{ port: 443, protocol: 'TCP' }] }],
      'allow-egress-pod-identity': [{ to: [{ ipBlock: { cidr: '169.254.170.23/32' } }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
  });

  it('GIVEN a workload role but only data stores in the VPC WHEN computed THEN the pods get credentials but no egress to public AWS endpoints', () => {
    expect(tenantEgressRules({ ...base, dataStores: ['opensearch'], workloadNamespaces: ['shop'], usesAwsApis: false }).map((r) => r.name)).toEqual(['opensearch', 'pod-identity']);
  });
});

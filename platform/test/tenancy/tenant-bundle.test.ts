import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import type { Tenant } from '@platform/schemas';
import { OutputChart } from '../../src/_output-chart.js';
import { TenantBundle } from '../../src/tenancy/tenant-bundle.js';

const tenant: Tenant = {
  name: 'payments',
  owners: [{ team: 'acme/payments', role: 'admin' }, { team: 'acme/sre', role: 'view' }],
  contact: { slackChannel: '#payments', email: 'p@example.com' },
  clusters: ['staging'],
  namespaces: ['jobs'],
  quotas: { cpu: '4', memory: '8Gi', pods: 50, storage: '100Gi', loadBalancers: 0 },
  limitRange: { defaultLimit: { cpu: '1', memory: '1Gi' }, defaultRequest: { cpu: '10m', memory: '100Mi' } },
  hostnames: [],
  network: { allowFrom: ['checkout'], internetEgress: true },
  decommissioned: false,
};

function render(t: Tenant = tenant, registries?: string[]) {
  const chart = new OutputChart(new App({ outdir: '/nonexistent' }), 'test', { folder: 'tenants/payments', sources: [] });
  new TenantBundle(chart, 'bundle', { tenant: t, environment: 'staging', groupPrefix: 'github:', vpcCidr: '10.10.0.0/16', reconciler: 'tenant-payments', kustomizations: ['tenant-payments', 'apps-payments'], registries });
  return chart.render().map((o) => o.manifest as Record<string, any>);
}
const ids = (objs: Record<string, any>[]) => objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();

describe('TenantBundle', () => {
  it('GIVEN a tenant with an extra namespace WHEN rendered THEN each namespace gets the full fence and flux-system gets the reconciler and notifications', () => {
    const objs = render();
    const perNs = (ns: string) => [
      `LimitRange/${ns}/tenant-defaults`, `Namespace//${ns}`,
      ...['allow-dns', 'allow-from-checkout', 'allow-from-ingress', 'allow-from-monitoring', 'allow-internet-egress', 'allow-same-tenant', 'default-deny'].map((n) => `NetworkPolicy/${ns}/${n}`),
      `ResourceQuota/${ns}/tenant-quota`, `RoleBinding/${ns}/admin-acme-payments`, `RoleBinding/${ns}/flux-reconciler`, `RoleBinding/${ns}/view-acme-sre`,
    ];
    expect(ids(objs)).toEqual([
      'Alert/flux-system/tenant-payments', ...perNs('payments'), ...perNs('payments-jobs'), 'Provider/flux-system/tenant-payments', 'ServiceAccount/flux-system/tenant-payments',
    ].sort());
  });

  it('GIVEN hostnames and registries WHEN rendered THEN every namespace carries them, with the owners, as the facts admission reads', () => {
    const repo = '222222222222.dkr.ecr.eu-west-2.amazonaws.com/staging-payments-api';
    const objs = render({ ...tenant, hostnames: ['pay.staging.example.com', 'pay.example.com'] }, [repo, repo]);
    for (const ns of objs.filter((o) => o.kind === 'Namespace')) {
      expect(ns.metadata.annotations).toMatchObject({
        'platform.example.com/owners': 'acme:payments,acme:sre',
        'platform.example.com/hostnames': 'pay.example.com,pay.staging.example.com',
        'platform.example.com/registries': repo,
      });
    }
    // Without any, the annotations are left out (admission then admits no host and no own repository).
    expect(Object.keys(render().find((o) => o.kind === 'Namespace')!.metadata.annotations).sort()).toEqual(['platform.example.com/email', 'platform.example.com/owners', 'platform.example.com/slack-channel']);
  });

  it('GIVEN owners WHEN rendered THEN groups are bound to the platform tenant roles, the reconciler to tenant-admin', () => {
    const objs = render();
    const rb = (name: string) => objs.find((o) => o.kind === 'RoleBinding' && o.metadata.namespace === 'payments' && o.metadata.name === name)!;
    expect(rb('view-acme-sre').roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'tenant-view' });
    expect(rb('view-acme-sre').subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'github:acme:sre' }]);
    expect(rb('flux-reconciler').roleRef.name).toBe('tenant-admin');
    expect(rb('flux-reconciler').subjects).toEqual([{ kind: 'ServiceAccount', name: 'tenant-payments', namespace: 'flux-system' }]);
  });

  it('GIVEN quotas, limits and internet egress WHEN rendered THEN the values and the VPC exception are in place', () => {
    const objs = render();
    const one = (kind: string, name?: string) => objs.find((o) => o.kind === kind && o.metadata.namespace === 'payments' && (!name || o.metadata.name === name))!;
    expect(one('ResourceQuota').spec.hard).toEqual({ 'limits.memory': '8Gi', pods: '50', 'requests.cpu': '4', 'requests.memory': '8Gi', 'requests.storage': '100Gi', 'services.loadbalancers': '0', 'services.nodeports': '0' });
    expect(one('LimitRange').spec.limits).toEqual([{ type: 'Container', default: { cpu: '1', memory: '1Gi' }, defaultRequest: { cpu: '10m', memory: '100Mi' } }]);
    expect(one('NetworkPolicy', 'allow-internet-egress').spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.10.0.0/16', '169.254.169.254/32'] } }] }]);
    expect(one('NetworkPolicy', 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(objs.find((o) => o.kind === 'Namespace' && o.metadata.name === 'payments')!.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('GIVEN a tenant that caps only pods and storage WHEN rendered THEN its quota has no CPU or memory cap', () => {
    const objs = render({ ...tenant, quotas: { ...tenant.quotas, cpu: 'none', memory: 'none' } });
    const quota = objs.find((o) => o.kind === 'ResourceQuota' && o.metadata.namespace === 'payments')!;
    expect(quota.spec.hard).toEqual({ pods: '50', 'requests.storage': '100Gi', 'services.loadbalancers': '0', 'services.nodeports': '0' });
  });

  it('GIVEN an extra namespace with its own environment WHEN rendered THEN only that namespace is labelled with it', () => {
    const objs = render({ ...tenant, namespaces: ['jobs'], namespaceEnvironments: { jobs: 'development' } });
    const env = (name: string) => objs.find((o) => o.kind === 'Namespace' && o.metadata.name === name)!.metadata.labels['platform.example.com/environment'];
    expect([env('payments'), env('payments-jobs')]).toEqual(['staging', 'development']);
  });

  it('GIVEN no internet egress WHEN rendered THEN there is no internet policy', () => {
    const names = render({ ...tenant, network: { allowFrom: [], internetEgress: false } }).map((o) => o.metadata.name);
    expect(names).not.toContain('allow-internet-egress');
    expect(names).not.toContain('allow-from-checkout');
  });
});

import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { OutputChart } from '../../src/_output-chart.js';
import { TenantClusterRoles } from '../../src/tenancy/tenant-cluster-roles.js';
import { TenantGuardrails } from '../../src/tenancy/tenant-guardrails.js';

function render() {
  const chart = new OutputChart(new App({ outdir: '/nonexistent' }), 'test', { folder: 'addons-config', sources: [] });
  new TenantGuardrails(chart, 'g', { groupPrefix: 'github:' });
  new TenantClusterRoles(chart, 'r');
  return chart.render().map((o) => o.manifest as Record<string, any>);
}

describe('TenantGuardrails', () => {
  it('GIVEN the OIDC prefix WHEN rendered THEN tenant groups and reconcilers are matched and Crossplane and cluster-scoped writes denied', () => {
    const [policy, binding] = render();
    expect(policy!.spec.matchConditions).toEqual([{
      name: 'tenant-principal',
      expression: "request.userInfo.username.startsWith('system:serviceaccount:flux-system:tenant-') || (has(request.userInfo.groups) && request.userInfo.groups.exists(g, g.startsWith('github:')))",
    }]);
    expect(policy!.spec.validations.map((v: { expression: string }) => v.expression)).toEqual([
      "!(request.resource.group.endsWith('.upbound.io') || request.resource.group == 'upbound.io' || request.resource.group.endsWith('.crossplane.io') || request.resource.group == 'crossplane.io')",
      "request.namespace != '' || request.resource.group in ['authorization.k8s.io', 'authentication.k8s.io']",
    ]);
    expect(binding!.spec).toEqual({ policyName: 'tenant-guardrails', validationActions: ['Deny'] });
  });
});

describe('TenantClusterRoles', () => {
  it('GIVEN the tenant roles WHEN rendered THEN none names a Crossplane group, a cluster-scoped kind or an aggregation label', () => {
    const roles = render().filter((o) => o.kind === 'ClusterRole');
    expect(roles.map((r) => r.metadata.name)).toEqual(['tenant-admin', 'tenant-edit', 'tenant-view']);
    for (const r of roles) {
      expect(r.aggregationRule).toBeUndefined();
      expect(Object.keys(r.metadata.labels).filter((l) => l.includes('aggregate'))).toEqual([]);
      const groups = r.rules.flatMap((x: { apiGroups: string[] }) => x.apiGroups);
      expect(groups.filter((g: string) => g === '*' || g.endsWith('upbound.io') || g.endsWith('crossplane.io'))).toEqual([]);
      const resources = r.rules.flatMap((x: { resources: string[] }) => x.resources);
      expect(resources.filter((x: string) => ['namespaces', 'nodes', 'clusterroles', 'clusterrolebindings', '*'].includes(x))).toEqual([]);
    }
    const view = roles.find((r) => r.metadata.name === 'tenant-view')!;
    expect(new Set(view.rules.flatMap((x: { verbs: string[] }) => x.verbs))).toEqual(new Set(['get', 'list', 'watch']));
  });
});

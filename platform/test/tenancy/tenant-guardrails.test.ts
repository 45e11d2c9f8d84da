import { App } from 'cdk8s';
import { evaluate } from '@marcbachmann/cel-js';
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
      "request.operation == 'CREATE' || oldObject == null || !has(oldObject.metadata.labels) || !('kustomize.toolkit.fluxcd.io/name' in oldObject.metadata.labels) || !oldObject.metadata.labels['kustomize.toolkit.fluxcd.io/name'].startsWith('tenant-')",
      "request.resource.group != 'networking.k8s.io' || request.resource.resource != 'networkpolicies' || object == null || (!has(object.spec.egress) && !(has(object.spec.policyTypes) && 'Egress' in object.spec.policyTypes))",
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

describe('TenantGuardrails CEL', () => {
  // The policy's expressions, evaluated as the API server would for a tenant request.
  const [policy] = render();
  const rules = policy!.spec.validations as { expression: string }[];
  const admits = (request: Record<string, unknown>, object: unknown, oldObject: unknown = null) =>
    rules.every((r) => evaluate(r.expression, { request, object, oldObject }) === true);
  const req = (resource: string, group: string, operation: string, namespace = 'payments') => ({ resource: { group, resource }, operation, namespace });
  const platformLabels = { 'kustomize.toolkit.fluxcd.io/name': 'tenant-payments', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' };
  const appLabels = { 'kustomize.toolkit.fluxcd.io/name': 'apps-payments', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' };

  it('GIVEN a tenant workload change WHEN admitted THEN it passes', () => {
    expect(admits(req('deployments', 'apps', 'UPDATE'), { metadata: { name: 'api', labels: appLabels } }, { metadata: { name: 'api', labels: appLabels } })).toBe(true);
    expect(admits(req('networkpolicies', 'networking.k8s.io', 'CREATE'), { metadata: { name: 'web' }, spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] } })).toBe(true);
  });

  it('GIVEN Crossplane kinds, cluster-scoped kinds or what the platform applied WHEN a tenant writes them THEN they are denied', () => {
    expect(admits(req('buckets', 's3.aws.m.upbound.io', 'CREATE'), { metadata: { name: 'b' } })).toBe(false);
    expect(admits(req('clusterroles', 'rbac.authorization.k8s.io', 'CREATE', ''), { metadata: { name: 'x' } })).toBe(false);
    const denyAll = { metadata: { name: 'default-deny', labels: platformLabels }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
    expect(admits(req('networkpolicies', 'networking.k8s.io', 'DELETE'), null, denyAll)).toBe(false);
    expect(admits(req('rolebindings', 'rbac.authorization.k8s.io', 'UPDATE'), { metadata: { name: 'admin', labels: platformLabels } }, { metadata: { name: 'admin', labels: platformLabels } })).toBe(false);
  });

  it('GIVEN a tenant NetworkPolicy that opens egress WHEN created THEN it is denied', () => {
    expect(admits(req('networkpolicies', 'networking.k8s.io', 'CREATE'), { metadata: { name: 'out' }, spec: { podSelector: {}, policyTypes: ['Egress'] } })).toBe(false);
    expect(admits(req('networkpolicies', 'networking.k8s.io', 'CREATE'), { metadata: { name: 'out' }, spec: { podSelector: {}, egress: [{}] } })).toBe(false);
  });
});

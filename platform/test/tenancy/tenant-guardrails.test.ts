import { App } from 'cdk8s';
import { Environment } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { OutputChart } from '../../src/_output-chart.js';
import { TenantClusterRoles } from '../../src/tenancy/tenant-cluster-roles.js';
import { PLATFORM_CONTROLLERS, TenantGuardrails } from '../../src/tenancy/tenant-guardrails.js';

function render(props: Partial<ConstructorParameters<typeof TenantGuardrails>[2]> = {}) {
  const chart = new OutputChart(new App({ outdir: '/nonexistent' }), 'test', { folder: 'addons-config', sources: [] });
  new TenantGuardrails(chart, 'g', {
    groupPrefix: 'github:',
    tenantNamespaces: new Map([['payments', 'payments'], ['payments-jobs', 'payments'], ['checkout', 'checkout']]),
    imageRegistries: ['ghcr.io/acme'],
    dnsTargets: ['ingress-internal.example.com'],
    teamRoles: ['tenant-role-debug'],
    ...props,
  });
  new TenantClusterRoles(chart, 'r');
  return chart.render().map((o) => o.manifest as Record<string, any>);
}
const byKind = (objects: Record<string, any>[], kind: string) => objects.filter((o) => o.kind === kind);

describe('TenantGuardrails', () => {
  it('GIVEN the cluster facts WHEN rendered THEN one ConfigMap in flux-system carries them as params, with every tenant namespace', () => {
    const [params] = byKind(render(), 'ConfigMap');
    expect(params!.metadata).toEqual({ name: 'tenant-guardrails', namespace: 'flux-system' });
    expect(params!.data).toEqual({
      clusterIssuers: 'letsencrypt-production,letsencrypt-staging',
      dnsTargets: 'ingress-internal.example.com',
      groupPrefix: 'github:',
      imageRegistries: 'ghcr.io/acme',
      ingressClasses: 'traefik',
      'namespace.checkout': 'checkout',
      'namespace.payments': 'payments',
      'namespace.payments-jobs': 'payments',
      priorityClasses: 'tenant-batch,tenant-standard',
      tenantRoles: 'tenant-admin,tenant-edit,tenant-role-debug,tenant-view',
    });
  });

  it('GIVEN the two policies WHEN rendered THEN one is bound to tenant namespaces and fails closed, the other to everything else and fails open without params', () => {
    const bindings = byKind(render(), 'ValidatingAdmissionPolicyBinding');
    expect(bindings.map((b) => [b.metadata.name, b.spec.matchResources.namespaceSelector.matchExpressions, b.spec.paramRef.parameterNotFoundAction])).toEqual([
      ['tenant-namespaces', [{ key: 'platform.example.com/tenant', operator: 'Exists' }], 'Deny'],
      ['tenant-principals', [{ key: 'platform.example.com/tenant', operator: 'DoesNotExist' }], 'Allow'],
    ]);
    for (const b of bindings) {
      expect(b.spec.validationActions).toEqual(['Deny']);
      expect(b.spec.paramRef).toMatchObject({ name: 'tenant-guardrails', namespace: 'flux-system' });
    }
    for (const p of byKind(render(), 'ValidatingAdmissionPolicy')) {
      expect(p.spec.failurePolicy).toBe('Fail');
      expect(p.spec.paramKind).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
    }
  });

  it('GIVEN the platform controllers WHEN listed THEN they are exempt by exact name, and no tenant reconciler is among them', () => {
    expect(PLATFORM_CONTROLLERS).toEqual([
      'system:serviceaccount:flux-system:kustomize-controller',
      'system:serviceaccount:crossplane-system:provider-aws',
      'system:serviceaccount:cert-manager:cert-manager',
      'system:serviceaccount:external-secrets:external-secrets',
      'system:serviceaccount:aws-load-balancer-controller:aws-load-balancer-controller',
      'system:serviceaccount:kube-system:namespace-controller',
      'system:serviceaccount:kube-system:generic-garbage-collector',
    ]);
    const [namespaces] = byKind(render(), 'ValidatingAdmissionPolicy');
    expect(namespaces!.spec.matchConditions).toEqual([
      { name: 'not-a-platform-controller', expression: `!(request.userInfo.username in [${PLATFORM_CONTROLLERS.map((c) => `'${c}'`).join(', ')}])` },
    ]);
  });

  it('GIVEN every expression of both policies WHEN parsed THEN it is valid CEL', () => {
    const env = new Environment({ unlistedVariablesAreDyn: true });
    for (const p of byKind(render(), 'ValidatingAdmissionPolicy')) {
      const expressions = [
        ...(p.spec.matchConditions ?? []).map((m: { expression: string }) => m.expression),
        ...p.spec.variables.map((v: { expression: string }) => v.expression),
        ...p.spec.validations.flatMap((v: { expression: string; messageExpression: string }) => [v.expression, v.messageExpression]),
      ];
      for (const e of expressions) expect(() => env.parse(e), e).not.toThrow();
    }
  });
});

describe('TenantClusterRoles', () => {
  it('GIVEN the tenant roles WHEN rendered THEN none names a Crossplane group, a cluster-scoped kind or an aggregation label', () => {
    const roles = byKind(render(), 'ClusterRole');
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

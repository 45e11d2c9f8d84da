import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { TenantSync, tenantKustomizationNames } from '../../src/flux/tenant-sync.js';

const render = (apps?: boolean) => {
  const chart = new Chart(new App(), 'c');
  new TenantSync(chart, 's', { cluster: 'prod', tenant: 'pay', reconciler: 'tenant-pay', apps });
  return chart.toJson() as { metadata: { name: string }; spec: Record<string, unknown> }[];
};

describe('TenantSync', () => {
  it('gives a tenant its own bundle and apps Kustomizations, the apps one impersonating the tenant', () => {
    const [bundle, apps] = render();
    expect(bundle!.metadata.name).toBe('tenant-pay');
    expect(bundle!.spec).toMatchObject({ path: './out/prod/tenants/pay', serviceAccountName: 'kustomize-controller', dependsOn: [{ name: 'addons-config' }], prune: true, wait: true });
    expect(apps!.metadata.name).toBe('apps-pay');
    expect(apps!.spec).toMatchObject({ path: './out/prod/apps/pay', serviceAccountName: 'tenant-pay', dependsOn: [{ name: 'tenant-pay' }] });
  });

  it('renders no apps Kustomization for a tenant without apps', () => {
    expect(render(false).map((o) => o.metadata.name)).toEqual(['tenant-pay']);
  });

  it('GIVEN a 60-character tenant WHEN its Kustomizations are named THEN each fits a label value (Flux labels what it applies with the name), stably', () => {
    const long = 'civil-legal-aid-means-assessment-service-preproduction-teams';
    const names = tenantKustomizationNames(long);
    expect(names.bundle).toBe('tenant-civil-legal-aid-means-assessment-service-preproduct-4c55');
    expect(names.bundle).toHaveLength(63);
    expect(names.apps.length).toBeLessThanOrEqual(63);
    expect(names.apps.startsWith('apps-civil-legal-aid-')).toBe(true);
    expect(tenantKustomizationNames('payments')).toEqual({ bundle: 'tenant-payments', apps: 'apps-payments' });
  });
});

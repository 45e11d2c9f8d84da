import { TenantBundle, TenantClusterRoles, TenantGuardrails, tenantKustomizationNames } from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';
import { tenantReconciler } from './flux-layer.js';
import { tenantEnvironment } from '../../fleet-index.js';
import { renderTenantAwsResources, tenantAwsEgress } from './tenant-aws-layer.js';

/** Folder of the cluster-wide tenancy objects: applied before any tenant (every tenant-<team> depends on it). */
export const TENANCY_FOLDER = 'addons-config';

/**
 * tenants/<team>/: each tenant's namespace bundle on this cluster; plus, once per cluster, the ClusterRoles tenants
 * are bound to and the admission policy that keeps them away from Crossplane and cluster-scoped kinds.
 */
export function renderTenantsLayer(ctx: ClusterContext): void {
  const { cluster } = ctx;
  const groupPrefix = cluster.spec.kubernetes?.oidcGroupPrefix ?? 'github:';
  const shared = ctx.chart('tenancy', TENANCY_FOLDER, [cluster.source.path]);
  new TenantClusterRoles(shared, 'roles');
  new TenantGuardrails(shared, 'guardrails', { groupPrefix });

  for (const t of ctx.tenants) {
    const name = t.spec.name;
    const chart = ctx.chart(`tenant-${name}`, `tenants/${name}`, [t.source.path]);
    const flux = tenantKustomizationNames(name);
    const kustomizations = [flux.bundle, ...(ctx.appsOf(name).length > 0 ? [flux.apps] : [])];
    new TenantBundle(chart, 'bundle', {
      tenant: t.spec,
      environment: tenantEnvironment(t.spec, cluster.spec),
      groupPrefix,
      vpcCidr: cluster.spec.network.vpcCidr,
      reconciler: tenantReconciler(name),
      kustomizations,
      allowTo: ctx.tenants.filter((o) => o.spec.name !== name && o.spec.network.allowFrom.includes(name)).map((o) => o.spec.name),
      egress: tenantAwsEgress(ctx, t),
    });
    renderTenantAwsResources(ctx, t, chart);
  }
}

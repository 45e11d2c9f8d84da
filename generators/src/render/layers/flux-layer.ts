import { PlatformSync, TenantSync, type TenantSyncProps } from '@platform/platform';
import type { Loaded } from '../../model.js';
import type { Tenant } from '@platform/schemas';
import type { ClusterContext } from '../cluster-context.js';

/** ServiceAccount in flux-system that a tenant's apps Kustomization impersonates. */
export const tenantReconciler = (tenant: string) => `tenant-${tenant}`;

/** flux/: the platform layers, the management cluster's infra-<cluster> and images layers, and each tenant's pair. */
export function renderFluxLayer(ctx: ClusterContext): void {
  const { cluster, fleet } = ctx;
  const platform = ctx.chart('flux', 'flux', [cluster.source.path]);
  for (const folder of ['addons', 'addons-config']) ctx.fluxPaths.add(folder);
  new PlatformSync(platform, 'platform', {
    cluster: cluster.spec.name,
    infraOf: cluster.spec.management ? fleet.clusters.map((c) => c.spec.name) : [],
    images: cluster.spec.management === true,
  });
  for (const t of ctx.tenants) {
    ctx.unit(`flux-${t.spec.name}`, 'flux', [t.source.path], tenantSyncProps(ctx, t), (chart, p) => new TenantSync(chart, 'sync', p));
    ctx.fluxPaths.add(`tenants/${t.spec.name}`);
  }
}

/** What a tenant's pair of Kustomizations on this cluster is made from (the README's Flux graph reads it too). */
export function tenantSyncProps(ctx: ClusterContext, t: Loaded<Tenant>): TenantSyncProps {
  return { cluster: ctx.cluster.spec.name, tenant: t.spec.name, reconciler: tenantReconciler(t.spec.name), apps: ctx.appsOf(t.spec.name).length > 0 };
}

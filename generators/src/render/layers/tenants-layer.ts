import { type AddonSettings, TenantBundle, TenantClusterRoles, TenantDnsZone, TenantGuardrails, TenantPriorityClasses, enabledAddons, internalIngressHost, tenantKustomizationNames, tenantNamespaces } from '@platform/platform';
import { tenantRegistryImagesByTenant } from '../../tenant-registries.js';
import type { ClusterContext } from '../cluster-context.js';
import { tenantReconciler } from './flux-layer.js';
import { clusterTenantZones, tenantEnvironment } from '../../fleet-index.js';
import { renderTenantAwsResources, tenantAwsEgress } from './tenant-aws-layer.js';

/** Folder of the cluster-wide tenancy objects: applied before any tenant (every tenant-<team> depends on it). */
export const TENANCY_FOLDER = 'addons-config';

/**
 * tenants/<team>/: each tenant's namespace bundle on this cluster; plus, once per cluster, the ClusterRoles tenants
 * are bound to, the priority classes they may use and the admission policies that keep every identity acting in
 * a tenant namespace inside the tenancy.
 */
export function renderTenantsLayer(ctx: ClusterContext): void {
  const { cluster } = ctx;
  const groupPrefix = cluster.spec.kubernetes?.oidcGroupPrefix ?? 'github:';
  const shared = ctx.chart('tenancy', TENANCY_FOLDER, [cluster.source.path]);
  const alertRouting = enabledAddons(cluster.spec.addons as AddonSettings).some((a) => a.name === 'kube-prometheus-stack');
  new TenantClusterRoles(shared, 'roles');
  new TenantPriorityClasses(shared, 'priority-classes');
  // The guardrails' params name every tenant namespace of the cluster.
  const guardrails = ctx.chart('tenant-guardrails', TENANCY_FOLDER, [cluster.source.path, 'tenants/*.yaml']);
  new TenantGuardrails(guardrails, 'guardrails', {
    groupPrefix,
    tenantNamespaces: new Map(ctx.tenants.flatMap((t) => tenantNamespaces(t.spec).map((ns) => [ns, t.spec.name] as const))),
    imageRegistries: cluster.spec.tenancy?.imageRegistries ?? [],
    dnsTargets: [internalIngressHost(cluster.spec.dns.domain)],
  });

  // Each tenant's own image repositories: its registries on every cluster it runs in (an app may run an image
  // built in another environment's registry of the same tenant).
  const registries = tenantRegistryImagesByTenant(ctx.fleet);
  const zones = clusterTenantZones(ctx.fleet, cluster.spec);

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
      registries: registries.get(name) ?? [],
      alertRouting,
    });
    renderTenantAwsResources(ctx, t, chart);
    const tenantZones = cluster.spec.dns.tenantZones;
    for (const zone of tenantZones ? zones.filter((z) => z.tenant === name) : []) {
      new TenantDnsZone(chart, `zone-${zone.name}`, { cluster: cluster.spec.name, zone, delegationSetId: tenantZones!.delegationSetId, nameServers: tenantZones!.nameServers });
    }
  }
}

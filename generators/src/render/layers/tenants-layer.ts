import {
  type AddonSettings, TenantAwsResources, TenantBundle, TenantClusterRoles, TenantDnsZone, TenantGuardrails, TenantPriorityClasses, TenantTeamRoles, enabledAddons, internalIngressHost, teamRoleClusterRole, tenantSyncKustomizations,
  tenantNamespaces,
} from '@platform/platform';
import { tenantRegistryImagesByTenant } from '../../tenant-registries.js';
import type { ClusterContext } from '../cluster-context.js';
import { tenantReconciler, tenantSyncProps } from './flux-layer.js';
import { TENANT_FILES } from './addons-layer.js';
import { clusterTenantZones, teamRoleCatalog, tenantEnvironment } from '../../fleet-index.js';
import { tenantAwsEgress, tenantAwsResourcesProps } from './tenant-aws-layer.js';

/** Folder of the cluster-wide tenancy objects: applied before any tenant (every tenant-<team> depends on it). */
export const TENANCY_FOLDER = 'addons-config';

/**
 * tenants/<team>/: each tenant's namespace bundle on this cluster; plus, once per cluster, the ClusterRoles tenants
 * are bound to (the built-ins and the fleet's team role catalog, from the management cluster's file), the priority classes they may use and the admission policies that keep every identity acting in
 * a tenant namespace inside the tenancy.
 */
export function renderTenantsLayer(ctx: ClusterContext): void {
  const { cluster } = ctx;
  const groupPrefix = cluster.spec.kubernetes?.oidcGroupPrefix ?? 'github:';
  const alertRouting = enabledAddons(cluster.spec.addons as AddonSettings).some((a) => a.name === 'kube-prometheus-stack');
  ctx.unit('tenancy', TENANCY_FOLDER, [cluster.source.path], {}, (chart) => {
    new TenantClusterRoles(chart, 'roles');
    new TenantPriorityClasses(chart, 'priority-classes');
  });
  const management = ctx.fleet.clusters.find((c) => c.spec.management)?.source.path ?? cluster.source.path;
  const catalog = teamRoleCatalog(ctx.fleet);
  ctx.unit('tenant-team-roles', TENANCY_FOLDER, [management], { roles: catalog }, (chart, p) => new TenantTeamRoles(chart, 'team-roles', p));
  // The guardrails' params name every tenant namespace of the cluster and every role tenant RoleBindings may bind.
  const guardrails = {
    teamRoles: Object.keys(catalog).map(teamRoleClusterRole),
    groupPrefix,
    tenantNamespaces: new Map(ctx.tenants.flatMap((t) => tenantNamespaces(t.spec).map((ns) => [ns, t.spec.name] as const))),
    imageRegistries: cluster.spec.tenancy?.imageRegistries ?? [],
    dnsTargets: [internalIngressHost(cluster.spec.dns.domain)],
  };
  ctx.unit('tenant-guardrails', TENANCY_FOLDER, [...new Set([cluster.source.path, management]), TENANT_FILES], guardrails, (chart, p) => new TenantGuardrails(chart, 'guardrails', p));

  // Each tenant's own image repositories: its registries on every cluster it runs in (an app may run an image
  // built in another environment's registry of the same tenant).
  const registries = tenantRegistryImagesByTenant(ctx.fleet);
  const zones = clusterTenantZones(ctx.fleet, cluster.spec);

  for (const t of ctx.tenants) {
    const name = t.spec.name;
    // The tenant's Flux pair, as the flux layer renders it (no apps Kustomization without apps).
    const kustomizations = tenantSyncKustomizations(tenantSyncProps(ctx, t)).map((k) => k.name);
    const tenantZones = cluster.spec.dns.tenantZones;
    const props = {
      bundle: {
        tenant: t.spec,
        environment: tenantEnvironment(t.spec, cluster.spec),
        groupPrefix,
        vpcCidr: cluster.spec.network.vpcCidr,
        reconciler: tenantReconciler(name),
        kustomizations,
        allowTo: ctx.tenantsAllowing(name),
        egress: tenantAwsEgress(ctx, t),
        registries: registries.get(name) ?? [],
        alertRouting,
      },
      aws: tenantAwsResourcesProps(ctx, t),
      zones: (tenantZones ? zones.filter((z) => z.tenant === name) : []).map((zone) => ({
        cluster: cluster.spec.name, zone, delegationSetId: tenantZones!.delegationSetId, nameServers: tenantZones!.nameServers,
      })),
    };
    ctx.unit(`tenant-${name}`, `tenants/${name}`, [t.source.path], props, (chart, p) => {
      new TenantBundle(chart, 'bundle', p.bundle);
      new TenantAwsResources(chart, 'aws', p.aws);
      for (const zone of p.zones) new TenantDnsZone(chart, `zone-${zone.zone.name}`, zone);
    });
  }
}

import {
  Addon, type AddonEnvironment, type AddonSettings, FLUX_NAMESPACE, type ObservabilityTeam, PLATFORM_NAMESPACES, ThanosFleetStore, clusterBucketName, enabledAddons, tenantNamespaces,
} from '@platform/platform';
import type { Cluster } from '@platform/schemas';
import type { ClusterContext } from '../cluster-context.js';
import type { Fleet } from '../../model.js';
import { fleetMetricsSources } from '../fleet-metrics.js';
import { clusterTenantZones } from '../../fleet-index.js';

/** How a header names every tenant file as the source of an object derived from all of them. */
export const TENANT_FILES = 'tenants/*.yaml';

/** The platform team's GitHub teams: `platformTeams` of the management cluster. */
export const fleetPlatformTeams = (fleet: Fleet): string[] => [...(fleet.clusters.find((c) => c.spec.management)?.spec.platformTeams ?? [])].sort();

/** The GitHub organisations of every tenant owner team and platform team in the fleet: the only ones Dex lets log in. */
export const fleetGithubOrgs = (fleet: Fleet): string[] =>
  [...new Set([...fleet.tenants.flatMap((t) => t.spec.owners.map((o) => o.team)), ...fleetPlatformTeams(fleet)].map((team) => team.split('/')[0]!))].sort();

/**
 * The tenants whose logs and Grafana organisations a cluster serves: every tenant on the management cluster (its
 * Grafana is the fleet view), the cluster's own tenants elsewhere. Only the tenants that run on the cluster have
 * namespaces there, so only their logs are shipped to a team's Loki tenant.
 */
export function observabilityTeams(spec: Cluster, fleet: Fleet): ObservabilityTeam[] {
  const tenants = spec.management ? fleet.tenants : fleet.tenants.filter((t) => t.spec.clusters.includes(spec.name));
  return tenants.map((t) => ({ name: t.spec.name, namespaces: tenantNamespaces(t.spec), onCluster: t.spec.clusters.includes(spec.name), owners: t.spec.owners.map((o) => ({ team: o.team, role: o.role ?? 'edit' })) }));
}

/** The facts of one cluster that add-on values are computed from. */
export function addonEnvironment(spec: Cluster, fleet: Fleet): AddonEnvironment {
  const on = new Set(enabledAddons(spec.addons as AddonSettings).map((a) => a.name));
  return {
    cluster: spec.name,
    environment: spec.environment,
    kubernetesVersion: spec.kubernetes.version,
    accountId: spec.aws.accountId,
    region: spec.aws.region,
    domain: spec.dns.domain,
    hostedZoneId: spec.dns.hostedZoneId,
    tenantZones: clusterTenantZones(fleet, spec).map((z) => z.name),
    metricsBucket: clusterBucketName(spec.aws.accountId, spec.aws.region, spec.name, 'metrics'),
    logsBucket: clusterBucketName(spec.aws.accountId, spec.aws.region, spec.name, 'logs'),
    lokiBucket: clusterBucketName(spec.aws.accountId, spec.aws.region, spec.name, 'loki'),
    logRetentionDays: spec.logs.retentionDays,
    githubOrgs: fleetGithubOrgs(fleet),
    teams: observabilityTeams(spec, fleet),
    platformTeams: fleetPlatformTeams(fleet),
    slackChannel: spec.notifications?.slackChannel,
    fleetMetrics: spec.management ? fleetMetricsSources(fleet) : [],
    platformNamespaces: [...new Set([...PLATFORM_NAMESPACES, 'kube-system', FLUX_NAMESPACE])].sort(),
    enabled: (addon) => on.has(addon),
  };
}

/**
 * addons/<addon>/: for every add-on that is on in this cluster, its Namespace, chart source and
 * HelmRelease, with the cluster file's `addons.<name>.values` merged over the platform's values.
 * An add-on switched off has no folder, so Flux prunes it.
 */
export function renderAddonsLayer(ctx: ClusterContext): void {
  const spec = ctx.cluster.spec;
  const settings = (spec.addons ?? {}) as AddonSettings;
  const env = addonEnvironment(spec, ctx.fleet);
  for (const definition of enabledAddons(settings)) {
    const chart = ctx.chart(`addon-${definition.name}`, `addons/${definition.name}`, [ctx.cluster.source.path, ...(definition.fromTenants ? [TENANT_FILES] : [])]);
    new Addon(chart, definition.name, { definition, env, overrides: settings[definition.name]?.values });
  }
  // The fleet view: the management cluster's store gateways, one per other cluster's metrics bucket.
  const sources = env.fleetMetrics ?? [];
  if (sources.length > 0) {
    const fleetStores = ctx.chart('addon-thanos-fleet', 'addons/thanos', [ctx.cluster.source.path, ...ctx.fleet.clusters.filter((c) => sources.some((s) => s.cluster === c.spec.name)).map((c) => c.source.path)]);
    for (const source of sources) new ThanosFleetStore(fleetStores, `store-${source.cluster}`, { source, serviceMonitor: env.enabled('kube-prometheus-stack') });
  }
}

import { Addon, type AddonEnvironment, type AddonSettings, clusterBucketName, enabledAddons } from '@platform/platform';
import type { Cluster } from '@platform/schemas';
import type { ClusterContext } from '../cluster-context.js';

/** The facts of one cluster that add-on values are computed from. */
export function addonEnvironment(spec: Cluster): AddonEnvironment {
  const on = new Set(enabledAddons(spec.addons as AddonSettings).map((a) => a.name));
  return {
    cluster: spec.name,
    environment: spec.environment,
    kubernetesVersion: spec.kubernetes.version,
    accountId: spec.aws.accountId,
    region: spec.aws.region,
    domain: spec.dns.domain,
    hostedZoneId: spec.dns.hostedZoneId,
    metricsBucket: clusterBucketName(spec.aws.accountId, spec.aws.region, spec.name, 'metrics'),
    logsBucket: clusterBucketName(spec.aws.accountId, spec.aws.region, spec.name, 'logs'),
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
  const env = addonEnvironment(spec);
  for (const definition of enabledAddons(settings)) {
    const chart = ctx.chart(`addon-${definition.name}`, `addons/${definition.name}`, [ctx.cluster.source.path]);
    new Addon(chart, definition.name, { definition, env, overrides: settings[definition.name]?.values });
  }
}

import { type AddonSettings, type FleetMetricsSource, clusterBucketName, enabledAddons, fleetMetricsRoleArn, metricsReaderRoleArn } from '@platform/platform';
import type { Cluster } from '@platform/schemas';
import type { Fleet } from '../model.js';

const on = (c: Cluster, addon: string) => enabledAddons(c.addons as AddonSettings).some((a) => a.name === addon);

/** The management cluster, when its Thanos is on (the fleet view needs it). */
export function fleetViewManagement(fleet: Fleet): Cluster | undefined {
  const m = fleet.clusters.find((c) => c.spec.management)?.spec;
  return m && on(m, 'thanos') ? m : undefined;
}

/**
 * The metrics buckets the management cluster's Thanos reads for the fleet view: every other cluster whose Prometheus
 * uploads blocks (kube-prometheus-stack and thanos on). Empty without a management cluster running Thanos.
 */
export function fleetMetricsSources(fleet: Fleet): FleetMetricsSource[] {
  if (!fleetViewManagement(fleet)) return [];
  return fleet.clusters
    .map((c) => c.spec)
    .filter((c) => !c.management && on(c, 'thanos') && on(c, 'kube-prometheus-stack'))
    .map((c) => ({
      cluster: c.name,
      region: c.aws.region,
      bucket: clusterBucketName(c.aws.accountId, c.aws.region, c.name, 'metrics'),
      readerRoleArn: metricsReaderRoleArn(c.aws.accountId, c.name),
    }));
}

/** The management side a cluster's metrics-reader role trusts, when the cluster is one of the fleet view's sources. */
export function fleetMetricsReaderOf(fleet: Fleet, cluster: Cluster) {
  const m = fleetViewManagement(fleet);
  if (!m || !fleetMetricsSources(fleet).some((s) => s.cluster === cluster.name)) return undefined;
  return { cluster: m.name, accountId: m.aws.accountId, region: m.aws.region, roleArn: fleetMetricsRoleArn(m.aws.accountId, m.name) };
}

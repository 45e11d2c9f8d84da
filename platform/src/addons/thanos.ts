import { type AddonEnvironment, type FleetMetricsSource, defineAddon } from './_addon.js';
import { thanosObjectStore } from './kube-prometheus-stack.js';
import { fleetStoreName } from '../infra/infra-names.js';

/** The Thanos release the Bitnami chart 17.6.0 packages (its appVersion), run from the Thanos project's own image. */
const THANOS_VERSION = 'v0.39.2';

/** The namespace of Thanos (and of the management cluster's fleet store gateways). */
export const THANOS_NAMESPACE = 'thanos';

/** @internal The Thanos project's own image, for every release of the chart. */
export const THANOS_IMAGE_VALUES = {
  global: { security: { allowInsecureImages: true } },
  image: { registry: 'quay.io', repository: 'thanos/thanos', tag: THANOS_VERSION },
} as const;

/** The gRPC address of the management cluster's store gateway for another cluster's bucket. */
export const fleetStoreAddress = (cluster: string) => `${fleetStoreName(cluster)}-storegateway.${THANOS_NAMESPACE}.svc.cluster.local:10901`;

/** What Thanos Query asks: the cluster's Prometheus sidecars and, in the management cluster, every fleet store gateway. */
const queryStores = (env: AddonEnvironment) => [
  'dnssrv+_grpc._tcp.kube-prometheus-stack-thanos-discovery.monitoring.svc.cluster.local',
  ...(env.fleetMetrics ?? []).map((s: FleetMetricsSource) => fleetStoreAddress(s.cluster)),
];

/**
 * Thanos (Bitnami chart, OCI is its primary channel): query over the Prometheus sidecars, store
 * gateway and compactor on the cluster's metrics bucket; in the management cluster Query also asks the fleet store
 * gateways (thanos-fleet-store.ts), one per other cluster's bucket. The chart renders the object-store config
 * (`type: S3`, the bucket and region; no keys, the pods use Pod Identity) into its own Secret.
 *
 * The image is the Thanos project's own (`quay.io/thanos/thanos`), not the chart's default: Bitnami's versioned
 * images moved to an unmaintained legacy registry in 2025. Its entrypoint is the `thanos` binary, which the
 * chart's `args` expect; `allowInsecureImages` only lifts the chart's check that the image is Bitnami's.
 */
export const THANOS = defineAddon({
  name: 'thanos',
  namespace: THANOS_NAMESPACE,
  chart: 'thanos',
  repository: 'oci://registry-1.docker.io/bitnamicharts/thanos',
  version: '17.6.0',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['thanos-storegateway', 'thanos-compactor'],
  dependsOn: ['kube-prometheus-stack'],
  values: (env) => ({
    ...THANOS_IMAGE_VALUES,
    objstoreConfig: thanosObjectStore(env),
    query: {
      enabled: true,
      replicaCount: 2,
      stores: queryStores(env),
      extraFlags: [`--query.replica-label=prometheus_replica`],
    },
    storegateway: { enabled: true, serviceAccount: { create: true, name: 'thanos-storegateway' } },
    compactor: {
      enabled: true,
      serviceAccount: { create: true, name: 'thanos-compactor' },
      retentionResolutionRaw: '30d',
      retentionResolution5m: '90d',
      retentionResolution1h: env.environment === 'production' ? '1y' : '180d',
    },
    metrics: { enabled: true, serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') } },
    commonLabels: { 'platform.example.com/metrics-bucket': env.metricsBucket },
  }),
});

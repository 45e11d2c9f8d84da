import { defineAddon } from './_addon.js';
import { thanosObjectStore } from './kube-prometheus-stack.js';

/** The Thanos release the Bitnami chart 17.6.0 packages (its appVersion), run from the Thanos project's own image. */
const THANOS_VERSION = 'v0.39.2';

/**
 * Thanos (Bitnami chart, OCI is its primary channel): query over the Prometheus sidecars, store
 * gateway and compactor on the cluster's metrics bucket. The chart renders the object-store config
 * (`type: S3`, the bucket and region; no keys, the pods use Pod Identity) into its own Secret.
 *
 * The image is the Thanos project's own (`quay.io/thanos/thanos`), not the chart's default: Bitnami's versioned
 * images moved to an unmaintained legacy registry in 2025. Its entrypoint is the `thanos` binary, which the
 * chart's `args` expect; `allowInsecureImages` only lifts the chart's check that the image is Bitnami's.
 */
export const THANOS = defineAddon({
  name: 'thanos',
  namespace: 'thanos',
  chart: 'thanos',
  repository: 'oci://registry-1.docker.io/bitnamicharts/thanos',
  version: '17.6.0',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['thanos-storegateway', 'thanos-compactor'],
  dependsOn: ['kube-prometheus-stack'],
  values: (env) => ({
    global: { security: { allowInsecureImages: true } },
    image: { registry: 'quay.io', repository: 'thanos/thanos', tag: THANOS_VERSION },
    objstoreConfig: thanosObjectStore(env),
    query: {
      enabled: true,
      replicaCount: 2,
      stores: ['dnssrv+_grpc._tcp.kube-prometheus-stack-thanos-discovery.monitoring.svc.cluster.local'],
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

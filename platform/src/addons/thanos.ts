import { defineAddon } from './_addon.js';
import { THANOS_OBJSTORE_SECRET } from './kube-prometheus-stack.js';

/**
 * Thanos (Bitnami chart, OCI is its primary channel): query over the Prometheus sidecars, store
 * gateway and compactor on the cluster's metrics bucket. The object-store config comes from the
 * Secret `thanos-objstore` (key `objstore.yml`: `type: S3`, the bucket and region; no keys, the
 * pods use Pod Identity), provisioned out of band in namespaces `thanos` and `monitoring`.
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
    existingObjstoreSecret: THANOS_OBJSTORE_SECRET,
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

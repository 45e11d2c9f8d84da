import { type AddonEnvironment, defineAddon } from './_addon.js';
import { LOGGING_NAMESPACE } from './fluent-bit.js';
import { GRAFANA_NAMESPACE } from './grafana.js';
import { MONITORING_NAMESPACE } from './kube-prometheus-stack.js';
import { LokiNetworkPolicy } from './loki-network-policy.js';
import { LOKI_READ_PORT, LokiReadGateway } from './loki-read-gateway.js';

/** The namespace of Loki. */
export const LOKI_NAMESPACE = 'loki';

/** Loki's push and query address in the cluster (the chart's Service `loki`, port 3100). */
export const LOKI_HOST = `loki.${LOKI_NAMESPACE}.svc.cluster.local`;
export const LOKI_PORT = 3100;

/** Days of logs Loki keeps when the cluster file says nothing (`logs.retentionDays`). */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/** The day Loki's v13 TSDB schema starts: before the first log of any cluster, so it never changes. */
const SCHEMA_FROM = '2026-01-01';

/** Loki's storage: the cluster's Loki bucket for chunks, index and rules, with Pod Identity (no keys). */
function storage(env: AddonEnvironment) {
  return {
    type: 's3',
    bucketNames: { chunks: env.lokiBucket, ruler: env.lokiBucket, admin: env.lokiBucket },
    s3: { region: env.region, endpoint: `s3.${env.region}.amazonaws.com` },
  };
}

/**
 * Loki, monolithic (one binary, three replicas in production), on the cluster's Loki bucket: the searchable copy of
 * every container's logs, which fluent-bit pushes with the namespace, pod, container and cluster as labels. The
 * compactor deletes logs older than the cluster's retention (`logs.retentionDays`). Multi-tenant: fluent-bit pushes each
 * tenant's logs as its own Loki tenant (`X-Scope-OrgID`), the rest as `platform`; each team's Grafana organisation
 * reads its tenant only, the platform's reads them all (multi-tenant queries). Grafana reads through a gateway that
 * passes the query API only (`LokiReadGateway`); a NetworkPolicy admits only fluent-bit and Prometheus to Loki itself
 * and Grafana to the gateway, since Loki believes the header it is sent. The chart's caches, gateway, canary and MinIO are off: the
 * bucket is the store.
 */
export const LOKI = defineAddon({
  name: 'loki',
  namespace: LOKI_NAMESPACE,
  chart: 'loki',
  repository: 'oci://ghcr.io/grafana-community/helm-charts/loki',
  version: '18.11.0',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['loki'],
  dependsOn: ['kube-prometheus-stack'],
  podSecurity: 'restricted',
  objects: (scope) => {
    new LokiReadGateway(scope, 'read-gateway', { namespace: LOKI_NAMESPACE, upstream: `${LOKI_HOST}:${LOKI_PORT}` });
    // fluent-bit pushes and Prometheus scrapes Loki itself; Grafana only reads, through the gateway.
    const clients = [
      { namespaces: [LOGGING_NAMESPACE, MONITORING_NAMESPACE], port: LOKI_PORT },
      { namespaces: [GRAFANA_NAMESPACE], port: LOKI_READ_PORT },
    ];
    new LokiNetworkPolicy(scope, 'network-policy', { namespace: LOKI_NAMESPACE, clients });
  },
  values: (env) => {
    const replicas = env.environment === 'production' ? 3 : 1;
    const retentionHours = (env.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS) * 24;
    return {
      deploymentMode: 'Monolithic',
      serviceAccount: { create: true, name: 'loki' },
      loki: {
        auth_enabled: true,
        querier: { multi_tenant_queries_enabled: true },
        commonConfig: { replication_factor: replicas },
        storage: storage(env),
        schemaConfig: { configs: [{ from: SCHEMA_FROM, store: 'tsdb', object_store: 's3', schema: 'v13', index: { prefix: 'index_', period: '24h' } }] },
        limits_config: { retention_period: `${retentionHours}h`, reject_old_samples: true, reject_old_samples_max_age: '168h', volume_enabled: true },
        compactor: { retention_enabled: true, delete_request_store: 's3', working_directory: '/var/loki/compactor' },
        analytics: { reporting_enabled: false },
      },
      singleBinary: { replicas, persistence: { enabled: true, size: '20Gi' } },
      read: { replicas: 0 },
      write: { replicas: 0 },
      backend: { replicas: 0 },
      gateway: { enabled: false },
      chunksCache: { enabled: false },
      resultsCache: { enabled: false },
      lokiCanary: { enabled: false },
      test: { enabled: false },
      minio: { enabled: false },
      monitoring: { serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') } },
    };
  },
});

import { defineAddon } from './_addon.js';

/** The namespace of Prometheus; tenant network policies allow scrapes from it. */
export const MONITORING_NAMESPACE = 'monitoring';

/** Secret (provisioned out of band, never in Git) holding the Thanos object-store config `objstore.yml`. */
export const THANOS_OBJSTORE_SECRET = 'thanos-objstore';

/**
 * kube-prometheus-stack: Prometheus Operator and its CRDs, Prometheus with a Thanos sidecar that
 * uploads blocks to the cluster's metrics bucket, Alertmanager, node-exporter, kube-state-metrics.
 * Prometheus selects every ServiceMonitor, PodMonitor and rule of the cluster. Grafana is off by
 * default (its chart default is a well-known admin password).
 */
export const KUBE_PROMETHEUS_STACK = defineAddon({
  name: 'kube-prometheus-stack',
  namespace: MONITORING_NAMESPACE,
  chart: 'kube-prometheus-stack',
  repository: 'oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack',
  version: '88.5.3',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['prometheus'],
  // node-exporter uses the host network, PID namespace and hostPath.
  podSecurity: 'privileged',
  values: (env) => ({
    crds: { enabled: true },
    grafana: { enabled: false },
    prometheus: {
      serviceAccount: { name: 'prometheus' },
      thanosService: { enabled: env.enabled('thanos') },
      prometheusSpec: {
        replicas: env.environment === 'production' ? 2 : 1,
        retention: '2d',
        externalLabels: { cluster: env.cluster, environment: env.environment },
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        ...(env.enabled('thanos') ? { thanos: { objectStorageConfig: { existingSecret: { name: THANOS_OBJSTORE_SECRET, key: 'objstore.yml' } } } } : {}),
      },
    },
  }),
});

import { type AddonEnvironment, defineAddon } from './_addon.js';

/** The namespace of Prometheus; tenant network policies allow scrapes from it. */
export const MONITORING_NAMESPACE = 'monitoring';

/**
 * The Thanos object-store config of a cluster: its metrics bucket, with no keys (the pods authenticate with Pod
 * Identity). Nothing in it is secret, so the charts render it from values into their own Secrets; no hand-made
 * Secret is needed.
 */
export const thanosObjectStore = (env: AddonEnvironment) => ({
  type: 'S3',
  config: { bucket: env.metricsBucket, endpoint: `s3.${env.region}.amazonaws.com`, region: env.region },
});

/**
 * kube-prometheus-stack: Prometheus Operator and its CRDs, Prometheus with a Thanos sidecar that
 * uploads blocks to the cluster's metrics bucket (the chart renders the object-store Secret from values), Alertmanager, node-exporter, kube-state-metrics.
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
  // The operator's admission webhook certificate, written by the chart's certgen hook Job at install.
  runtimeSecrets: ['kube-prometheus-stack-admission'],
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
        ...(env.enabled('thanos') ? { thanos: { objectStorageConfig: { secret: thanosObjectStore(env) } } } : {}),
      },
    },
  }),
});

import { type AddonEnvironment, defineAddon } from './_addon.js';
import { SLACK_API_ADDRESS, SLACK_TOKEN_SECRET } from '../addons-config/slack-token-secret.js';
import { TENANT_LABEL } from '../tenancy/tenant-namespace.js';
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION, PLATFORM_FOLDER } from './grafana.js';

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

/** The prometheus-operator kinds that make Prometheus scrape or evaluate something. */
const MONITOR_RESOURCES = ['servicemonitors', 'podmonitors', 'probes', 'prometheusrules'] as const;

/** Where Alertmanager mounts the Slack bot token (`alertmanagerSpec.secrets`). */
const SLACK_TOKEN_FILE = `/etc/alertmanager/secrets/${SLACK_TOKEN_SECRET}/token`;

/** The platform's Slack channel, when Alertmanager can have the bot token (external-secrets copies it). */
const platformAlertChannel = (env: AddonEnvironment) => (env.enabled('external-secrets') ? env.slackChannel : undefined);

/**
 * Alertmanager's own configuration: platform alerts to the platform's Slack channel (none: dropped), the Watchdog
 * and InfoInhibitor to nowhere. The global Slack settings (API address and the bot token as a bearer credential)
 * are what every receiver without its own uses: the tenants' AlertmanagerConfigs name only their channel.
 */
function alertmanagerConfig(env: AddonEnvironment) {
  const channel = platformAlertChannel(env);
  return {
    global: {
      resolve_timeout: '5m',
      ...(channel ? { slack_api_url: SLACK_API_ADDRESS, http_config: { authorization: { type: 'Bearer', credentials_file: SLACK_TOKEN_FILE } } } : {}),
    },
    route: {
      receiver: channel ? 'platform' : 'null',
      group_by: ['alertname', 'cluster', 'namespace'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '12h',
      routes: [{ matchers: ['alertname = "Watchdog"'], receiver: 'null' }, { matchers: ['alertname = "InfoInhibitor"'], receiver: 'null' }],
    },
    receivers: [
      { name: 'null' },
      ...(channel
        ? [{
          name: 'platform',
          slack_configs: [{
            channel,
            send_resolved: true,
            title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.cluster }})',
            text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ if .Annotations.description }}: {{ .Annotations.description }}{{ end }}\n{{ end }}',
          }],
        }]
        : []),
    ],
    inhibit_rules: [
      { source_matchers: ['severity = "critical"'], target_matchers: ['severity =~ "warning|info"'], equal: ['namespace', 'alertname'] },
      { source_matchers: ['severity = "warning"'], target_matchers: ['severity = "info"'], equal: ['namespace', 'alertname'] },
      { source_matchers: ['alertname = "InfoInhibitor"'], target_matchers: ['severity = "info"'], equal: ['namespace'] },
    ],
  };
}

/**
 * kube-prometheus-stack: Prometheus Operator and its CRDs, Prometheus with a Thanos sidecar that
 * uploads blocks to the cluster's metrics bucket (the chart renders the object-store Secret from values), Alertmanager, node-exporter, kube-state-metrics.
 * Prometheus selects every ServiceMonitor, PodMonitor and rule of the cluster; those outside the platform's namespaces
 * see only their own namespace (`enforcedNamespaceLabel`). Alertmanager sends platform alerts to
 * the platform's channel and takes every tenant namespace's AlertmanagerConfig (scoped to its namespace by the
 * operator). The chart's Grafana stays off (the grafana add-on runs it, without a default admin password); its
 * dashboards are rendered for the grafana add-on's sidecar, into the Platform folder.
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
    grafana: {
      enabled: false,
      forceDeployDashboards: env.enabled('grafana'),
      sidecar: {
        dashboards: {
          label: GRAFANA_DASHBOARD_LABEL,
          labelValue: '1',
          annotations: { [GRAFANA_FOLDER_ANNOTATION]: PLATFORM_FOLDER },
          // The cluster variable shows: the management cluster's Grafana sees the fleet.
          multicluster: { global: { enabled: true } },
        },
      },
    },
    alertmanager: {
      config: alertmanagerConfig(env),
      alertmanagerSpec: {
        ...(platformAlertChannel(env) ? { secrets: [SLACK_TOKEN_SECRET] } : {}),
        alertmanagerConfigSelector: {},
        alertmanagerConfigNamespaceSelector: { matchExpressions: [{ key: TENANT_LABEL, operator: 'Exists' }] },
        alertmanagerConfigMatcherStrategy: { type: 'OnNamespace' },
      },
    },
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
        // A tenant's monitors and rules see only their own namespace: the operator sets `namespace` on every series they
        // scrape (after honorLabels) and adds `namespace="<own>"` to every selector of their rules and alerts. The
        // platform's (kube-state-metrics, the kubelet, the add-ons) keep every namespace.
        enforcedNamespaceLabel: 'namespace',
        excludedFromEnforcement: (env.platformNamespaces ?? []).flatMap((namespace) => MONITOR_RESOURCES.map((resource) => ({ group: 'monitoring.coreos.com', resource, namespace }))),
        ...(env.enabled('thanos') ? { thanos: { objectStorageConfig: { secret: thanosObjectStore(env) } } } : {}),
      },
    },
  }),
});

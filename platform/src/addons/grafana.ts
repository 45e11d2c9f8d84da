import { type AddonEnvironment, configMap, defineAddon } from './_addon.js';
import { platformHost, platformIngress } from './_ingress.js';
import { GRAFANA_CLIENT, GROUPS_CLAIM, dexIssuerUrl } from './dex.js';
import { TENANTS_HASH_ANNOTATION } from './_log-tenancy.js';
import { GRAFANA_ORG_MAPPING_CONFIGMAP, GRAFANA_ORG_MAPPING_DIR, GRAFANA_ORG_MAPPING_KEY, grafanaOrgMapping } from './grafana-org-mapping.js';
import { GrafanaMetricsProxy, NAMESPACE_HEADER, grafanaMetricsProxyUrl } from './grafana-metrics-proxy.js';
import { LOKI_NAMESPACE } from './loki.js';
import { lokiReadUrl } from './loki-read-gateway.js';
import { stableHash } from '../_fit-name.js';

/** The namespace of Grafana; platform and team dashboards (ConfigMaps) live in it too. */
export const GRAFANA_NAMESPACE = 'grafana';

/** The label Grafana's sidecar loads dashboards from ConfigMaps by (value `"1"`). */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';

/** The annotation naming the Grafana folder a dashboard ConfigMap goes into. */
export const GRAFANA_FOLDER_ANNOTATION = 'grafana_folder';

/** The folder of the platform's dashboards (kube-prometheus-stack's). */
export const PLATFORM_FOLDER = 'Platform';

/** Secret in `grafana` (ExternalSecret) with the break-glass admin's `admin-user` and `admin-password`. */
export const GRAFANA_ADMIN_SECRET = 'grafana-admin';

/** Secret in `grafana` (ExternalSecret) with Grafana's Dex client secret, as the env variable Grafana reads it from. */
export const GRAFANA_OAUTH_SECRET = 'grafana-oauth';

/** The env variable that sets `auth.generic_oauth.client_secret`. */
export const GRAFANA_OAUTH_SECRET_ENV = 'GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET';

/** The Secrets Manager entries below `platform/<cluster>/` that Grafana's admin needs. */
export const GRAFANA_SECRET_KEYS = { adminUser: 'grafana/admin-user', adminPassword: 'grafana/admin-password' } as const;

/** Grafana's address in the cluster (the chart's Service `grafana`, port 80). */
export const GRAFANA_URL = `http://grafana.${GRAFANA_NAMESPACE}.svc.cluster.local`;

/** The metrics data source (uid `metrics`): Thanos Query, or Prometheus without Thanos; none when both are off. */
export function metricsDatasource(env: AddonEnvironment) {
  if (!env.enabled('kube-prometheus-stack') && !env.enabled('thanos')) return undefined;
  const metrics = env.enabled('thanos')
    ? { name: 'Thanos', url: 'http://thanos-query.thanos.svc:9090', jsonData: { prometheusType: 'Thanos', timeInterval: '30s' } }
    : { name: 'Prometheus', url: 'http://kube-prometheus-stack-prometheus.monitoring.svc:9090', jsonData: { prometheusType: 'Prometheus', timeInterval: '30s' } };
  return { ...metrics, uid: 'metrics', type: 'prometheus', access: 'proxy', isDefault: true };
}

/**
 * A team organisation's metrics data source (uid `metrics`, like the main one, so dashboards work in both): through the
 * metrics proxy, which enforces the namespaces its header names; the organisation sync sets the header to the tenant's.
 */
export function teamMetricsDatasource(env: AddonEnvironment, namespaces: readonly string[]) {
  const metrics = metricsDatasource(env);
  if (!metrics) return undefined;
  return {
    ...metrics,
    url: grafanaMetricsProxyUrl(GRAFANA_NAMESPACE),
    jsonData: { ...metrics.jsonData, httpHeaderName1: NAMESPACE_HEADER },
    secureJsonData: { httpHeaderValue1: namespaces.join(',') },
  };
}

/**
 * The Loki data source (uid `logs`) of one organisation: it reads the Loki tenants `X-Scope-OrgID` names, one team's in
 * a team's organisation, `platform|<every tenant>` in the main one; through the read gateway, which passes queries
 * only. Kept by the organisation sync (the header is a secret field, and the main one grows with the fleet), not
 * provisioned.
 */
export const logsDatasource = (scopeOrgId: string) => ({
  name: 'Loki',
  uid: 'logs',
  type: 'loki',
  access: 'proxy',
  url: lokiReadUrl(LOKI_NAMESPACE),
  jsonData: { maxLines: 5000, httpHeaderName1: 'X-Scope-OrgID' },
  secureJsonData: { httpHeaderValue1: scopeOrgId },
});

/** The main organisation's provisioned data sources: metrics and Alertmanager, where they are on (Loki: see `logsDatasource`). */
function datasources(env: AddonEnvironment) {
  const metrics = metricsDatasource(env);
  return [
    ...(metrics ? [{ ...metrics, editable: false }] : []),
    ...(env.enabled('kube-prometheus-stack')
      ? [{ name: 'Alertmanager', uid: 'alerts', type: 'alertmanager', access: 'proxy', url: 'http://kube-prometheus-stack-alertmanager.monitoring.svc:9093', editable: false, jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false } }]
      : []),
  ];
}

/**
 * Grafana's settings: its public URL, login through Dex (GitHub) only; dashboards come from Git. Each person's
 * organisations and roles come from `org_mapping` (a file from the ConfigMap `grafana-org-mapping`) matched against
 * their Dex groups. Whoever matches no entry (or an organisation not yet created) lands in the main organisation with
 * the role None, which sees no data source and no dashboard: the role attribute is `'None'` for everyone, and Grafana
 * keeps the higher of it and the mapped role. Basic auth serves the break-glass admin's API calls (the organisation sync).
 */
function grafanaIni(env: AddonEnvironment) {
  const host = platformHost('grafana', env.domain);
  const dex = dexIssuerUrl(env.domain);
  return {
    server: { domain: host, root_url: `https://${host}` },
    analytics: { reporting_enabled: false, check_for_updates: false, check_for_plugin_updates: false },
    users: { allow_sign_up: false, auto_assign_org_role: 'None', viewers_can_edit: false },
    'auth.anonymous': { enabled: false },
    'auth.basic': { enabled: true },
    'auth.generic_oauth': {
      enabled: true,
      name: 'GitHub',
      client_id: GRAFANA_CLIENT,
      scopes: `openid profile email ${GROUPS_CLAIM}`,
      auth_url: `${dex}/auth`,
      token_url: `${dex}/token`,
      api_url: `${dex}/userinfo`,
      use_pkce: true,
      allow_sign_up: true,
      login_attribute_path: 'preferred_username',
      groups_attribute_path: GROUPS_CLAIM,
      org_attribute_path: GROUPS_CLAIM,
      org_mapping: `$__file{${GRAFANA_ORG_MAPPING_DIR}/${GRAFANA_ORG_MAPPING_KEY}}`,
      role_attribute_path: "'None'",
      skip_org_role_sync: false,
    },
  };
}

/**
 * Grafana: the fleet's dashboards and log search, one organisation per tenant. The main organisation is the platform's:
 * kube-prometheus-stack's dashboards (Platform folder, loaded by the sidecar), Thanos Query (the cluster's metrics; in
 * the management cluster the whole fleet's), Alertmanager and every tenant's logs. Each tenant's organisation has its
 * own metrics data source (its namespaces only, through `GrafanaMetricsProxy`) and Loki data source (its Loki tenant
 * only) and its dashboards, kept by the organisation sync
 * (`GrafanaOrgSync`). People log in through Dex with GitHub; `org_mapping` puts each owner team in its tenants'
 * organisations only. The database is on a volume, so organisations survive restarts. The admin account is
 * break-glass, its password from Secrets Manager; there is no default.
 */
export const GRAFANA = defineAddon({
  name: 'grafana',
  namespace: GRAFANA_NAMESPACE,
  chart: 'grafana',
  repository: 'oci://ghcr.io/grafana-community/helm-charts/grafana',
  version: '12.11.1',
  sourceKind: 'OCIRepository',
  dependsOn: ['dex', 'kube-prometheus-stack'],
  podSecurity: 'restricted',
  fromTenants: true,
  objects: (scope, env) => {
    configMap(scope, GRAFANA_NAMESPACE, GRAFANA_ORG_MAPPING_CONFIGMAP, { [GRAFANA_ORG_MAPPING_KEY]: grafanaOrgMapping(env.teams ?? [], env.platformTeams ?? []) });
    const metrics = metricsDatasource(env);
    // the chart's pod labels (release `grafana`)
    const grafanaPods = { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'grafana' };
    if (metrics) new GrafanaMetricsProxy(scope, 'metrics-proxy', { namespace: GRAFANA_NAMESPACE, upstream: metrics.url, clientLabels: grafanaPods });
  },
  values: (env) => {
    const ingress = platformIngress('grafana', env.domain);
    return {
      replicas: 1,
      // One writer of the SQLite database on its volume.
      deploymentStrategy: { type: 'Recreate' },
      persistence: { enabled: true, size: '10Gi' },
      podAnnotations: { [TENANTS_HASH_ANNOTATION]: stableHash(grafanaOrgMapping(env.teams ?? [], env.platformTeams ?? []), 16) },
      admin: { existingSecret: GRAFANA_ADMIN_SECRET, userKey: 'admin-user', passwordKey: 'admin-password' },
      envFromSecrets: [{ name: GRAFANA_OAUTH_SECRET }],
      extraConfigmapMounts: [{ name: 'org-mapping', mountPath: GRAFANA_ORG_MAPPING_DIR, configMap: GRAFANA_ORG_MAPPING_CONFIGMAP, readOnly: true }],
      'grafana.ini': grafanaIni(env),
      datasources: { 'datasources.yaml': { apiVersion: 1, datasources: datasources(env) } },
      sidecar: {
        dashboards: {
          enabled: true,
          label: GRAFANA_DASHBOARD_LABEL,
          labelValue: '1',
          searchNamespace: [GRAFANA_NAMESPACE, 'monitoring'],
          folderAnnotation: GRAFANA_FOLDER_ANNOTATION,
          // The sidecar has no credentials for the reload API; Grafana's file provider rescans every 30s.
          skipReload: true,
          provider: { foldersFromFilesStructure: true, allowUiUpdates: false, disableDelete: true },
        },
      },
      ingress: {
        enabled: true,
        ingressClassName: ingress.className,
        annotations: ingress.annotations,
        hosts: [ingress.host],
        path: '/',
        pathType: 'Prefix',
        tls: [{ secretName: ingress.tlsSecret, hosts: [ingress.host] }],
      },
      serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
    };
  },
});

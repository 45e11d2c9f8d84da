import { type AddonEnvironment, defineAddon } from './_addon.js';
import { platformHost, platformIngress } from './_ingress.js';
import { GRAFANA_CLIENT, GROUPS_CLAIM, dexIssuerUrl } from './dex.js';

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

/** Grafana's data sources: Thanos Query (or Prometheus without Thanos), Loki and Alertmanager, where they are on. */
function datasources(env: AddonEnvironment) {
  const metrics = env.enabled('thanos')
    ? { name: 'Thanos', url: 'http://thanos-query.thanos.svc:9090', jsonData: { prometheusType: 'Thanos', timeInterval: '30s' } }
    : { name: 'Prometheus', url: 'http://kube-prometheus-stack-prometheus.monitoring.svc:9090', jsonData: { prometheusType: 'Prometheus', timeInterval: '30s' } };
  return [
    ...(env.enabled('kube-prometheus-stack') || env.enabled('thanos') ? [{ ...metrics, uid: 'metrics', type: 'prometheus', access: 'proxy', isDefault: true, editable: false }] : []),
    ...(env.enabled('loki') ? [{ name: 'Loki', uid: 'logs', type: 'loki', access: 'proxy', url: 'http://loki.loki.svc:3100', editable: false, jsonData: { maxLines: 5000 } }] : []),
    ...(env.enabled('kube-prometheus-stack')
      ? [{ name: 'Alertmanager', uid: 'alerts', type: 'alertmanager', access: 'proxy', url: 'http://kube-prometheus-stack-alertmanager.monitoring.svc:9093', editable: false, jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false } }]
      : []),
  ];
}

/** Grafana's settings: its public URL, login through Dex (GitHub) only, everyone a Viewer; dashboards come from Git. */
function grafanaIni(env: AddonEnvironment) {
  const host = platformHost('grafana', env.domain);
  const dex = dexIssuerUrl(env.domain);
  return {
    server: { domain: host, root_url: `https://${host}` },
    analytics: { reporting_enabled: false, check_for_updates: false, check_for_plugin_updates: false },
    users: { allow_sign_up: false, auto_assign_org_role: 'Viewer', viewers_can_edit: false },
    'auth.anonymous': { enabled: false },
    'auth.basic': { enabled: false },
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
      role_attribute_path: "'Viewer'",
      skip_org_role_sync: false,
    },
  };
}

/**
 * Grafana: the fleet's dashboards and log search. Thanos Query (the cluster's metrics; in the management cluster the
 * whole fleet's), Loki and Alertmanager are its data sources; people log in through Dex with GitHub and are Viewers
 * (dashboards are code: kube-prometheus-stack's in the Platform folder, each team's in a folder named after the
 * tenant, loaded by the sidecar from labelled ConfigMaps). The admin account is break-glass, its password from
 * Secrets Manager; there is no default.
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
  values: (env) => {
    const ingress = platformIngress('grafana', env.domain);
    return {
      replicas: 1,
      admin: { existingSecret: GRAFANA_ADMIN_SECRET, userKey: 'admin-user', passwordKey: 'admin-password' },
      envFromSecrets: [{ name: GRAFANA_OAUTH_SECRET }],
      'grafana.ini': grafanaIni(env),
      datasources: { 'datasources.yaml': { apiVersion: 1, datasources: datasources(env) } },
      sidecar: {
        dashboards: {
          enabled: true,
          label: GRAFANA_DASHBOARD_LABEL,
          labelValue: '1',
          searchNamespace: [GRAFANA_NAMESPACE, 'monitoring'],
          folderAnnotation: GRAFANA_FOLDER_ANNOTATION,
          // Basic auth is off, so the sidecar cannot call the reload API; Grafana's file provider rescans every 30s.
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

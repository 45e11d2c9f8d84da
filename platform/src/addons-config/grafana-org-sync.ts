import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { AddonEnvironment } from '../addons/_addon.js';
import { PLATFORM_LOG_TENANT } from '../addons/_log-tenancy.js';
import { GRAFANA_ADMIN_SECRET, GRAFANA_NAMESPACE, GRAFANA_URL, logsDatasource, teamMetricsDatasource } from '../addons/grafana.js';
import { GRAFANA_ORG_SYNC_SCRIPT } from './grafana-org-sync-script.js';

/** The label that sends a dashboard ConfigMap to the Grafana organisation it names (instead of the sidecar's main one). */
export const GRAFANA_ORG_LABEL = 'platform.example.com/grafana-org';

/** Name of the sync's ServiceAccount, Role, ConfigMap and CronJob. */
export const GRAFANA_ORG_SYNC = 'grafana-org-sync';

/** Python 3 with the standard library: the sync needs nothing else. */
export const GRAFANA_ORG_SYNC_IMAGE = 'docker.io/library/python:3.13.9-alpine3.22';

const CONFIG_DIR = '/etc/grafana-org-sync';

export interface GrafanaOrgSyncProps {
  /** The cluster's add-on facts: the teams (one organisation each) and which data sources exist. */
  readonly env: AddonEnvironment;
  /** @default '*\/5 * * * *' - every 5 minutes: a tenant list or dashboard change applies within minutes, drift is undone */
  readonly schedule?: string;
}

/**
 * What the sync applies: the team organisations with their namespaces, the data source templates (their secret header
 * values are the sync's to fill in: the tenant for Loki, its namespaces for metrics), the platform's Loki tenant.
 */
export function grafanaOrgSyncConfig(env: AddonEnvironment): string {
  const template = <T extends { secureJsonData: unknown }>({ secureJsonData: _secret, ...rest }: T) => rest;
  const metrics = teamMetricsDatasource(env, []);
  const rest = {
    platformTenant: PLATFORM_LOG_TENANT,
    metrics: metrics ? template(metrics) : null,
    logs: env.enabled('loki') ? template(logsDatasource('')) : null,
    dashboardLabel: GRAFANA_ORG_LABEL,
  };
  // one line per organisation: the file grows by a line per tenant
  const orgs = [...(env.teams ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1)).map((t) => `    ${JSON.stringify({ name: t.name, namespaces: [...t.namespaces].sort() })}`);
  return `{\n  "orgs": [\n${orgs.join(',\n')}\n  ],\n${JSON.stringify(rest, null, 2).slice(2)}\n`;
}

/**
 * Keeps one Grafana organisation per tenant (see `GRAFANA_ORG_SYNC_SCRIPT` for what a run does): a CronJob, so a
 * changed tenant list, data source or dashboard reaches Grafana at the next run (each pod mounts the ConfigMaps as
 * they are then) and drift is undone; a CronJob is healthy once applied, so Flux's health checks of addons-config
 * never wait on Grafana. It runs as the ServiceAccount `grafana-org-sync`, which may read ConfigMaps of the `grafana`
 * namespace and restart the Grafana Deployment, nothing else; the admin's credentials come from the break-glass
 * Secret. Pod Security restricted, read-only root filesystem.
 */
export class GrafanaOrgSync extends Construct {
  constructor(scope: Construct, id: string, props: GrafanaOrgSyncProps) {
    super(scope, id);
    const namespace = GRAFANA_NAMESPACE;
    const metadata = { name: GRAFANA_ORG_SYNC, namespace };
    const config = grafanaOrgSyncConfig(props.env);
    new ApiObject(this, 'service-account', { apiVersion: 'v1', kind: 'ServiceAccount', metadata });
    new ApiObject(this, 'role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata,
      rules: [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] },
        { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['grafana'], verbs: ['get', 'patch'] },
      ],
    });
    new ApiObject(this, 'role-binding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: GRAFANA_ORG_SYNC },
      subjects: [{ kind: 'ServiceAccount', name: GRAFANA_ORG_SYNC, namespace }],
    });
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { 'orgs.json': config, 'sync.py': GRAFANA_ORG_SYNC_SCRIPT } });
    new ApiObject(this, 'cron-job', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata,
      spec: {
        schedule: props.schedule ?? '*/5 * * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          spec: { backoffLimit: 2, activeDeadlineSeconds: 1800, template: { metadata: { labels: { 'app.kubernetes.io/name': GRAFANA_ORG_SYNC } }, spec: podSpec() } },
        },
      },
    });
  }
}

/** The sync's pod: the script and its configuration from the ConfigMap, the admin from the break-glass Secret. */
function podSpec() {
  const secretEnv = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: GRAFANA_ADMIN_SECRET, key } } });
  return {
    serviceAccountName: GRAFANA_ORG_SYNC,
    restartPolicy: 'OnFailure',
    securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'sync',
        image: GRAFANA_ORG_SYNC_IMAGE,
        command: ['python3', `${CONFIG_DIR}/sync.py`],
        env: [
          { name: 'GRAFANA_URL', value: GRAFANA_URL },
          { name: 'GRAFANA_DEPLOYMENT', value: 'grafana' },
          { name: 'SYNC_CONFIG', value: `${CONFIG_DIR}/orgs.json` },
          { name: 'PYTHONDONTWRITEBYTECODE', value: '1' },
          secretEnv('GRAFANA_ADMIN_USER', 'admin-user'),
          secretEnv('GRAFANA_ADMIN_PASSWORD', 'admin-password'),
        ],
        resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        volumeMounts: [{ name: 'config', mountPath: CONFIG_DIR, readOnly: true }],
      },
    ],
    volumes: [{ name: 'config', configMap: { name: GRAFANA_ORG_SYNC } }],
  };
}

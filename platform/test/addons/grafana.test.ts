import { describe, expect, it } from 'vitest';
import type { ObservabilityTeam } from '../../src/addons/_addon.js';
import { TENANTS_HASH_ANNOTATION } from '../../src/addons/_log-tenancy.js';
import { GRAFANA, GRAFANA_ADMIN_SECRET, GRAFANA_OAUTH_SECRET, logsDatasource, teamMetricsDatasource } from '../../src/addons/grafana.js';
import { stagingEnv } from './_env.js';

const values = (off: string[] = []) => GRAFANA.values(stagingEnv(off)) as Record<string, any>;
const datasources = (off: string[] = []) => values(off).datasources['datasources.yaml'].datasources as Record<string, any>[];

describe('GRAFANA', () => {
  it('GIVEN thanos, loki and kube-prometheus-stack on WHEN built THEN the main organisation provisions Thanos Query (the default) and Alertmanager; Loki is left to the organisation sync', () => {
    expect(datasources().map((d) => [d.name, d.uid, d.url, d.isDefault ?? false])).toEqual([
      ['Thanos', 'metrics', 'http://thanos-query.thanos.svc:9090', true],
      ['Alertmanager', 'alerts', 'http://kube-prometheus-stack-alertmanager.monitoring.svc:9093', false],
    ]);
  });

  it('GIVEN a Loki tenant id WHEN the logs data source is built THEN it reads through the read gateway and sends exactly that id as X-Scope-OrgID, as a secret field', () => {
    expect(logsDatasource('payments')).toEqual({
      name: 'Loki',
      uid: 'logs',
      type: 'loki',
      access: 'proxy',
      url: 'http://loki-read.loki.svc.cluster.local:8080',
      jsonData: { maxLines: 5000, httpHeaderName1: 'X-Scope-OrgID' },
      secureJsonData: { httpHeaderValue1: 'payments' },
    });
  });

  it("GIVEN a team's namespaces WHEN its metrics data source is built THEN it goes through the metrics proxy with those namespaces, and keeps the uid dashboards use", () => {
    expect(teamMetricsDatasource(stagingEnv(), ['payments', 'payments-jobs'])).toMatchObject({
      uid: 'metrics',
      type: 'prometheus',
      url: 'http://grafana-metrics-proxy.grafana.svc.cluster.local:8080',
      jsonData: { prometheusType: 'Thanos', httpHeaderName1: 'X-Namespace' },
      secureJsonData: { httpHeaderValue1: 'payments,payments-jobs' },
    });
    expect(teamMetricsDatasource(stagingEnv(['thanos', 'kube-prometheus-stack']), ['payments'])).toBeUndefined();
  });

  it('GIVEN thanos and loki off WHEN built THEN Prometheus is the metrics source and there is no logs source', () => {
    expect(datasources(['thanos', 'loki']).map((d) => `${d.name} ${d.url}`)).toEqual([
      'Prometheus http://kube-prometheus-stack-prometheus.monitoring.svc:9090',
      'Alertmanager http://kube-prometheus-stack-alertmanager.monitoring.svc:9093',
    ]);
  });

  it('GIVEN the login WHEN built THEN people log in through Dex, their organisations come from their groups, the role of everyone unmapped is None, and no secret is in the values', () => {
    const ini = values()['grafana.ini'];
    expect(ini['auth.generic_oauth']).toMatchObject({
      enabled: true,
      client_id: 'grafana',
      auth_url: 'https://dex.staging.example.com/auth',
      token_url: 'https://dex.staging.example.com/token',
      api_url: 'https://dex.staging.example.com/userinfo',
      groups_attribute_path: 'groups',
      org_attribute_path: 'groups',
      role_attribute_path: "'None'",
      use_pkce: true,
    });
    expect(ini.users.auto_assign_org_role).toBe('None');
    expect(ini['auth.generic_oauth'].client_secret).toBeUndefined();
    expect(ini['auth.anonymous']).toEqual({ enabled: false });
    // the organisation sync calls the API as the break-glass admin
    expect(ini['auth.basic']).toEqual({ enabled: true });
    expect(ini.server.root_url).toBe('https://grafana.staging.example.com');
  });

  it('GIVEN the admin account WHEN built THEN its credentials come from an existing Secret (no chart default) and the OAuth secret from env', () => {
    expect(values().admin).toEqual({ existingSecret: GRAFANA_ADMIN_SECRET, userKey: 'admin-user', passwordKey: 'admin-password' });
    expect(values().envFromSecrets).toEqual([{ name: GRAFANA_OAUTH_SECRET }]);
  });

  it('GIVEN organisations kept in its database WHEN built THEN the database is on a volume, one pod at a time, and the pods roll when the organisation mapping changes', () => {
    expect(values()).toMatchObject({ replicas: 1, deploymentStrategy: { type: 'Recreate' }, persistence: { enabled: true } });
    // org_mapping from a mounted file: it grows with the fleet, past what one environment variable may hold
    expect(values()['grafana.ini']['auth.generic_oauth'].org_mapping).toBe('$__file{/etc/grafana/org-mapping/org_mapping}');
    expect(values().extraConfigmapMounts).toEqual([{ name: 'org-mapping', mountPath: '/etc/grafana/org-mapping', configMap: 'grafana-org-mapping', readOnly: true }]);
    const hash = (teams: ObservabilityTeam[]) => (GRAFANA.values(stagingEnv([], { teams })) as Record<string, any>).podAnnotations[TENANTS_HASH_ANNOTATION];
    const a = { name: 'a', namespaces: ['a'], owners: [{ team: 'acme/a', role: 'edit' }] };
    expect(hash([a])).toBe(hash([a]));
    expect(hash([a])).not.toBe(hash([a, { ...a, name: 'b' }]));
  });

  it('GIVEN dashboards as ConfigMaps WHEN built THEN the sidecar loads labelled ones from grafana and monitoring into the folder their annotation names', () => {
    expect(values().sidecar.dashboards).toEqual({
      enabled: true,
      label: 'grafana_dashboard',
      labelValue: '1',
      searchNamespace: ['grafana', 'monitoring'],
      folderAnnotation: 'grafana_folder',
      skipReload: true,
      provider: { foldersFromFilesStructure: true, allowUiUpdates: false, disableDelete: true },
    });
  });
});

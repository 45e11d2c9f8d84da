import { describe, expect, it } from 'vitest';
import { GRAFANA, GRAFANA_ADMIN_SECRET, GRAFANA_OAUTH_SECRET } from '../../src/addons/grafana.js';
import { stagingEnv } from './_env.js';

const values = (off: string[] = []) => GRAFANA.values(stagingEnv(off)) as Record<string, any>;
const datasources = (off: string[] = []) => values(off).datasources['datasources.yaml'].datasources as Record<string, any>[];

describe('GRAFANA', () => {
  it('GIVEN thanos, loki and kube-prometheus-stack on WHEN built THEN Thanos Query is the default data source, beside Loki and Alertmanager', () => {
    expect(datasources().map((d) => [d.name, d.uid, d.url, d.isDefault ?? false])).toEqual([
      ['Thanos', 'metrics', 'http://thanos-query.thanos.svc:9090', true],
      ['Loki', 'logs', 'http://loki.loki.svc:3100', false],
      ['Alertmanager', 'alerts', 'http://kube-prometheus-stack-alertmanager.monitoring.svc:9093', false],
    ]);
  });

  it('GIVEN thanos and loki off WHEN built THEN Prometheus is the metrics source and there is no logs source', () => {
    expect(datasources(['thanos', 'loki']).map((d) => `${d.name} ${d.url}`)).toEqual([
      'Prometheus http://kube-prometheus-stack-prometheus.monitoring.svc:9090',
      'Alertmanager http://kube-prometheus-stack-alertmanager.monitoring.svc:9093',
    ]);
  });

  it('GIVEN the login WHEN built THEN people log in through Dex as Viewers, anonymous and basic auth are off, and no secret is in the values', () => {
    const ini = values()['grafana.ini'];
    expect(ini['auth.generic_oauth']).toMatchObject({
      enabled: true,
      client_id: 'grafana',
      auth_url: 'https://dex.staging.example.com/auth',
      token_url: 'https://dex.staging.example.com/token',
      api_url: 'https://dex.staging.example.com/userinfo',
      groups_attribute_path: 'groups',
      role_attribute_path: "'Viewer'",
      use_pkce: true,
    });
    expect(ini['auth.generic_oauth'].client_secret).toBeUndefined();
    expect(ini['auth.anonymous']).toEqual({ enabled: false });
    expect(ini['auth.basic']).toEqual({ enabled: false });
    expect(ini.server.root_url).toBe('https://grafana.staging.example.com');
  });

  it('GIVEN the admin account WHEN built THEN its credentials come from an existing Secret (no chart default) and the OAuth secret from env', () => {
    expect(values().admin).toEqual({ existingSecret: GRAFANA_ADMIN_SECRET, userKey: 'admin-user', passwordKey: 'admin-password' });
    expect(values().envFromSecrets).toEqual([{ name: GRAFANA_OAUTH_SECRET }]);
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

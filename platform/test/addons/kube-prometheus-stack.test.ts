import { describe, expect, it } from 'vitest';
import { KUBE_PROMETHEUS_STACK } from '../../src/addons/kube-prometheus-stack.js';
import { stagingEnv } from './_env.js';

const values = (off: string[] = [], extra = {}) => KUBE_PROMETHEUS_STACK.values(stagingEnv(off, extra)) as Record<string, any>;

describe('KUBE_PROMETHEUS_STACK alerting', () => {
  it("GIVEN the platform's channel WHEN built THEN platform alerts go to it with the bot token mounted from Secret slack-bot-token, and Watchdog nowhere", () => {
    const am = values().alertmanager;
    expect(am.alertmanagerSpec.secrets).toEqual(['slack-bot-token']);
    expect(am.config.global).toEqual({
      resolve_timeout: '5m',
      slack_api_url: 'https://slack.com/api/chat.postMessage',
      http_config: { authorization: { type: 'Bearer', credentials_file: '/etc/alertmanager/secrets/slack-bot-token/token' } },
    });
    expect(am.config.route).toMatchObject({ receiver: 'platform', routes: [{ matchers: ['alertname = "Watchdog"'], receiver: 'null' }, { matchers: ['alertname = "InfoInhibitor"'], receiver: 'null' }] });
    expect(am.config.receivers.map((r: { name: string }) => r.name)).toEqual(['null', 'platform']);
    expect(am.config.receivers[1].slack_configs[0]).toMatchObject({ channel: '#platform-alerts', send_resolved: true });
  });

  it('GIVEN no platform channel, or external-secrets off (no token) WHEN built THEN alerts go to the null receiver and no Secret is mounted', () => {
    for (const v of [values([], { slackChannel: undefined }), values(['external-secrets'])]) {
      expect(v.alertmanager.config.route.receiver).toBe('null');
      expect(v.alertmanager.config.global).toEqual({ resolve_timeout: '5m' });
      expect(v.alertmanager.alertmanagerSpec.secrets).toBeUndefined();
    }
  });

  it("GIVEN tenant namespaces WHEN built THEN Alertmanager takes every AlertmanagerConfig of a tenant-labelled namespace, scoped to its namespace", () => {
    expect(values().alertmanager.alertmanagerSpec).toMatchObject({
      alertmanagerConfigSelector: {},
      alertmanagerConfigNamespaceSelector: { matchExpressions: [{ key: 'platform.example.com/tenant', operator: 'Exists' }] },
      alertmanagerConfigMatcherStrategy: { type: 'OnNamespace' },
    });
  });

  it("GIVEN grafana on WHEN built THEN the chart's dashboards are rendered for its sidecar into the Platform folder; with grafana off they are not", () => {
    expect(values().grafana).toMatchObject({ enabled: false, forceDeployDashboards: true, sidecar: { dashboards: { annotations: { grafana_folder: 'Platform' } } } });
    expect(values(['grafana']).grafana.forceDeployDashboards).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { GrafanaDashboard } from '../../src/addons-config/grafana-dashboard.js';
import { renderObjects } from '../infra/_render.js';

describe('GrafanaDashboard', () => {
  it("GIVEN a main-organisation dashboard WHEN rendered THEN a ConfigMap in grafana labelled for the sidecar puts it in the folder, the JSON unchanged", () => {
    const json = '{"title":"API","panels":[]}';
    const [cm] = renderObjects((c) => new GrafanaDashboard(c, 'd', { name: 'team-payments-api', folder: 'payments', dashboard: json, labels: { 'platform.example.com/tenant': 'payments' } }));
    expect(cm).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'team-payments-api',
        namespace: 'grafana',
        labels: { grafana_dashboard: '1', 'platform.example.com/tenant': 'payments' },
        annotations: { grafana_folder: 'payments' },
      },
      data: { 'team-payments-api.json': json },
    });
  });

  it("GIVEN a team's dashboard WHEN rendered THEN it is labelled for the team's organisation only: the sidecar (main organisation) does not load it", () => {
    const [cm] = renderObjects((c) => new GrafanaDashboard(c, 'd', { name: 'team-payments-api', folder: 'payments', org: 'payments', dashboard: '{"panels":[]}' }));
    expect((cm as any).metadata.labels).toEqual({ 'platform.example.com/grafana-org': 'payments' });
  });
});

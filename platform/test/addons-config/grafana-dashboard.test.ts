import { describe, expect, it } from 'vitest';
import { GrafanaDashboard } from '../../src/addons-config/grafana-dashboard.js';
import { renderObjects } from '../infra/_render.js';

describe('GrafanaDashboard', () => {
  it("GIVEN a team's dashboard WHEN rendered THEN a labelled ConfigMap in grafana puts it in the team's folder, the JSON unchanged", () => {
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
});

import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppPrometheusRule } from '../../src/workloads/app-prometheus-rule.js';
import { OutputChart } from '../../src/_output-chart.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

const base = { name: 'api', namespace: 'shop', labels: { 'platform.example.com/tenant': 'shop' } };
const rule = { alert: 'A', expr: 'up == 0', for: '5m', labels: { severity: 'warning', tenant: 'shop', namespace: 'shop', app: 'api' }, annotations: { summary: 's' } };

function render(props: Partial<ConstructorParameters<typeof AppPrometheusRule>[2]> = {}) {
  const chart = new OutputChart(Testing.app(), 'c', { folder: 'f', sources: [] });
  new AppPrometheusRule(chart, 'r', { ...base, rules: [rule], ...props });
  return chart.render()[0]!.manifest;
}

describe('AppPrometheusRule', () => {
  it('GIVEN rules WHEN rendered THEN they form one group named after the app, with the tenant label on the object', () => {
    const manifest = render();
    expect(manifest).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'api', namespace: 'shop', labels: { 'platform.example.com/tenant': 'shop' } },
      spec: { groups: [{ name: 'api', rules: [rule] }] },
    });
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('GIVEN an evaluation interval WHEN rendered THEN the group carries it', () => {
    expect((render({ interval: '1m' }).spec as { groups: { interval?: string }[] }).groups[0]?.interval).toBe('1m');
  });

  it('GIVEN no rules WHEN constructed THEN it fails naming the object', () => {
    expect(() => render({ rules: [] })).toThrow("'rules' of PrometheusRule api must not be empty");
  });
});

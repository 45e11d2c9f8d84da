import { ApiObject, App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { OutputChart, RenderError } from '../src/_output-chart.js';

describe('OutputChart', () => {
  it('renders its objects with the folder and sources they belong to', () => {
    const chart = new OutputChart(new App(), 'tenant-a', { folder: 'tenants/a', sources: ['tenants/a.yaml'] });
    new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    expect(chart.render()).toEqual([
      { folder: 'tenants/a', sources: ['tenants/a.yaml'], manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } } },
    ]);
  });

  it('fails naming the construct path and the field when an object would be rejected', () => {
    // GIVEN a Service whose port is a string and a kind no validator knows
    const chart = new OutputChart(new App(), 'apps', { folder: 'apps/a/web', sources: [] });
    new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'a' }, spec: { ports: [{ port: 'http' }] } });
    new ApiObject(chart, 'widget', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    // WHEN rendered THEN every problem is listed with its construct path
    let error: unknown;
    try {
      chart.render();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RenderError);
    const problems = (error as RenderError).problems;
    expect(problems.some((p) => p.startsWith('apps/svc: spec.ports.0.port') && p.includes('must be'))).toBe(true);
    expect(problems).toContain('apps/widget: no schema for example.com/v1/Widget: emit only the kinds of emitted-kinds.ts or kinds registered with registerSchema()');
    expect((error as Error).name).toBe('RenderError');
  });
});

import { App } from 'cdk8s';
import { OutputChart } from '../../src/_output-chart.js';

/** Builds objects into a fresh chart and returns them as rendered (validated) manifests. */
export function renderObjects(build: (chart: OutputChart) => void): Record<string, any>[] {
  const chart = new OutputChart(new App({ outdir: '/nonexistent' }), 'test', { folder: 'infra', sources: [] });
  build(chart);
  return chart.render().map((o) => o.manifest as Record<string, any>);
}

/** The one object of the given kind and name. */
export function find(objects: readonly Record<string, any>[], kind: string, name?: string): Record<string, any> {
  const hit = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (hit.length !== 1) throw new Error(`expected one ${kind}${name ? `/${name}` : ''}, found ${hit.length}`);
  return hit[0]!;
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartRelease } from '../../../src/validate/charts/chart-releases.js';
import { parseManifests, renderReleases } from '../../../src/validate/charts/helm-template.js';
import { HAS_CHARTS, HELM, REAL_CHARTS, REAL_CHARTS_NOTE } from './_real-charts.js';

const release = (chart: string, version: string, values: Record<string, unknown> = {}): ChartRelease => ({
  source: { cluster: 'staging', path: `out/staging/addons/${chart}/helmrelease-${chart}.yaml`, layer: 'addons', object: {} },
  cluster: 'staging',
  name: chart,
  releaseName: chart,
  namespace: chart,
  chart,
  version,
  repository: `oci://ghcr.io/example/${chart}`,
  values,
  kubeVersion: '1.34',
});

describe('parseManifests', () => {
  it('GIVEN helm output WHEN parsed THEN each object keeps its template and a v1 List is applied as its items', () => {
    const text = [
      '---',
      '# Source: c/templates/a.yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: a }',
      '---',
      '# Source: c/templates/list.yaml',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - { apiVersion: networking.k8s.io/v1, kind: IngressClass, metadata: { name: x } }',
      '  - { apiVersion: v1, kind: Service, metadata: { name: y } }',
      '---',
      '# Source: c/templates/empty.yaml',
      '',
    ].join('\n');
    expect(parseManifests(text).objects.map((o) => `${o.template} ${String(o.object['kind'])}`)).toEqual([
      'c/templates/a.yaml ConfigMap',
      'c/templates/list.yaml IngressClass',
      'c/templates/list.yaml Service',
    ]);
  });

  it('GIVEN invalid YAML from a chart WHEN parsed THEN the error names the template', () => {
    expect(parseManifests('---\n# Source: c/templates/bad.yaml\na: [\n').error).toMatch(/^c\/templates\/bad\.yaml: the chart rendered invalid YAML: /);
  });
});

describe('renderReleases', () => {
  it('GIVEN a folder without the pinned archive WHEN rendered THEN the release is missing, with how to fetch it, and helm is not run', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'charts-'));
    const [r] = await renderReleases([release('traefik', '41.3.0')], { chartsDir: empty, apiVersions: [], helm: '/nonexistent/helm' });
    expect(r!.status).toBe('missing');
    expect(r!.message).toBe(`chart traefik-41.3.0.tgz is not in ${empty} (helm pull oci://ghcr.io/example/traefik --version 41.3.0)`);
  });

  it.skipIf(!HAS_CHARTS)(`GIVEN values the chart's schema rejects WHEN rendered THEN helm's message names the values field${REAL_CHARTS_NOTE}`, async () => {
    const values = { ports: { web: { redirections: { entryPoint: { to: 'websecure' } } } } };
    const [r] = await renderReleases([release('traefik', '41.3.0', values)], { chartsDir: REAL_CHARTS, apiVersions: [], helm: HELM });
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain("at spec.values.ports.web: additional properties 'redirections' not allowed");
  });
});

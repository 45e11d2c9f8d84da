import { describe, expect, it } from 'vitest';
import type { OutObject } from '../../../src/out-tree.js';
import { chartReleasesOf } from '../../../src/validate/charts/chart-releases.js';

const at = (path: string, object: Record<string, unknown>): OutObject => ({ cluster: 'staging', path, layer: path.split('/')[2]!, object });

const eks = at('out/staging/infra/cluster-cluster.yaml', {
  apiVersion: 'eks.aws.m.upbound.io/v1beta1',
  kind: 'Cluster',
  metadata: { name: 'cluster', namespace: 'infra-staging' },
  spec: { forProvider: { version: '1.34' } },
});
const oci = at('out/staging/addons/traefik/ocirepository-traefik.yaml', {
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'OCIRepository',
  metadata: { name: 'traefik', namespace: 'flux-system' },
  spec: { url: 'oci://ghcr.io/traefik/helm/traefik', ref: { tag: '41.3.0' } },
});
const release = (name: string, chart: Record<string, unknown>) =>
  at(`out/staging/addons/${name}/helmrelease-${name}.yaml`, {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name, namespace: 'flux-system' },
    spec: { releaseName: name, targetNamespace: name, ...chart, values: { a: 1 } },
  });

describe('chartReleasesOf', () => {
  it('GIVEN a chartRef to an OCIRepository WHEN resolved THEN the chart is the last segment of its URL at its tag', () => {
    const { releases, unresolved } = chartReleasesOf([eks, oci, release('traefik', { chartRef: { kind: 'OCIRepository', name: 'traefik' } })]);
    expect(unresolved).toEqual([]);
    expect(releases.map(({ source, ...r }) => r)).toEqual([
      {
        cluster: 'staging', name: 'traefik', releaseName: 'traefik', namespace: 'traefik', chart: 'traefik', version: '41.3.0',
        repository: 'oci://ghcr.io/traefik/helm/traefik', values: { a: 1 }, kubeVersion: '1.34',
      },
    ]);
  });

  it('GIVEN a chart from a HelmRepository WHEN resolved THEN chart.spec names the chart and exact version', () => {
    const r = release('crossplane', { chart: { spec: { chart: 'crossplane', version: '2.3.4', sourceRef: { kind: 'HelmRepository', name: 'crossplane' } } } });
    const repo = at('out/staging/addons/crossplane/helmrepository-crossplane.yaml', {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'crossplane', namespace: 'flux-system' },
      spec: { url: 'https://charts.crossplane.io/stable' },
    });
    expect(chartReleasesOf([r, repo]).releases[0]).toMatchObject({
      chart: 'crossplane', version: '2.3.4', repository: 'https://charts.crossplane.io/stable', kubeVersion: undefined,
    });
  });

  it('GIVEN a chartRef to a source that is not rendered, or no chart at all WHEN resolved THEN each is a problem on the release', () => {
    const { releases, unresolved } = chartReleasesOf([release('a', { chartRef: { kind: 'OCIRepository', name: 'gone' } }), release('b', {})]);
    expect(releases).toEqual([]);
    expect(unresolved.map((u) => [u.source.path, u.message])).toEqual([
      ['out/staging/addons/a/helmrelease-a.yaml', 'spec.chartRef: OCIRepository "gone" is not rendered in this cluster'],
      ['out/staging/addons/b/helmrelease-b.yaml', 'spec: names no chart with an exact version (chart.spec.chart/version or a chartRef to an OCIRepository with ref.tag)'],
    ]);
  });
});

import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Addon, type AddonDefinition, type AddonEnvironment, deepMerge, defineAddon } from '../../src/addons/_addon.js';

const env: AddonEnvironment = {
  cluster: 'prod',
  environment: 'production',
  accountId: '210987654321',
  region: 'eu-west-1',
  domain: 'prod.example.com',
  metricsBucket: 'm',
  lokiBucket: 'l',
  logsBucket: 'l',
  enabled: (a) => a !== 'off-addon',
};

const oci: AddonDefinition = {
  name: 'demo',
  namespace: 'demo-ns',
  chart: 'demo',
  repository: 'oci://ghcr.io/example/charts/demo',
  version: '1.2.3',
  sourceKind: 'OCIRepository',
  dependsOn: ['cert-manager', 'off-addon'],
  values: (e) => ({ cluster: e.cluster, replicas: 2, nested: { a: 1, b: [1, 2] } }),
};

function render(definition: AddonDefinition, overrides?: Record<string, unknown>): Record<string, unknown>[] {
  const chart = new Chart(Testing.app(), 'test');
  new Addon(chart, 'addon', { definition, env, overrides });
  return chart.toJson();
}

const byKind = (objs: Record<string, unknown>[], kind: string) => objs.find((o) => o.kind === kind) as { spec: Record<string, unknown>; metadata: Record<string, unknown> };

describe('Addon', () => {
  it('emits the Namespace, an OCIRepository pinned by tag with the Helm layer, and a HelmRelease using chartRef', () => {
    // GIVEN an OCI add-on WHEN it is rendered
    const objs = render(oci);
    // THEN three objects: namespace, source, release
    expect(objs.map((o) => `${String(o.apiVersion)} ${String(o.kind)}`)).toEqual([
      'v1 Namespace',
      'source.toolkit.fluxcd.io/v1 OCIRepository',
      'helm.toolkit.fluxcd.io/v2 HelmRelease',
    ]);
    expect(byKind(objs, 'Namespace').metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'baseline' });
    expect(byKind(objs, 'OCIRepository').spec).toEqual({
      interval: '12h',
      url: 'oci://ghcr.io/example/charts/demo',
      ref: { tag: '1.2.3' },
      layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' },
    });
    const hr = byKind(objs, 'HelmRelease');
    expect(hr.metadata).toMatchObject({ name: 'demo', namespace: 'flux-system' });
    expect(hr.spec).toMatchObject({
      chartRef: { kind: 'OCIRepository', name: 'demo' },
      targetNamespace: 'demo-ns',
      storageNamespace: 'demo-ns',
      serviceAccountName: 'helm-controller',
      install: { crds: 'CreateReplace', remediation: { retries: 3 } },
      upgrade: { crds: 'CreateReplace', cleanupOnFail: true, remediation: { retries: 3, remediateLastFailure: true } },
    });
    // AND a dependency on an add-on that is off is dropped (it would never become Ready)
    expect(hr.spec.dependsOn).toEqual([{ name: 'cert-manager' }]);
  });

  it('uses a HelmRepository and chart.spec with the pinned version for HTTP repositories', () => {
    const objs = render({ ...oci, sourceKind: 'HelmRepository', repository: 'https://charts.example.com', dependsOn: [] });
    expect(byKind(objs, 'HelmRepository').spec).toEqual({ interval: '12h', url: 'https://charts.example.com' });
    const hr = byKind(objs, 'HelmRelease');
    expect(hr.spec.chart).toEqual({
      spec: { chart: 'demo', version: '1.2.3', sourceRef: { kind: 'HelmRepository', name: 'demo' }, interval: '12h' },
    });
    expect(hr.spec.chartRef).toBeUndefined();
    expect(hr.spec.dependsOn).toBeUndefined();
  });

  it('deep-merges the cluster overrides over the platform values', () => {
    const hr = byKind(render(oci, { replicas: 5, nested: { b: [3] }, extra: true }), 'HelmRelease');
    expect(hr.spec.values).toEqual({ cluster: 'prod', replicas: 5, nested: { a: 1, b: [3] }, extra: true });
  });
});

describe('deepMerge', () => {
  it('merges mappings, replaces lists and scalars, removes keys set to null, and leaves its inputs alone', () => {
    const base = { a: { x: 1, y: 2 }, list: [1, 2], gone: 'yes' };
    const out = deepMerge(base, { a: { y: 3 }, list: [9], gone: null });
    expect(out).toEqual({ a: { x: 1, y: 3 }, list: [9] });
    expect(base).toEqual({ a: { x: 1, y: 2 }, list: [1, 2], gone: 'yes' });
  });
});

describe('defineAddon', () => {
  it('rejects a version range', () => {
    expect(() => defineAddon({ ...oci, version: '1.x' })).toThrow(`add-on "demo": 'version' (1.x) must be an exact chart version such as 1.2.3`);
  });
  it('rejects an OCIRepository source without an oci:// URL', () => {
    expect(() => defineAddon({ ...oci, repository: 'https://x' })).toThrow(`'repository' (https://x) must be an oci:// URL`);
  });
  it('rejects a plain-HTTP Helm repository', () => {
    expect(() => defineAddon({ ...oci, sourceKind: 'HelmRepository', repository: 'http://x' })).toThrow(`must be an https:// Helm repository URL`);
  });
});

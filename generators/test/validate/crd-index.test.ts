import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadCrdIndex } from '../../src/validate/crd-index.js';
import { FIXTURE_CRDS, HAS_REAL_CRDS, REAL_CRDS_NOTE, realCrds } from './real-crds.js';

describe('loadCrdIndex', () => {
  test('indexes served versions of every CRD under the directory, recursively, ignoring other documents', () => {
    // GIVEN the fixture folder (a namespaced Widget, and a nested multi-document file with a cluster-scoped Gadget)
    // WHEN it is loaded
    const index = loadCrdIndex(FIXTURE_CRDS);
    // THEN both CRDs are indexed with their scope, and the ConfigMap / Namespace documents are ignored
    expect(index.crdCount).toBe(2);
    expect(index.lookup('example.com/v1', 'Widget')).toMatchObject({ group: 'example.com', version: 'v1', kind: 'Widget', scope: 'Namespaced', crdName: 'widgets.example.com', file: 'widgets.example.com.yaml' });
    expect(index.lookup('example.com/v1beta1', 'Gadget')).toMatchObject({ scope: 'Cluster', file: join('nested', 'gadgets.example.com.yaml') });
  });

  test('a version with served: false is not indexed, but is remembered for error messages', () => {
    const index = loadCrdIndex(FIXTURE_CRDS);
    expect(index.lookup('example.com/v1alpha1', 'Widget')).toBeUndefined();
    expect(index.declaredVersions('example.com', 'Widget')).toEqual([
      { version: 'v1alpha1', served: false },
      { version: 'v1', served: true },
    ]);
  });

  describe('errors', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('an unparsable file is reported with its name', () => {
      dir = mkdtempSync(join(tmpdir(), 'crds-'));
      writeFileSync(join(dir, 'broken.yaml'), 'kind: [unclosed\n');
      expect(() => loadCrdIndex(dir!)).toThrow(/cannot read CRDs in .*:\n {2}broken\.yaml: /);
    });
  });

  test.skipIf(!HAS_REAL_CRDS)(`indexes the real CRDs${REAL_CRDS_NOTE}`, () => {
    const index = realCrds();
    expect(index.crdCount).toBeGreaterThanOrEqual(100);
    expect(index.lookup('ec2.aws.m.upbound.io/v1beta1', 'VPC')).toMatchObject({ scope: 'Namespaced' });
    expect(index.lookup('kustomize.toolkit.fluxcd.io/v1', 'Kustomization')).toMatchObject({ scope: 'Namespaced' });
    expect(index.lookup('aws.m.upbound.io/v1beta1', 'ClusterProviderConfig')).toMatchObject({ scope: 'Cluster' });
  }, 60_000);
});

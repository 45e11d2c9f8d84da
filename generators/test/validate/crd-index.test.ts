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

    test('an unparsable CRD file is reported with its name when its group is first used', () => {
      // GIVEN a CRD file with a YAML syntax error
      dir = mkdtempSync(join(tmpdir(), 'crds-'));
      writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  group: broken.io\n  names: [unclosed\n');
      // WHEN the index is loaded and an object of that group is looked up
      const index = loadCrdIndex(dir);
      // THEN the lookup fails naming the file
      expect(() => index.lookup('broken.io/v1', 'Thing')).toThrow(/cannot read CRDs in .*:\n {2}broken\.yaml: /);
    });
  });

  describe('lazy parsing', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('a CRD whose group line scan is misled (a schema property named group first) is still found', () => {
      // GIVEN a hand-written CRD with versions before spec.group and a schema property called "group"
      dir = mkdtempSync(join(tmpdir(), 'crds-'));
      writeFileSync(
        join(dir, 'odd.yaml'),
        [
          'apiVersion: apiextensions.k8s.io/v1',
          'kind: CustomResourceDefinition',
          'metadata:',
          '  name: things.real.io',
          'spec:',
          '  versions:',
          '    - name: v1',
          '      served: true',
          '      storage: true',
          '      schema:',
          '        openAPIV3Schema:',
          '          type: object',
          '          properties:',
          '            spec:',
          '              type: object',
          '              properties:',
          '                group:',
          '                  type: string',
          '  group: real.io',
          '  names: { kind: Thing, plural: things }',
          '  scope: Cluster',
          '',
        ].join('\n'),
      );
      // WHEN it is looked up by its real group
      // THEN it is found
      expect(loadCrdIndex(dir).lookup('real.io/v1', 'Thing')).toMatchObject({ scope: 'Cluster', crdName: 'things.real.io' });
    });

    test('a CRD written as JSON is parsed at load time', () => {
      dir = mkdtempSync(join(tmpdir(), 'crds-'));
      const crd = {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'things.json.io' },
        spec: { group: 'json.io', names: { kind: 'Thing', plural: 'things' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
      };
      writeFileSync(join(dir, 'thing.yaml'), JSON.stringify(crd));
      const index = loadCrdIndex(dir);
      expect(index.isEmpty).toBe(false);
      expect(index.lookup('json.io/v1', 'Thing')).toMatchObject({ scope: 'Namespaced' });
    });

    test('a folder without CRDs is empty', () => {
      dir = mkdtempSync(join(tmpdir(), 'crds-'));
      writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
      expect(loadCrdIndex(dir).isEmpty).toBe(true);
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

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outClusters, parseOutFile, readOutTree } from '../src/out-tree.js';

describe('out-tree', () => {
  it('parses generated object files and skips kustomizations, flux-system and non-YAML', () => {
    const text = '# Generated\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
    expect(parseOutFile('out/prod/tenants/a/namespace-a.yaml', text)).toEqual({
      cluster: 'prod', path: 'out/prod/tenants/a/namespace-a.yaml', layer: 'tenants',
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
    });
    expect(parseOutFile('out/prod/tenants/a/kustomization.yaml', text)).toBeNull();
    expect(parseOutFile('out/prod/flux-system/gotk-sync.yaml', text)).toBeNull();
    expect(parseOutFile('out/prod/README.md', '# x')).toBeNull();
  });

  it('reads every cluster folder in path order, ignoring hidden staging folders', () => {
    const out = mkdtempSync(join(tmpdir(), 'out-tree-'));
    const put = (p: string, name: string) => {
      mkdirSync(dirname(join(out, p)), { recursive: true });
      writeFileSync(join(out, p), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
    };
    put('b/flux/configmap-z.yaml', 'z');
    put('a/tenants/t/configmap-y.yaml', 'y');
    put('a/addons/x/configmap-x.yaml', 'x');
    put('.staging-1/a/flux/configmap-w.yaml', 'w');
    expect(outClusters(out)).toEqual(['a', 'b']);
    expect(readOutTree(out).map((o) => o.path)).toEqual([
      'out/a/addons/x/configmap-x.yaml', 'out/a/tenants/t/configmap-y.yaml', 'out/b/flux/configmap-z.yaml',
    ]);
    expect(readOutTree(out, ['b']).map((o) => o.layer)).toEqual(['flux']);
  });
});

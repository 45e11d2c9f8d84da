import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';

const fleet = loadFleet(join(import.meta.dirname, '..', 'fixtures', 'fleet-small'));

/** All files of a rendered cluster as one text, sorted by path: the golden file's format. */
function asText(files: Map<string, string>): string {
  return [...files.keys()].sort().map((p) => `=== ${p}\n${files.get(p)}`).join('\n');
}

describe('renderCluster', () => {
  it.each(fleet.clusters.map((c) => c.spec.name))('renders cluster %s exactly as its golden file', async (name) => {
    const files = renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === name)!);
    await expect(asText(files)).toMatchFileSnapshot(`__golden__/fleet-small-${name}.txt`);
  });

  it('is deterministic and names objects from input data only (no cdk8s hashes)', () => {
    const prod = fleet.clusters.find((c) => c.spec.name === 'prod')!;
    const a = asText(renderCluster(fleet, prod));
    expect(asText(renderCluster(fleet, prod))).toBe(a);
    const names = [...a.matchAll(/^ {2}name: (\S+)$/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(5);
    for (const n of names) expect(n).not.toMatch(/-c8[0-9a-f]{6}$|-[0-9a-f]{8}$/);
  });

  it('reconciles every cluster\'s infra/ from the management cluster only', () => {
    const mgmt = renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === 'mgmt')!);
    const prod = renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === 'prod')!);
    expect([...mgmt.keys()].filter((p) => p.startsWith('flux/kustomization-infra-')).sort()).toEqual([
      'flux/kustomization-infra-mgmt.yaml',
      'flux/kustomization-infra-prod.yaml',
    ]);
    expect(mgmt.get('flux/kustomization-infra-prod.yaml')).toContain('path: ./out/prod/infra\n');
    expect([...prod.keys()].filter((p) => p.startsWith('flux/kustomization-infra-'))).toEqual([]);
    expect([...prod.keys()]).toContain('infra/kustomization.yaml');
  });
});

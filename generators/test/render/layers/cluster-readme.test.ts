import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticFleet } from '../../../src/bench/synthetic-fleet.js';
import { loadFleet } from '../../../src/load/load-fleet.js';
import { MAX_TENANTS_DRAWN } from '../../../src/render/layers/cluster-readme.js';
import { renderCluster } from '../../../src/render/render-cluster.js';

function readmeOf(tenants: number): string {
  const root = mkdtempSync(join(tmpdir(), 'cluster-readme-'));
  writeSyntheticFleet(root, { clusters: 2, tenants, appsPerTenant: 1 });
  const fleet = loadFleet(root);
  const cluster = fleet.clusters.find((c) => !c.spec.management)!;
  return renderCluster(fleet, cluster).get('README.md')!;
}

describe('clusterReadme', () => {
  it('GIVEN a small fleet WHEN the README is rendered THEN every VPC of the fleet is listed with free ranges, and every tenant is a node', () => {
    const readme = readmeOf(3);
    expect(readme).toMatch(/## VPC ranges of the fleet\n\n\| Cluster \| Account \| Region \| VPC \|\n\|---\|---\|---\|---\|\n(\| .+ \|\n){2}/);
    expect(readme).toMatch(/Free for the next cluster: `10\.\d+\.0\.0\/16`, `10\.\d+\.0\.0\/16`, `10\.\d+\.0\.0\/16`/);
    expect(readme.match(/\["tenant-/g)).toHaveLength(3);
  });

  it(`GIVEN more than ${MAX_TENANTS_DRAWN} tenants WHEN the README is rendered THEN tenants are drawn as two grouped nodes and the graph stays small`, () => {
    const readme = readmeOf(MAX_TENANTS_DRAWN + 5);
    const graph = /```mermaid\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(graph).toContain(`tenants["tenant-&lt;team&gt; (${MAX_TENANTS_DRAWN + 5})<br/>tenants/&lt;team&gt;"]`);
    expect(graph).toContain('tenants --> apps');
    expect(graph).not.toContain('["tenant-t');
    expect(graph.length).toBeLessThan(2000);
  });
});

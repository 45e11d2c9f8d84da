import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import type { Unit } from '../../src/render/cluster-context.js';
import { planCluster, renderCluster } from '../../src/render/render-cluster.js';
import { type PlannedObject, contentHash } from '../../src/write/output-plan.js';
import type { Fleet } from '../../src/model.js';

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

  it('fails when two inputs render the same Kubernetes object, naming both origins', () => {
    // GIVEN a tenant secret named like the Secret an app's ExternalSecret owns
    const tenant = fleet.tenants[0]!;
    const app = fleet.apps[0]!;
    const clash: Fleet = {
      ...fleet,
      tenants: [{ ...tenant, spec: { ...tenant.spec, aws: { ...(tenant.spec.aws ?? {}), secrets: [{ name: 'api-secrets' }] } } as typeof tenant.spec }],
      apps: [{ ...app, spec: { ...app.spec, secrets: { TOKEN: { key: 'api-secrets' } } } as typeof app.spec }],
    };
    // WHEN the cluster renders THEN the render fails and says where both come from
    expect(() => renderCluster(clash, clash.clusters.find((c) => c.spec.name === 'prod')!)).toThrow(
      'external-secrets.io ExternalSecret team-a/api-secrets is rendered twice: in tenants/team-a/ (from tenants/team-a.yaml) and in apps/team-a/api/ (from apps/team-a/api.yaml, tenants/team-a.yaml)',
    );
  });
});

describe('planCluster with a unit cache', () => {
  const remember = () => {
    const units = new Map<string, readonly PlannedObject[]>();
    return { keyOf: (u: Unit) => createHash('sha1').update(JSON.stringify([u.id, u.folder, u.sources, u.props])).digest('hex'), get: (k: string) => units.get(k), units };
  };

  it('GIVEN every unit cached WHEN planned again THEN no unit is built, and the files, hashes and texts are those of a full render', () => {
    const prod = fleet.clusters.find((c) => c.spec.name === 'prod')!;
    const cache = remember();
    const first = planCluster(fleet, prod, cache);
    expect(first.rendered).toBeGreaterThan(0);
    for (const [k, v] of first.units) cache.units.set(k, v);
    const second = planCluster(fleet, prod, cache);
    expect(second.rendered).toBe(0);
    const full = renderCluster(fleet, prod);
    expect([...second.files.keys()].sort()).toEqual([...full.keys()].sort());
    // A cached unit's file has only its hash; asking for its text builds the unit again.
    const cached = [...second.files].find(([, f]) => f.text === undefined)![0];
    expect(second.textOf(cached)).toBe(full.get(cached));
    for (const [p, f] of second.files) expect(f.hash, p).toBe(contentHash(full.get(p)!));
  });
});

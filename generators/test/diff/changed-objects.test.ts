import { afterEach, describe, expect, test, vi } from 'vitest';
import { readAllObjects, readChangedObjects } from '../../src/diff/changed-objects.js';
import { diffTrees } from '../../src/diff/object-diff.js';
import { makeRepo, namespace, quota, writeTenant, type Repo } from './git-fixture.js';

// Real git repositories: allow for slow disks and busy CI machines.
vi.setConfig({ testTimeout: 60_000 });

let repo: Repo;
afterEach(() => repo?.dispose());

describe('readChangedObjects', () => {
  test('reads only the files that differ, and finds the same changes as reading everything', async () => {
    // GIVEN a committed fleet of 3 clusters × 20 tenants
    repo = makeRepo();
    for (const cluster of ['a', 'b', 'c']) for (let t = 0; t < 20; t++) writeTenant(repo, cluster, `t${t}`);
    repo.commit();
    // WHEN files are modified, deleted, moved, added (untracked and staged) and only re-headed
    repo.write('out/a/tenants/t1/resourcequota-compute.yaml', quota('t1', '8'));
    repo.remove('out/b/tenants/t2');
    repo.write('out/c/tenants/moved/namespace-t3.yaml', namespace('t3'));
    repo.remove('out/c/tenants/t3/namespace-t3.yaml');
    writeTenant(repo, 'a', 'new');
    repo.write('out/b/tenants/staged/namespace-staged.yaml', namespace('staged'));
    repo.git('add', 'out/b/tenants/staged');
    repo.write('out/c/tenants/t4/namespace-t4.yaml', namespace('t4'), '# a different header');
    const changed = await readChangedObjects(repo.root, 'HEAD');
    const all = await readAllObjects(repo.root, 'HEAD');
    // THEN far fewer objects are parsed
    expect(changed.base.length).toBeLessThan(10);
    expect(all.base.length).toBe(180);
    // AND the diff is the same
    const summary = (sides: typeof changed) =>
      diffTrees(sides.base, sides.head).map((c) => `${c.action} ${c.ref.cluster} ${c.ref.kind} ${c.ref.name} ${c.fields.map((f) => f.path).join(',')}`);
    expect(summary(changed)).toEqual(summary(all));
    expect(summary(changed)).toEqual([
      'added a Bucket new-data ',
      'added a Namespace new ',
      'added a ResourceQuota compute ',
      'changed a ResourceQuota compute spec.hard["requests.cpu"]',
      'added b Namespace staged ',
      'removed b Bucket t2-data ',
      'removed b Namespace t2 ',
      'removed b ResourceQuota compute ',
    ]);
  });

  test('no changes reads nothing', async () => {
    repo = makeRepo();
    writeTenant(repo, 'a', 't');
    repo.commit();
    expect(await readChangedObjects(repo.root, 'HEAD')).toEqual({ base: [], head: [] });
  });
});

import { afterEach, describe, expect, test, vi } from 'vitest';
import { changedOutPaths, listOutBlobs, readAllObjects, readChangedObjects, readOutTreeAtRef, resolveCommit } from '../../src/diff/git-tree.js';
import { diffTrees } from '../../src/diff/object-diff.js';
import { makeRepo, namespace, quota, writeTenant, type Repo } from './git-fixture.js';

// Real git repositories: allow for slow disks and busy CI machines.
vi.setConfig({ testTimeout: 60_000 });

let repo: Repo;
afterEach(() => repo?.dispose());

describe('readOutTreeAtRef', () => {
  test('reads the objects of out/ at a ref, not the working tree', async () => {
    // GIVEN a commit with one tenant, then an uncommitted change
    repo = makeRepo();
    writeTenant(repo, 'staging', 'team-a');
    repo.commit();
    repo.write('out/staging/tenants/team-a/resourcequota-compute.yaml', quota('team-a', '99'));
    // WHEN out/ is read at HEAD
    const objects = await readOutTreeAtRef(repo.root, 'HEAD');
    // THEN it holds the committed objects, with repo-relative paths and layers
    expect(objects.map((o) => [o.path, o.layer, o.object.kind])).toEqual([
      ['out/staging/tenants/team-a/bucket-team-a-data.yaml', 'tenants', 'Bucket'],
      ['out/staging/tenants/team-a/namespace-team-a.yaml', 'tenants', 'Namespace'],
      ['out/staging/tenants/team-a/resourcequota-compute.yaml', 'tenants', 'ResourceQuota'],
    ]);
    expect(objects[2]?.object).toEqual(quota('team-a', '4'));
  });

  test('skips flux-system/, kustomization.yaml and files outside out/', () => {
    repo = makeRepo();
    repo.write('out/staging/tenants/team-a/namespace-team-a.yaml', namespace('team-a'));
    repo.writeRaw('out/staging/kustomization.yaml', 'resources: [flux-system, flux]\n');
    repo.writeRaw('out/staging/flux-system/gotk-components.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: flux-system}\n');
    repo.write('tenants/team-a.yaml', { name: 'team-a' });
    const commit = repo.commit();
    expect(listOutBlobs(repo.root, commit).map((e) => e.path)).toEqual(['out/staging/tenants/team-a/namespace-team-a.yaml']);
  });

  test('reads thousands of files through one cat-file process, identical blobs once', async () => {
    repo = makeRepo();
    for (let i = 0; i < 900; i++) repo.write(`out/c${i % 3}/tenants/t${i}/namespace-t${i}.yaml`, namespace(`t${i}`));
    for (let i = 0; i < 3; i++) repo.write(`out/c${i}/infra/same.yaml`, namespace('same'), '# same header');
    repo.commit();
    const objects = await readOutTreeAtRef(repo.root, 'main');
    expect(objects).toHaveLength(903);
    expect(new Set(objects.map((o) => o.cluster))).toEqual(new Set(['c0', 'c1', 'c2']));
  });

  test('a ref without out/ has no objects', async () => {
    repo = makeRepo();
    repo.writeRaw('README.md', 'hello\n');
    repo.commit();
    expect(await readOutTreeAtRef(repo.root, 'HEAD')).toEqual([]);
  });
});

describe('changedOutPaths', () => {
  test('lists modified, deleted, staged and untracked object files under out/, nothing else', () => {
    repo = makeRepo();
    writeTenant(repo, 'staging', 'team-a');
    const commit = repo.commit();
    repo.write('out/staging/tenants/team-a/resourcequota-compute.yaml', quota('team-a', '8'));
    repo.remove('out/staging/tenants/team-a/bucket-team-a-data.yaml');
    repo.write('out/staging/tenants/team-b/namespace-team-b.yaml', namespace('team-b'));
    repo.write('out/prod/tenants/team-a/namespace-team-a.yaml', namespace('team-a'));
    repo.git('add', 'out/prod');
    repo.writeRaw('out/staging/tenants/team-a/kustomization.yaml', 'resources: []\n');
    repo.writeRaw('tenants/team-b.yaml', 'name: team-b\n');
    expect([...changedOutPaths(repo.root, commit)].sort()).toEqual([
      'out/prod/tenants/team-a/namespace-team-a.yaml',
      'out/staging/tenants/team-a/bucket-team-a-data.yaml',
      'out/staging/tenants/team-a/resourcequota-compute.yaml',
      'out/staging/tenants/team-b/namespace-team-b.yaml',
    ]);
  });
});

describe('resolveCommit', () => {
  test('an unknown ref says how to get it', () => {
    repo = makeRepo();
    repo.commit();
    expect(() => resolveCommit(repo.root, 'origin/nope')).toThrow(
      "unknown git ref 'origin/nope': fetch it first (e.g. git fetch origin origin/nope)",
    );
  });

  test('outside a repository', () => {
    repo = makeRepo();
    repo.remove('.git');
    expect(() => resolveCommit(repo.root, 'HEAD')).toThrow(/is not inside a git repository/);
  });
});

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
      diffTrees(sides.base, sides.head).map((c) => `${c.action} ${c.ref.cluster} ${c.ref.kind} ${c.ref.name} ${c.action === 'changed' ? c.fields.map((f) => f.path).join(',') : ''}`);
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

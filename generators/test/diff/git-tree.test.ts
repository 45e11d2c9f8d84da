import { afterEach, describe, expect, test, vi } from 'vitest';
import { changedOutPaths, listOutBlobs, readOutTreeAtRef, resolveCommit } from '../../src/diff/git-tree.js';
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

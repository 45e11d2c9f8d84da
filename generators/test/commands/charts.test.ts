import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { chartsCommand } from '../../src/commands/charts.js';

function repoWith(objects: Record<string, Record<string, unknown>>): string {
  const repo = mkdtempSync(join(tmpdir(), 'charts-'));
  for (const [rel, obj] of Object.entries(objects)) {
    mkdirSync(dirname(join(repo, rel)), { recursive: true });
    writeFileSync(join(repo, rel), stringify(obj));
  }
  return repo;
}

async function run(repo: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (c, _e, done) => (append(String(c)), done()) });
  const code = await chartsCommand.run(argv, { repoRoot: repo, stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

const release = (name: string) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name, namespace: 'flux-system' },
  spec: { chart: { spec: { chart: name, version: '1.2.3', sourceRef: { kind: 'HelmRepository', name } } } },
});
const repository = (name: string) => ({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name, namespace: 'flux-system' }, spec: { url: `https://charts.example.com/${name}` } });
const FLEET = {
  'out/a/addons/x/helmrelease-x.yaml': release('x'),
  'out/a/addons/x/helmrepository-x.yaml': repository('x'),
  'out/b/addons/x/helmrelease-x.yaml': release('x'),
  'out/b/addons/x/helmrepository-x.yaml': repository('x'),
};

describe('platform charts', () => {
  it('GIVEN two clusters pinning one chart WHEN listed THEN it is listed once, with where it is published', async () => {
    expect(await run(repoWith(FLEET), [])).toEqual({ code: 0, stdout: 'x-1.2.3.tgz https://charts.example.com/x\n', stderr: '' });
  });

  it('GIVEN a folder that has every archive WHEN pulling THEN nothing is fetched', async () => {
    const repo = repoWith(FLEET);
    mkdirSync(join(repo, 'cache'));
    writeFileSync(join(repo, 'cache', 'x-1.2.3.tgz'), '');
    const r = await run(repo, ['--pull', join(repo, 'cache')]);
    expect([r.code, r.stdout]).toEqual([0, `charts: 1 pinned, 0 pulled, 1 already in ${join(repo, 'cache')}, 0 failed\n`]);
  });

  it('GIVEN a pull that fails WHEN pulling THEN it is named and the exit code is 1', async () => {
    const repo = repoWith(FLEET);
    vi.stubEnv('HELM', '/nonexistent/helm');
    try {
      const r = await run(repo, ['--pull', join(repo, 'cache')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^platform charts: helm pull of x-1\.2\.3\.tgz failed: /);
    } finally {
      // Restores HELM as it was (set by CI, or unset), for the files that run next in this worker.
      vi.unstubAllEnvs();
    }
  });
});

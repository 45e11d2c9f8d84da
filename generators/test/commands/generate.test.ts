import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { planFleet } from '../../src/generate-fleet.js';
import { recoverInterruptedWrite, writeClusters } from '../../src/write/write-tree.js';
import { writeSyntheticFleet } from '../../src/bench/synthetic-fleet.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'fleet-small');

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

async function run(root: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const code = await main(argv, { repoRoot: root, stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}

/** Every file under out/ with its content hash and inode, to prove nothing moved. */
function snapshot(root: string): Record<string, string> {
  const res: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else res[relative(root, p)] = `${createHash('sha1').update(readFileSync(p)).digest('hex')}@${statSync(p).ino}`;
    }
  };
  if (existsSync(join(root, 'out'))) walk(join(root, 'out'));
  return res;
}

describe('platform generate', () => {
  it('writes every cluster, then does nothing on a second run', async () => {
    const root = repo();
    const first = await run(root, 'generate');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^generate: 2 clusters, \d+ objects; files \d+ written, 0 unchanged, 0 removed; [\d.]+s\n$/);
    expect(readFileSync(join(root, 'out/prod/kustomization.yaml'), 'utf8')).toContain('  - flux-system\n  - flux\n');
    const before = snapshot(root);
    const second = await run(root, 'generate');
    expect(second.out).toMatch(/^generate: nothing changed since the last run/);
    expect(snapshot(root)).toEqual(before);
  });

  it('after a run of one cluster, a full run still renders the others', async () => {
    const root = repo();
    await run(root, 'generate');
    // GIVEN an input change that affects both clusters, rendered for prod only
    const mgmt = join(root, 'clusters/mgmt.yaml');
    writeFileSync(mgmt, readFileSync(mgmt, 'utf8').replace('domain: mgmt.example.com', 'domain: ops.example.com'));
    const one = await run(root, 'generate', '--cluster', 'prod');
    expect(one.out).toMatch(/^generate: 1 clusters/);
    // THEN it says the other clusters may lag behind
    expect(one.err).toContain('generate: only prod was rendered; the other clusters may not match the inputs yet');
    expect((await run(root, 'generate', '--cluster', 'prod')).out).toMatch(/^generate: nothing changed/);
    // WHEN everything is generated THEN mgmt is rendered again, and only then is the full run a no-op
    expect((await run(root, 'generate')).out).toMatch(/^generate: 2 clusters, \d+ objects; files [1-9]\d* written/);
    expect((await run(root, 'generate', '--check')).code).toBe(0);
    expect((await run(root, 'generate')).out).toMatch(/^generate: nothing changed/);
  });

  it('notices hand edits, added files and removed files in out/ and restores the generated state', async () => {
    const root = repo();
    await run(root, 'generate');
    const before = snapshot(root);
    const ns = join(root, 'out/prod/tenants/team-a/namespace-team-a.yaml');
    const edits: [string, () => void][] = [
      ['edit', () => writeFileSync(ns, readFileSync(ns, 'utf8').replace('team-a', 'team-x'))],
      ['add', () => writeFileSync(join(root, 'out/prod/tenants/team-a/stray.yaml'), 'kind: ConfigMap\n')],
      ['remove', () => rmSync(join(root, 'out/mgmt/flux/kustomization-addons.yaml'))],
      ['codeowners', () => writeFileSync(join(root, '.github/CODEOWNERS'), '* @someone\n')],
    ];
    for (const [what, edit] of edits) {
      edit();
      const res = await run(root, 'generate');
      expect(res.out, what).toMatch(/^generate: 2 clusters/);
      expect(Object.keys(snapshot(root)).sort(), what).toEqual(Object.keys(before).sort());
      expect(readFileSync(ns, 'utf8')).toContain('name: team-a\n');
      expect(readFileSync(join(root, '.github/CODEOWNERS'), 'utf8')).toContain('tenants/team-a.yaml');
    }
  });

  it('renders byte-identical output twice, and rewrites nothing when forced', async () => {
    const root = repo();
    await run(root, 'generate');
    const before = snapshot(root);
    const forced = await run(root, 'generate', '--force');
    expect(forced.out).toMatch(/files 0 written, \d+ unchanged, 0 removed/);
    expect(snapshot(root)).toEqual(before);
    const a = (await planFleet(root)).plans;
    const b = (await planFleet(root)).plans;
    expect([...b.entries()]).toEqual([...a.entries()]);
  });

  it('--check lists drifted, missing and stale files and exits 1', async () => {
    const root = repo();
    await run(root, 'generate');
    expect((await run(root, 'generate', '--check')).code).toBe(0);
    const ns = join(root, 'out/prod/tenants/team-a/namespace-team-a.yaml');
    writeFileSync(ns, `${readFileSync(ns, 'utf8')}# hand edit\n`);
    writeFileSync(join(root, 'out/prod/tenants/team-a/extra.yaml'), 'kind: ConfigMap\n');
    rmSync(join(root, 'out/prod/flux/kustomization-addons.yaml'));
    const check = await run(root, 'generate', '--check');
    expect(check.code).toBe(1);
    expect(check.err).toContain('generate --check: 3 file(s) differ from what the inputs render:');
    expect(check.err).toContain('  out/prod/flux/kustomization-addons.yaml (missing)');
    expect(check.err).toContain('  out/prod/tenants/team-a/extra.yaml (not generated any more)');
    expect(check.err).toContain('  out/prod/tenants/team-a/namespace-team-a.yaml\n');
  });

  it('removes files no longer produced and never touches flux-system/', async () => {
    const root = repo();
    await run(root, 'generate');
    mkdirSync(join(root, 'out/prod/flux-system'), { recursive: true });
    writeFileSync(join(root, 'out/prod/flux-system/gotk-sync.yaml'), '# owned by flux bootstrap\n');
    rmSync(join(root, 'apps'), { recursive: true });
    const res = await run(root, 'generate');
    expect(res.out).toMatch(/[1-9]\d* removed/);
    expect(existsSync(join(root, 'out/prod/apps'))).toBe(false);
    expect(readFileSync(join(root, 'out/prod/flux-system/gotk-sync.yaml'), 'utf8')).toBe('# owned by flux bootstrap\n');
  });

  it('prints input problems as file:line:col, exits 1 and leaves out/ untouched', async () => {
    const root = repo();
    await run(root, 'generate');
    const before = snapshot(root);
    writeFileSync(join(root, 'tenants/team-a.yaml'), readFileSync(join(root, 'tenants/team-a.yaml'), 'utf8').replace('clusters: [prod]', 'clusters: [prod, qa]'));
    const res = await run(root, 'generate');
    expect(res.code).toBe(1);
    expect(res.err).toContain('tenants/team-a.yaml:7:18: clusters[1]: unknown cluster "qa"; allowed: mgmt, prod');
    expect(res.err).not.toMatch(/\n\s+at /);
    expect(snapshot(root)).toEqual(before);
  });

  it('GIVEN tenant team + app a-api and tenant team-a + app api (both make "team-a-api") WHEN generated THEN it is a file:line error with exit 1, not an internal error (70)', async () => {
    const root = repo();
    writeFileSync(join(root, 'tenants/team.yaml'), readFileSync(join(root, 'tenants/team-a.yaml'), 'utf8').replace('name: team-a', 'name: team').replace('acme/team-a', 'acme/team'));
    // Both apps followed by image automation, so both would render ImagePolicy flux-system/team-a-api.
    const followed = readFileSync(join(root, 'apps/team-a/api.yaml'), 'utf8').replace('tag: 1.0.0', 'tag: 1.0.0 # {"$imagepolicy": "flux-system:team-a-api:tag"}');
    writeFileSync(join(root, 'apps/team-a/api.yaml'), followed);
    mkdirSync(join(root, 'apps/team'), { recursive: true });
    writeFileSync(join(root, 'apps/team/a-api.yaml'), followed.replace('name: api', 'name: a-api'));
    const res = await run(root, 'generate');
    expect(res.code).toBe(1);
    expect(res.err).toContain('apps/team/a-api.yaml:');
    expect(res.err).toMatch(/apps\/team-a\/api\.yaml:\d+:\d+: name: tenant "team-a" and app "api" make the name "team-a-api"/);
    expect(res.err).not.toContain('internal error');
  });

  it('a failure in the middle of a write leaves out/ byte-identical and no staging behind', async () => {
    const root = repo();
    await run(root, 'generate');
    const before = snapshot(root);
    writeFileSync(join(root, 'tenants/team-a.yaml'), readFileSync(join(root, 'tenants/team-a.yaml'), 'utf8').replace('role: admin', 'role: view'));
    rmSync(join(root, 'out/mgmt'), { recursive: true });
    const { plans } = await planFleet(root);
    let n = 0;
    await expect(
      writeClusters(join(root, 'out'), plans, () => {
        if (++n === 3) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    const after = snapshot(root);
    expect(after).toEqual(Object.fromEntries(Object.entries(before).filter(([p]) => !p.startsWith('out/mgmt/'))));
    expect(readdirSync(join(root, 'out')).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('repairs a run that was killed between moving a cluster aside and moving the new one in', async () => {
    const root = repo();
    await run(root, 'generate');
    const before = snapshot(root);
    mkdirSync(join(root, 'out/.staging-999/prod'), { recursive: true });
    renameSync(join(root, 'out/prod'), join(root, 'out/.staging-999/prod.old'));
    recoverInterruptedWrite(join(root, 'out'));
    expect(snapshot(root)).toEqual(before);
  });

  it('explains usage mistakes without a stack trace', async () => {
    const root = repo();
    const res = await run(root, 'generate', '--clusterr', 'prod');
    expect(res.code).toBe(2);
    expect(res.err).toContain("platform generate: Unknown option '--clusterr'");
    expect((await run(root, 'generate', '--cluster', 'qa')).err).toContain('--cluster qa: no such cluster; allowed: mgmt, prod');
    expect((await run(root, 'nope')).err).toContain('platform: unknown command "nope"');
  });

  it('GIVEN a warm cache WHEN the cluster is misspelt or given twice THEN it is a usage error, never "nothing changed"', async () => {
    const root = repo();
    await run(root, 'generate');
    expect(await run(root, 'generate', '--cluster', 'nope')).toMatchObject({ code: 2, out: '' });
    const twice = await run(root, 'generate', '--cluster', 'prod', '--cluster', 'mgmt');
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("'--cluster' given 2 times (prod, mgmt); allowed: once, or not at all for every cluster");
    const help = await run(root, 'generate', '-h');
    expect([help.code, help.out.split('\n')[0]]).toEqual([0, 'Usage: platform generate [--cluster NAME] [--check] [--force]']);
  });

  it('inputs valid one by one whose tenant boundary together exceeds IAM\'s limit fail with the limit, no stack trace, and nothing written', async () => {
    // GIVEN 40 reviewed external access entries on prod, all taken by one tenant (40 tenants taking one each fit: one boundary each)
    const root = repo();
    const entries = Array.from({ length: 40 }, (_, i) => `    - name: partner-${i}\n      description: partner ${i}\n      actions: [s3:GetObject]\n      resources: ["arn:aws:s3:::partner-bucket-number-${i}/exports/*"]\n`);
    const prod = join(root, 'clusters/prod.yaml');
    writeFileSync(prod, `${readFileSync(prod, 'utf8')}  externalAccess:\n${entries.join('')}`);
    const taken = Array.from({ length: 40 }, (_, i) => `{ name: partner-${i} }`).join(', ');
    writeFileSync(
      join(root, 'tenants/team-0.yaml'),
      `name: team-0\nowners:\n  - team: acme/team-0\ncontact:\n  slackChannel: "#t0"\nclusters: [prod]\naws:\n  serviceAccounts: [{ name: api }]\n  externalAccess: [${taken}]\n`,
    );
    const before = snapshot(root);
    // WHEN generated
    const { code, err } = await run(root, 'generate');
    // THEN the message names the tenant, the cluster, the size and the limit, and out/ is as it was
    expect(code).toBe(1);
    expect(err).toMatch(/^generate: boundary of tenant team-0 on cluster prod: \d+ characters; allowed: at most 6144 \(IAM's limit on a managed policy\)/);
    expect(err).toContain('nothing was written');
    expect(err).not.toContain('internal error');
    expect(snapshot(root)).toEqual(before);
  });
});


/** A small fleet as data, written out as input files; edits change the data so every step stays valid. */
interface FleetModel {
  domain: string;
  tenants: Map<string, { slack: string; clusters: string[]; apps: Map<string, number> }>;
  /** [from, to]: `to` allows calls from `from`, and `from` lists `to` in allowTo (both agree). */
  allowed: [string, string][];
}

const CLUSTERS = ['mgmt', 'work-1'];

function writeModel(root: string, m: FleetModel): void {
  for (const d of ['tenants', 'apps']) rmSync(join(root, d), { recursive: true, force: true });
  writeSyntheticFleet(root, { clusters: CLUSTERS.length, tenants: 0, appsPerTenant: 0 });
  const mgmt = join(root, 'clusters/mgmt.yaml');
  writeFileSync(mgmt, readFileSync(mgmt, 'utf8').replace('domain: mgmt.example.com', `domain: ${m.domain}`));
  for (const [name, t] of m.tenants) {
    const list = (xs: string[]) => `[${xs.join(', ')}]`;
    const from = m.allowed.filter(([, to]) => to === name).map(([f]) => f);
    const to = m.allowed.filter(([f]) => f === name).map(([, x]) => x);
    writeFileSync(
      join(root, 'tenants', `${name}.yaml`),
      `name: ${name}\nowners:\n  - team: acme/${name}\n    role: admin\ncontact:\n  slackChannel: "${t.slack}"\nclusters: ${list(t.clusters)}\n` +
        `network:\n  allowFrom: ${list(from)}\n  allowTo: ${list(to)}\n`,
    );
    mkdirSync(join(root, 'apps', name), { recursive: true });
    for (const [app, replicas] of t.apps) {
      writeFileSync(join(root, 'apps', name, `${app}.yaml`), `name: ${app}\nimage:\n  repository: ghcr.io/acme/${name}-${app}\n  tag: 1.0.0\nreplicas: ${replicas}\n`);
    }
  }
}

/** A deterministic pseudo-random source (mulberry32), so a failing sequence of edits can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** The edits the property test draws from: one tenant, one app, a cluster, and edits that change other tenants' output. */
function edit(m: FleetModel, pick: (n: number) => number, step: number): string {
  const names = [...m.tenants.keys()];
  const some = () => names[pick(names.length)]!;
  const t = m.tenants.get(some())!;
  switch (pick(8)) {
    case 0:
      t.slack = `#s-${step}`;
      return 'slack channel';
    case 1: {
      const [a, b] = [some(), some()];
      if (a !== b && !m.allowed.some(([f, x]) => f === a && x === b)) m.allowed.push([a, b]);
      return `allow ${a} → ${b}`;
    }
    case 2:
      m.allowed.splice(pick(m.allowed.length + 1), 1);
      return 'withdraw an allowance';
    case 3: {
      const apps = [...t.apps.keys()];
      if (apps.length > 0) t.apps.delete(apps[pick(apps.length)]!);
      return 'delete an app';
    }
    case 4: {
      const apps = [...t.apps];
      if (apps.length > 0) {
        const [name, replicas] = apps[pick(apps.length)]!;
        t.apps.delete(name);
        t.apps.set(`app-r${step}`, replicas);
      }
      return 'rename an app';
    }
    case 5: {
      const [name] = [...t.apps][0] ?? [`app-n${step}`];
      t.apps.set(name, pick(4) + 1);
      return 'replicas';
    }
    case 6: {
      const gone = some();
      if (names.length > 2) {
        m.tenants.delete(gone);
        m.allowed = m.allowed.filter(([f, x]) => f !== gone && x !== gone);
      } else m.tenants.set(`team-n${step}`, { slack: '#n', clusters: [CLUSTERS[1]!], apps: new Map([['app-0', 1]]) });
      return 'remove a tenant';
    }
    default:
      m.domain = `d${step}.example.com`;
      return 'cluster domain';
  }
}

/** Every file under out/ with its content (no inodes: two repositories are compared). */
function outFiles(root: string): Record<string, string> {
  const res: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else res[relative(root, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(join(root, 'out'));
  return res;
}

describe('incremental generate', () => {
  const model = (): FleetModel => ({
    domain: 'mgmt.example.com',
    tenants: new Map(['team-a', 'team-b', 'team-c', 'team-d'].map((n, i) => [n, { slack: `#${n}`, clusters: i % 2 ? CLUSTERS : [CLUSTERS[1]!], apps: new Map([['app-0', 2], ['app-1', 1]]) }])),
    allowed: [['team-a', 'team-b']],
  });

  it('GIVEN random edits to tenants, apps and a cluster WHEN generated after each THEN out/ is byte-identical to a full render with no cache', async () => {
    const root = mkdtempSync(join(tmpdir(), 'incr-'));
    const m = model();
    writeModel(root, m);
    expect((await run(root, 'generate')).code).toBe(0);
    const pick = random(15);
    for (let step = 0; step < 6; step++) {
      // WHEN two edits are applied and the same repository regenerates (with its caches)
      const what = [edit(m, pick, step), edit(m, pick, step + 100)].join(', ');
      writeModel(root, m);
      const incremental = await run(root, 'generate');
      expect(incremental.err, what).toBe('');
      // THEN a fresh copy of the inputs, rendered from nothing, gives the same out/, and --check agrees
      const fresh = mkdtempSync(join(tmpdir(), 'full-'));
      for (const d of ['clusters', 'tenants', 'apps']) cpSync(join(root, d), join(fresh, d), { recursive: true });
      expect((await run(fresh, 'generate')).code).toBe(0);
      expect(outFiles(root), what).toEqual(outFiles(fresh));
      expect((await run(root, 'generate', '--check')).code, what).toBe(0);
    }
  }, 240_000);

  it('GIVEN a warm cache WHEN an out/ file is edited by hand (same size, folder untouched) THEN --check finds it and generate repairs it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'incr-'));
    writeModel(root, model());
    await run(root, 'generate');
    const before = outFiles(root);
    const file = join(root, 'out/work-1/tenants/team-b/namespace-team-b.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('team-b', 'team-x'));
    const check = await run(root, 'generate', '--check');
    expect([check.code, check.err]).toEqual([1, expect.stringContaining('out/work-1/tenants/team-b/namespace-team-b.yaml\n')]);
    expect((await run(root, 'generate')).out).toMatch(/files 1 written/);
    expect(outFiles(root)).toEqual(before);
  }, 60_000);

  it('GIVEN a corrupt unit cache, input cache and out/ state WHEN generated after an edit THEN they are ignored and the output is that of a full render', async () => {
    const root = mkdtempSync(join(tmpdir(), 'incr-'));
    const m = model();
    writeModel(root, m);
    await run(root, 'generate');
    const cache = join(root, 'node_modules/.cache/platform');
    // Cut short, as a killed write would leave them (the input cache's lines end mid-way).
    for (const f of readdirSync(cache).filter((f) => /^(units-|out-|inputs)/.test(f))) {
      const text = readFileSync(join(cache, f), 'utf8');
      writeFileSync(join(cache, f), text.slice(0, Math.floor(text.length / 2)));
    }
    m.tenants.get('team-b')!.slack = '#other';
    writeModel(root, m);
    expect((await run(root, 'generate')).code).toBe(0);
    const fresh = mkdtempSync(join(tmpdir(), 'full-'));
    writeModel(fresh, m);
    await run(fresh, 'generate');
    expect(outFiles(root)).toEqual(outFiles(fresh));
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newCommand } from '../../src/commands/new.js';
import { copyFixture, loadProblems } from '../load/_fixtures.js';

async function run(root: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (c, _e, done) => (append(String(c)), done()) });
  const code = await newCommand.run(argv, { repoRoot: root, stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

describe('platform new', () => {
  it('GIVEN the small fleet WHEN a tenant, an app and a cluster are scaffolded THEN each file is written and the fleet still loads', async () => {
    const root = copyFixture('new-', 'fleet-small');
    expect(await run(root, ['tenant', 'search', '--team', 'acme/search'])).toEqual({ code: 0, stdout: 'new: wrote tenants/search.yaml; edit it, then run `npm run generate`\n', stderr: '' });
    expect((await run(root, ['app', 'search/indexer'])).code).toBe(0);
    expect((await run(root, ['cluster', 'qa'])).code).toBe(0);
    expect(loadProblems(root)).toEqual([]);
    const tenant = readFileSync(join(root, 'tenants/search.yaml'), 'utf8');
    expect(tenant).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/tenant\.schema\.json\n/);
    expect(tenant).toContain('  - team: acme/search');
    expect(tenant).toContain('clusters: [prod]');
    expect(readFileSync(join(root, 'apps/search/indexer.yaml'), 'utf8')).toContain('  repository: ghcr.io/acme/indexer');
    // mgmt has 10.0.0.0/16 and prod 10.1.0.0/16: the next free range is taken.
    expect(readFileSync(join(root, 'clusters/qa.yaml'), 'utf8')).toContain('  vpcCidr: 10.2.0.0/16');
  });

  it('GIVEN a file that exists, an unknown tenant or a bad name WHEN scaffolded THEN nothing is written and the message says why', async () => {
    const root = copyFixture('new-', 'fleet-small');
    expect(await run(root, ['tenant', 'team-a'])).toMatchObject({ code: 2, stderr: 'platform new: tenants/team-a.yaml exists already; nothing written\n' });
    expect(await run(root, ['app', 'nobody/api'])).toMatchObject({ code: 2, stderr: 'platform new: no tenant "nobody": write tenants/nobody.yaml first (platform new tenant nobody)\n' });
    expect((await run(root, ['tenant', 'Bad_Name'])).stderr).toContain(`platform new: found "Bad_Name"; allowed: lower case letters, digits and '-', starting with a letter`);
    expect((await run(root, ['thing', 'x'])).stderr).toContain('platform new: found "thing"; allowed: tenant, app or cluster');
  });
});

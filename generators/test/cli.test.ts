import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cliVersion, findRepoRoot, main } from '../src/cli.js';

const VERSION = cliVersion();
import { REPO_ROOT } from './validate/real-crds.js';

async function run(argv: string[], repoRoot: string = REPO_ROOT, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (c, _e, done) => (append(String(c)), done()) });
  const code = await main(argv, { repoRoot, stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), env });
  return { code, stdout, stderr };
}

const CLI = join(REPO_ROOT, 'generators', 'dist', 'cli.js');

describe('platform CLI', () => {
  it('GIVEN --version WHEN run THEN it prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `platform ${VERSION}\n`, stderr: '' });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('GIVEN help <command> WHEN run THEN it prints that command\'s help, not the overview', async () => {
    const r = await run(['help', 'validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: platform validate \[options\]/);
  });

  it('GIVEN input problems under GitHub Actions WHEN generating THEN each is also a file annotation; elsewhere it is not', async () => {
    const fixture = join(REPO_ROOT, 'generators/test/fixtures/loader/error-enum');
    const plain = await run(['generate', '--check'], fixture);
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toContain('::error');
    const actions = await run(['generate', '--check'], fixture, { GITHUB_ACTIONS: 'true' });
    const [first] = plain.stderr.split('\n');
    const [, file, line, col, rest] = /^([^:]+):(\d+):(\d+): (.*)$/.exec(first!)!;
    expect(actions.stdout.split('\n')[0]).toBe(`::error file=${file},line=${line},col=${col}::${rest}`);
  });

  it('GIVEN a folder outside any checkout WHEN the root is looked for THEN there is none', () => {
    expect(findRepoRoot(mkdtempSync(join(tmpdir(), 'elsewhere-')))).toBeUndefined();
    expect(findRepoRoot(join(REPO_ROOT, 'generators', 'src'))).toBe(REPO_ROOT.replace(/\/$/, ''));
  });

  it('GIVEN the built CLI run outside the repository WHEN generating THEN it fails with a clear message and writes nothing', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    const r = spawnSync(process.execPath, [CLI, 'generate'], { cwd: elsewhere, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`platform: ${elsewhere} is not inside a fleet repository (no folder at or above it has clusters/); run it from the repository\n`);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(execFileSync(process.execPath, [CLI, '--version'], { cwd: elsewhere, encoding: 'utf8' })).toBe(`platform ${VERSION}\n`);
  });
});

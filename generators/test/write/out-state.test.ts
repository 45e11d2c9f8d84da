import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OutState, OutStates, afterWrite, scanOutState } from '../../src/write/out-state.js';
import { contentHash } from '../../src/write/output-plan.js';

/** The folder's state now, and its files' hashes by path. */
function scanOut(dir: string, saved?: OutState): { hashes: Map<string, string>; state: OutState } {
  const state = scanOutState(dir, saved);
  return { hashes: new Map([...state.files].map(([rel, [hash]]) => [rel, hash])), state };
}

function cluster(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'out-state-')), 'prod');
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('scanOutState', () => {
  it('GIVEN no saved state THEN every generated file is read and hashed, flux-system/ and hidden entries left out', () => {
    const dir = cluster({ 'flux/a.yaml': 'a\n', 'tenants/t/b.yaml': 'b\n', 'flux-system/gotk-sync.yaml': 's\n', '.x': 'x' });
    expect(Object.fromEntries(scanOut(dir).hashes)).toEqual({ 'flux/a.yaml': contentHash('a\n'), 'tenants/t/b.yaml': contentHash('b\n') });
  });

  it('GIVEN a saved state WHEN files are edited, added and removed by hand THEN exactly those changes are seen', () => {
    const dir = cluster({ 'flux/a.yaml': 'a\n', 'flux/b.yaml': 'b\n', 'tenants/t/c.yaml': 'c\n' });
    const { state } = scanOut(dir);
    // An edit in place keeps the folder's mtime and the size: only the file's mtime tells.
    writeFileSync(join(dir, 'flux/a.yaml'), 'x\n');
    utimesSync(join(dir, 'flux/a.yaml'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(dir, 'flux/b.yaml'));
    mkdirSync(join(dir, 'tenants/u'));
    writeFileSync(join(dir, 'tenants/u/d.yaml'), 'd\n');
    expect(Object.fromEntries(scanOut(dir, state).hashes)).toEqual({ 'flux/a.yaml': contentHash('x\n'), 'tenants/t/c.yaml': contentHash('c\n'), 'tenants/u/d.yaml': contentHash('d\n') });
  });

  it('GIVEN a saved state WHEN a file still has its size and mtime THEN it is trusted, not read again', () => {
    const dir = cluster({ 'flux/a.yaml': 'a\n' });
    // A whole second, so setting it again restores it exactly.
    utimesSync(join(dir, 'flux/a.yaml'), 1_700_000_000, 1_700_000_000);
    const { state } = scanOut(dir);
    writeFileSync(join(dir, 'flux/a.yaml'), 'z\n');
    utimesSync(join(dir, 'flux/a.yaml'), 1_700_000_000, 1_700_000_000);
    expect(scanOut(dir, state).hashes.get('flux/a.yaml')).toBe(contentHash('a\n'));
  });
});

describe('afterWrite', () => {
  it('GIVEN files written and removed by this process WHEN the state is updated from stat calls alone THEN the next scan trusts it and still sees a later hand edit', () => {
    const dir = cluster({ 'flux/a.yaml': 'a\n', 'tenants/t/c.yaml': 'c\n' });
    const { state } = scanOut(dir);
    writeFileSync(join(dir, 'flux/a.yaml'), 'a2\n');
    mkdirSync(join(dir, 'tenants/u'));
    writeFileSync(join(dir, 'tenants/u/d.yaml'), 'd\n');
    rmSync(join(dir, 'tenants/t'), { recursive: true });
    const after = afterWrite(dir, state, new Map([['flux/a.yaml', 'hash-a2'], ['tenants/u/d.yaml', 'hash-d']]), ['tenants/t/c.yaml']);
    // The hashes given are trusted: nothing written is read back.
    expect(Object.fromEntries(scanOut(dir, after).hashes)).toEqual({ 'flux/a.yaml': 'hash-a2', 'tenants/u/d.yaml': 'hash-d' });
    writeFileSync(join(dir, 'tenants/u/d.yaml'), 'x\n');
    utimesSync(join(dir, 'tenants/u/d.yaml'), new Date(), new Date(Date.now() + 5000));
    expect(scanOut(dir, after).hashes.get('tenants/u/d.yaml')).toBe(contentHash('x\n'));
  });
});

describe('OutStates', () => {
  it('GIVEN a saved state THEN it loads equal; cut short, of another format or not JSON THEN it is no state', () => {
    const dir = cluster({ 'flux/a.yaml': 'a\n', 'tenants/t/b.yaml': 'b\n' });
    const { state } = scanOut(dir);
    const cache = mkdtempSync(join(tmpdir(), 'out-states-'));
    const states = new OutStates(cache);
    states.save('prod', state);
    expect(states.load('prod')).toEqual(state);
    expect(states.load('staging')).toBeUndefined();
    const text = readFileSync(join(cache, 'out-prod.json'), 'utf8');
    for (const broken of [text.slice(0, -10), text.replace('out/ state 2', 'out/ state 1'), text.replace(/"[0-9a-f]{40}"/, '7'), 'F\tflux/a.yaml']) {
      writeFileSync(join(cache, 'out-prod.json'), broken);
      expect(states.load('prod')).toBeUndefined();
    }
  });
});

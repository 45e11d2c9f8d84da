import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { MAX_INPUT_BYTES } from '../../src/load/source-file.js';
import { FIXTURES as fixtures, copyFixture, loadProblems } from './_fixtures.js';
const errorCases = readdirSync(join(fixtures, 'loader')).filter((d) => d.startsWith('error-'));

/** Loads a fixture folder (copied, so cases that need generated files can add them) and returns the printed problems. */
function problemsOf(name: string): string[] {
  const dir = copyFixture('load-', join('loader', name));
  if (name === 'error-too-large') {
    mkdirSync(join(dir, 'clusters'), { recursive: true });
    writeFileSync(join(dir, 'clusters', 'big.yaml'), `name: big\n#${'x'.repeat(MAX_INPUT_BYTES - 11)}\n`);
  }
  return loadProblems(dir);
}

describe('loadFleet', () => {
  it('loads a valid fleet with defaults filled and lists sorted by name', () => {
    // GIVEN the small fixture fleet WHEN it is loaded
    const fleet = loadFleet(join(fixtures, 'fleet-small'));
    // THEN every input is there, typed, with schema defaults applied
    expect(fleet.clusters.map((c) => c.spec.name)).toEqual(['mgmt', 'prod']);
    expect(fleet.clusters[1]!.spec.management).toBe(false);
    expect(fleet.clusters[1]!.spec.network.subnetPrefixLengths).toEqual({ compute: 19, secure: 22, elb: 24, mgmt: 26 });
    expect(fleet.tenants.map((t) => t.spec.name)).toEqual(['team-a']);
    expect(fleet.apps.map((a) => `${a.tenant}/${a.spec.name}`)).toEqual(['team-a/api']);
  });

  it.each(errorCases)('%s: reports every expected problem as file:line:col', (name) => {
    // GIVEN a fixture with a mistake WHEN it is loaded
    const printed = problemsOf(name);
    // THEN each expected line starts one printed problem, and nothing is printed without a location
    const expected = readFileSync(join(fixtures, 'loader', name, 'expected.txt'), 'utf8').trim().split('\n');
    for (const line of expected) expect(printed.some((p) => p.startsWith(line)), `expected "${line}" in:\n${printed.join('\n')}`).toBe(true);
    for (const p of printed) expect(p).toMatch(/^[a-z][\w./-]*\.ya?ml:\d+:\d+: /i);
  });

  it('collects the problems of every file at once, sorted by file and position', () => {
    const printed = problemsOf('error-many-files');
    expect(printed.length).toBe(5);
    expect(printed).toEqual([...printed].sort());
  });
});

describe('the example fleet', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  it.each([
    ['clusters', '../schemas/cluster.schema.json'],
    ['tenants', '../schemas/tenant.schema.json'],
    ...readdirSync(join(root, 'apps')).map((t) => [`apps/${t}`, '../../schemas/app.schema.json']),
  ])('every file in %s starts with the schema comment editors use (%s)', (dir, schema) => {
    const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(readFileSync(join(root, dir, f), 'utf8').split('\n')[0], `${dir}/${f}`).toBe(`# yaml-language-server: $schema=${schema}`);
      expect(existsSync(join(root, dir, schema)), `${dir}/${f} -> ${schema}`).toBe(true);
    }
  });
});

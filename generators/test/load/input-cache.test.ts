import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, formatDiagnostic } from '../../src/load/diagnostic.js';
import { InputCache } from '../../src/load/input-cache.js';
import { loadFleet } from '../../src/load/load-fleet.js';
import { type InputFacts, SourceFile } from '../../src/load/source-file.js';
import { FIXTURES, copyFixture } from './_fixtures.js';

const APP = `name: web # the shop front
image:
  repository: ghcr.io/acme/web
  tag: 1.4.2 # {"$imagepolicy": "flux-system:shop-web:tag"}
job: ~
ports: [80, 443] # both
env:
  - name: A
    value: "1"
`;

/** Loads `dir` with `cache`, saving it afterwards whatever happened (as generate does after a good load); the printed problems. */
function loadWith(dir: string, cache: InputCache): string[] {
  try {
    loadFleet(dir, cache);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics.map(formatDiagnostic);
  } finally {
    cache.save();
  }
}

describe('InputCache', () => {
  it('GIVEN a file known from its facts THEN it answers has, trailingComment and positions as the parsed file does', () => {
    const parsed = SourceFile.parse('apps/shop/web.yaml', APP) as SourceFile;
    const known = SourceFile.known('apps/shop/web.yaml', APP, JSON.parse(parsed.factsText()!) as InputFacts);
    expect(known.data).toEqual(parsed.data);
    const paths = [['name'], ['image'], ['image', 'tag'], ['image', 'digest'], ['job'], ['ports'], ['ports', 1], ['ports', 2], ['env', 0, 'value'], ['env', 1], ['nope', 'deeper']];
    for (const path of paths) {
      expect([path, known.has(path)]).toEqual([path, parsed.has(path)]);
      expect([path, known.trailingComment(path)]).toEqual([path, parsed.trailingComment(path)]);
      expect([path, known.locate(path), known.locate(path, true)]).toEqual([path, parsed.locate(path), parsed.locate(path, true)]);
    }
    expect(known.trailingComment(['image', 'tag'])).toBe('{"$imagepolicy": "flux-system:shop-web:tag"}');
  });

  it.each(readdirSync(join(FIXTURES, 'loader')).filter((d) => d.startsWith('error-')))(
    '%s: a second load with the files known from the first prints the same problems at the same lines and columns',
    (name) => {
      const dir = copyFixture('input-cache-', join('loader', name));
      const cacheDir = mkdtempSync(join(tmpdir(), 'input-cache-dir-'));
      const first = loadWith(dir, new InputCache(cacheDir, 'code-1'));
      expect(loadWith(dir, new InputCache(cacheDir, 'code-1'))).toEqual(first);
    },
  );

  it('GIVEN a valid fleet loaded once WHEN loaded again THEN the specs are equal; a file then made invalid is parsed again and reported', () => {
    const dir = copyFixture('input-cache-', 'fleet-small');
    const cacheDir = mkdtempSync(join(tmpdir(), 'input-cache-dir-'));
    const cache = new InputCache(cacheDir, 'code-1');
    const fresh = loadFleet(dir, cache);
    cache.save();
    const again = loadFleet(dir, new InputCache(cacheDir, 'code-1'));
    expect(again.clusters.map((c) => c.spec)).toEqual(fresh.clusters.map((c) => c.spec));
    expect(again.tenants.map((t) => t.spec)).toEqual(fresh.tenants.map((t) => t.spec));
    expect(again.apps.map((a) => a.spec)).toEqual(fresh.apps.map((a) => a.spec));
    writeFileSync(join(dir, 'apps/team-a/api.yaml'), 'name: api\nimage:\n  repository: ghcr.io/acme/api\n  tag: 1.0.0\n  digest: nope\n');
    expect(loadWith(dir, new InputCache(cacheDir, 'code-1'))).toEqual([
      expect.stringMatching(/^apps\/team-a\/api\.yaml:5:3: image\.digest: unknown field "digest"/),
    ]);
  });

  it('GIVEN a value JSON cannot hold (.inf, .nan) THEN the file has no facts to keep and is parsed every run', () => {
    for (const value of ['.inf', '-.inf', '.nan']) expect((SourceFile.parse('apps/shop/web.yaml', `name: web\nscale: ${value}\n`) as SourceFile).factsText()).toBeUndefined();
    expect((SourceFile.parse('apps/shop/web.yaml', 'name: web\nscale: 1.5\n') as SourceFile).factsText()).toBeDefined();
  });

  it('GIVEN other code, another kind, --force or a corrupt file THEN nothing is known', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'input-cache-dir-'));
    const facts = (SourceFile.parse('apps/shop/web.yaml', APP) as SourceFile).factsText()!;
    const cache = new InputCache(cacheDir, 'code-1');
    cache.set('apps/shop/web.yaml', 'app', APP, facts);
    cache.save();
    expect(new InputCache(cacheDir, 'code-1').get('apps/shop/web.yaml', 'app', APP)).toBeDefined();
    expect(new InputCache(cacheDir, 'code-1').get('apps/shop/web.yaml', 'app', `${APP}\n`)).toBeUndefined();
    expect(new InputCache(cacheDir, 'code-1').get('apps/shop/web.yaml', 'tenant', APP)).toBeUndefined();
    expect(new InputCache(cacheDir, 'code-1').get('apps/shop/other.yaml', 'app', APP)).toBeUndefined();
    expect(new InputCache(cacheDir, 'code-2').get('apps/shop/web.yaml', 'app', APP)).toBeUndefined();
    expect(new InputCache(cacheDir, 'code-1', false).get('apps/shop/web.yaml', 'app', APP)).toBeUndefined();
    // The real key with broken facts, a line without a tab, and no header: each is an unknown file, not an error.
    const [header, saved] = readFileSync(join(cacheDir, 'inputs.txt'), 'utf8').split('\n');
    const key = saved!.slice(0, saved!.indexOf('\t'));
    for (const corrupt of [`${header}\n${key}\t{"data": `, `${header}\n${key}\t3`, `${header}\n${key}`, `${key}\t${facts}`]) {
      writeFileSync(join(cacheDir, 'inputs.txt'), corrupt);
      expect(new InputCache(cacheDir, 'code-1').get('apps/shop/web.yaml', 'app', APP)).toBeUndefined();
    }
  });
});

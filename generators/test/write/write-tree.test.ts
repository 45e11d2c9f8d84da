import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagedWrite, recoverInterruptedWrite, writeClusters } from '../../src/write/write-tree.js';

function outWith(clusters: Record<string, Record<string, string>>): string {
  const out = join(mkdtempSync(join(tmpdir(), 'write-tree-')), 'out');
  for (const [cluster, files] of Object.entries(clusters)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(out, cluster, path, '..'), { recursive: true });
      writeFileSync(join(out, cluster, path), text);
    }
  }
  return out;
}

describe('writeClusters', () => {
  it('GIVEN a cluster removed from the fleet WHEN written THEN its folder goes, the others stay, and nothing is left staged', async () => {
    const out = outWith({ qa: { 'flux/a.yaml': 'a\n' }, staging: { 'flux/b.yaml': 'b\n' } });
    const result = await writeClusters(out, new Map([['qa', new Map()], ['staging', new Map([['flux/b.yaml', 'b\n']])]]));
    expect(result).toEqual({ written: 0, unchanged: 1, removed: 1, changedClusters: ['qa'] });
    expect(readdirSync(out)).toEqual(['staging']);
  });

  it('GIVEN a removed cluster that was bootstrapped WHEN written THEN only its flux-system/ stays', async () => {
    const out = outWith({ qa: { 'flux/a.yaml': 'a\n', 'flux-system/gotk-sync.yaml': 'sync\n' } });
    await writeClusters(out, new Map([['qa', new Map()]]));
    expect(readdirSync(join(out, 'qa'))).toEqual(['flux-system']);
    expect(existsSync(join(out, 'qa', 'flux-system', 'gotk-sync.yaml'))).toBe(true);
  });

  it('GIVEN a few changes in a large cluster WHEN written THEN only they are patched in, and a folder left empty goes', async () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`flux/f${i}.yaml`, `${i}\n`]));
    const out = outWith({ qa: { ...files, 'tenants/gone/a.yaml': 'a\n' } });
    const write = new StagedWrite(out);
    await write.stageChanges('qa', { paths: Object.keys(files), write: new Map([['flux/f1.yaml', 'new\n']]), remove: ['tenants/gone/a.yaml'] });
    expect(write.commit()).toEqual({ written: 1, unchanged: 9, removed: 1, changedClusters: ['qa'] });
    expect(readFileSync(join(out, 'qa/flux/f1.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(out, 'qa'))).toEqual(['flux']);
    expect(readdirSync(out)).toEqual(['qa']);
  });

  it('GIVEN a run killed after its journal was written WHEN the next run starts THEN the journal is finished: out/ holds the new result', () => {
    const out = outWith({ qa: { 'flux/a.yaml': 'a\n', 'flux/b.yaml': 'b\n', 'flux/c.yaml': 'c\n' } });
    // One staged file was already moved in (a.yaml), one is still staged (b.yaml), one removal is pending (c.yaml).
    writeFileSync(join(out, 'qa/flux/a.yaml'), 'a2\n');
    mkdirSync(join(out, '.staging-999/qa.patch/flux'), { recursive: true });
    writeFileSync(join(out, '.staging-999/qa.patch/flux/b.yaml'), 'b2\n');
    writeFileSync(join(out, '.staging-999/journal.json'), JSON.stringify({ swap: [], patch: { qa: { write: ['flux/a.yaml', 'flux/b.yaml'], remove: ['flux/c.yaml'] } } }));
    recoverInterruptedWrite(out);
    expect(readdirSync(out)).toEqual(['qa']);
    expect(readdirSync(join(out, 'qa/flux')).map((f) => readFileSync(join(out, 'qa/flux', f), 'utf8'))).toEqual(['a2\n', 'b2\n']);
  });
});

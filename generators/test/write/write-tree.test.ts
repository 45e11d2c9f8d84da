import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeClusters } from '../../src/write/write-tree.js';

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
});

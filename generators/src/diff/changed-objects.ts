/**
 * The two sides of a diff: the objects of `out/` at the base commit and in the working tree, limited to the
 * files whose bytes differ.
 *
 * A file that is byte-identical at the same path on both sides holds the same object on both sides, so it can
 * never be part of an added, removed or changed object; skipping it keeps a diff of a 100k-object tree at the
 * cost of the files that changed (YAML parsing is the floor: ~100 µs per object). Objects that moved between
 * files are still matched, because both the old and the new file differ and are read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOutFile, readOutTree, type OutObject } from '../out-tree.js';
import { changedOutPaths, readOutAtCommit, resolveCommit } from './git-tree.js';

export interface DiffSides {
  readonly base: OutObject[];
  readonly head: OutObject[];
}

/** Reads the objects of every changed file under `out/`, at `ref` and in the working tree. */
export async function readChangedObjects(repoRoot: string, ref: string): Promise<DiffSides> {
  const commit = resolveCommit(repoRoot, ref);
  const changed = changedOutPaths(repoRoot, commit);
  const base = changed.size === 0 ? [] : await readOutAtCommit(repoRoot, commit, changed);
  const head: OutObject[] = [];
  for (const path of [...changed].sort()) {
    const file = join(repoRoot, path);
    if (!existsSync(file)) continue;
    const parsed = parseOutFile(path, readFileSync(file, 'utf8'));
    if (parsed) head.push(parsed);
  }
  return { base, head };
}

/** Reads every object on both sides, without asking git what changed (for checks of the shortcut above). */
export async function readAllObjects(repoRoot: string, ref: string): Promise<DiffSides> {
  const base = await readOutAtCommit(repoRoot, resolveCommit(repoRoot, ref));
  const outDir = join(repoRoot, 'out');
  return { base, head: existsSync(outDir) ? readOutTree(outDir) : [] };
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, BOOTSTRAP_FOLDER } from './output-plan.js';
import { writeAtomically } from '../unit-cache.js';
import type { KnownOut } from '../generate-cache.js';

/**
 * What a cluster folder of out/ held when `generate` last looked: every generated file with its content hash, size and
 * mtime, and every folder with its mtime. A file whose size and mtime still match holds the same bytes; a folder whose
 * mtime still matches has the same entries. So out/ can be known again by stat calls alone, reading only what changed
 * since (a hand edit, a file added or removed by hand).
 */
export interface OutState {
  readonly files: Record<string, readonly [hash: string, size: number, mtimeMs: number]>;
  readonly dirs: Record<string, number>;
}

/** Generated files under a cluster folder (relative path → content hash) and the state to remember, reading only what changed since `saved`. */
export function scanOut(dir: string, saved?: OutState): { hashes: Map<string, string>; state: OutState } {
  const hashes = new Map<string, string>();
  const files: Record<string, readonly [string, number, number]> = {};
  const dirs: Record<string, number> = {};
  if (!existsSync(dir)) return { hashes, state: { files, dirs } };
  const readFile = (rel: string) => {
    const abs = join(dir, rel);
    const s = statSync(abs);
    const hash = contentHash(readFileSync(abs));
    hashes.set(rel, hash);
    files[rel] = [hash, s.size, s.mtimeMs];
  };
  // A folder not seen before, or whose entries changed: list it; files known and unchanged are not read again.
  const list = (rel: string) => {
    const abs = rel ? join(dir, rel) : dir;
    dirs[rel] = statSync(abs).mtimeMs;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== BOOTSTRAP_FOLDER && !(r in dirs)) visit(r);
      } else if (!hashes.has(r)) check(r);
    }
  };
  const check = (rel: string) => {
    const known = saved?.files[rel];
    const s = known ? statSync(join(dir, rel), { throwIfNoEntry: false }) : undefined;
    if (!known) readFile(rel);
    else if (s && s.isFile() && s.size === known[1] && s.mtimeMs === known[2]) {
      hashes.set(rel, known[0]);
      files[rel] = known;
    } else if (s) readFile(rel);
  };
  const visit = (rel: string) => {
    const known = saved?.dirs[rel];
    const s = statSync(rel ? join(dir, rel) : dir, { throwIfNoEntry: false });
    if (!s?.isDirectory()) return;
    if (known === undefined || s.mtimeMs !== known) list(rel);
    else dirs[rel] = known;
  };
  if (!saved) {
    list('');
    return { hashes, state: { files, dirs } };
  }
  // Known folders first, the cluster folder before those in it (a changed or unknown one is listed), then known
  // files in unchanged folders.
  for (const rel of ['', ...Object.keys(saved.dirs).sort()]) if (!(rel in dirs)) visit(rel);
  for (const rel of Object.keys(saved.files)) {
    if (hashes.has(rel)) continue;
    const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    if (parent in dirs) check(rel);
  }
  return { hashes, state: { files, dirs } };
}

/** The out/ states `generate` remembers, one file per cluster in the cache folder. */
export class OutStates {
  constructor(private readonly dir: string) {}

  /** The cluster's remembered state; none when missing or unreadable (then every file is read). */
  load(cluster: string): OutState | undefined {
    try {
      const saved = JSON.parse(readFileSync(this.file(cluster), 'utf8')) as OutState;
      return saved && typeof saved.files === 'object' && typeof saved.dirs === 'object' ? saved : undefined;
    } catch {
      return undefined;
    }
  }

  save(cluster: string, state: OutState): void {
    writeAtomically(this.file(cluster), JSON.stringify(state));
  }

  private file(cluster: string): string {
    return join(this.dir, `out-${cluster}.json`);
  }
}

/**
 * Every folder and file of out/ as the states of its clusters know them (paths relative to out/), for the no-op stamp
 * (see GenerateCache.save); undefined when a cluster folder has no state.
 */
export function knownOut(outRoot: string, clusters: readonly string[], stateOf: (cluster: string) => OutState | undefined): KnownOut | undefined {
  const dirs: [string, number][] = [['', statSync(outRoot).mtimeMs]];
  const files: [string, number, number][] = [];
  for (const c of clusters) {
    const state = stateOf(c);
    if (!state) return undefined;
    for (const [rel, mtime] of Object.entries(state.dirs)) dirs.push([rel ? `${c}/${rel}` : c, mtime]);
    for (const [rel, [, size, mtime]] of Object.entries(state.files)) files.push([`${c}/${rel}`, size, mtime]);
  }
  return { dirs, files };
}

/**
 * The state after this process wrote `written` (path → hash) and removed `removed` in a cluster folder whose state was
 * `before`: only those files and their folders are stat'ed again. A folder not stat'ed again (a whole folder swapped in)
 * keeps its old mtime, so the next scan lists it: safe, and it costs only that listing.
 */
export function afterWrite(dir: string, before: OutState, written: ReadonlyMap<string, string>, removed: readonly string[]): OutState {
  const files: Record<string, readonly [string, number, number]> = { ...before.files };
  const dirs: Record<string, number> = { ...before.dirs };
  const touched = new Set<string>(['']);
  for (const rel of [...written.keys(), ...removed]) {
    for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) touched.add(rel.slice(0, i));
  }
  for (const rel of removed) delete files[rel];
  for (const [rel, hash] of written) {
    const s = statSync(join(dir, rel), { throwIfNoEntry: false });
    if (s) files[rel] = [hash, s.size, s.mtimeMs];
    else delete files[rel];
  }
  for (const rel of touched) {
    const s = statSync(rel ? join(dir, rel) : dir, { throwIfNoEntry: false });
    if (s?.isDirectory()) dirs[rel] = s.mtimeMs;
    else delete dirs[rel];
  }
  return { files, dirs };
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, BOOTSTRAP_FOLDER } from './output-plan.js';
import { writeAtomically } from '../unit-cache.js';
import type { KnownOut } from '../generate-cache.js';

/** A generated file as last seen: its content hash, size and mtime. */
export type FileState = readonly [hash: string, size: number, mtimeMs: number];

/**
 * What a cluster folder of out/ held when `generate` last looked: every generated file with its content hash, size and
 * mtime, and every folder with its mtime. A file whose size and mtime still match holds the same bytes; a folder whose
 * mtime still matches has the same entries. So out/ can be known again by stat calls alone, reading only what changed
 * since (a hand edit, a file added or removed by hand).
 */
export interface OutState {
  readonly files: ReadonlyMap<string, FileState>;
  readonly dirs: ReadonlyMap<string, number>;
}

/** Generated files under a cluster folder (relative path → content hash) and the state to remember, reading only what changed since `saved`. */
export function scanOut(dir: string, saved?: OutState): { hashes: Map<string, string>; state: OutState } {
  const state = scanOutState(dir, saved);
  return { hashes: new Map([...state.files].map(([rel, [hash]]) => [rel, hash])), state };
}

/** scanOut without the hash map: the state alone, whose files hold the hashes. */
export function scanOutState(dir: string, saved?: OutState): OutState {
  const files = new Map<string, FileState>();
  const dirs = new Map<string, number>();
  if (!existsSync(dir)) return { files, dirs };
  const base = `${dir}/`;
  const readFile = (rel: string) => {
    const abs = base + rel;
    const s = statSync(abs);
    files.set(rel, [contentHash(readFileSync(abs)), s.size, s.mtimeMs]);
  };
  // A folder not seen before, or whose entries changed: list it; files known and unchanged are not read again.
  const list = (rel: string) => {
    const abs = rel ? base + rel : dir;
    dirs.set(rel, statSync(abs).mtimeMs);
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== BOOTSTRAP_FOLDER && !dirs.has(r)) visit(r);
      } else if (!files.has(r)) check(r);
    }
  };
  const check = (rel: string) => {
    const known = saved?.files.get(rel);
    if (!known) return readFile(rel);
    const s = statSync(base + rel, { throwIfNoEntry: false });
    if (s && s.isFile() && s.size === known[1] && s.mtimeMs === known[2]) files.set(rel, known);
    else if (s) readFile(rel);
  };
  const visit = (rel: string) => {
    const known = saved?.dirs.get(rel);
    const s = statSync(rel ? base + rel : dir, { throwIfNoEntry: false });
    if (!s?.isDirectory()) return;
    if (known === undefined || s.mtimeMs !== known) list(rel);
    else dirs.set(rel, known);
  };
  if (!saved) {
    list('');
    return { files, dirs };
  }
  // Known folders first, the cluster folder before those in it (a changed or unknown one is listed), then known
  // files in unchanged folders.
  for (const rel of ['', ...[...saved.dirs.keys()].sort()]) if (!dirs.has(rel)) visit(rel);
  for (const rel of saved.files.keys()) {
    if (files.has(rel)) continue;
    const slash = rel.lastIndexOf('/');
    if (dirs.has(slash < 0 ? '' : rel.slice(0, slash))) check(rel);
  }
  return { files, dirs };
}

/**
 * The out/ states `generate` remembers, one file per cluster in the cache folder: a first line naming the format, then
 * `F <path> <hash> <size> <mtime>` per file and `D <path> <mtime>` per folder, separated by tabs.
 */
export class OutStates {
  constructor(private readonly dir: string) {}

  /** The cluster's remembered state; none when missing or unreadable (then every file is read). */
  load(cluster: string): OutState | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(cluster), 'utf8');
    } catch {
      return undefined;
    }
    const lines = text.split('\n');
    if (lines[0] !== HEADER) return undefined;
    const files = new Map<string, FileState>();
    const dirs = new Map<string, number>();
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i]!.split('\t');
      if (f[0] === 'F' && f.length === 5 && f[2]) files.set(f[1]!, [f[2], Number(f[3]), Number(f[4])]);
      else if (f[0] === 'D' && f.length === 3) dirs.set(f[1]!, Number(f[2]));
      else if (lines[i] !== '') return undefined;
    }
    return { files, dirs };
  }

  save(cluster: string, state: OutState): void {
    const lines = [HEADER];
    for (const [rel, mtime] of state.dirs) lines.push(`D\t${rel}\t${mtime}`);
    for (const [rel, [hash, size, mtime]] of state.files) lines.push(`F\t${rel}\t${hash}\t${size}\t${mtime}`);
    writeAtomically(this.file(cluster), `${lines.join('\n')}\n`);
  }

  private file(cluster: string): string {
    return join(this.dir, `out-${cluster}.txt`);
  }
}

const HEADER = 'platform out/ state 1';

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
    for (const [rel, mtime] of state.dirs) dirs.push([rel ? `${c}/${rel}` : c, mtime]);
    for (const [rel, [, size, mtime]] of state.files) files.push([`${c}/${rel}`, size, mtime]);
  }
  return { dirs, files };
}

/**
 * The state after this process wrote `written` (path → hash) and removed `removed` in a cluster folder whose state was
 * `before`: only those files and their folders are stat'ed again. A folder not stat'ed again (a whole folder swapped in)
 * keeps its old mtime, so the next scan lists it: safe, and it costs only that listing.
 */
export function afterWrite(dir: string, before: OutState, written: ReadonlyMap<string, string>, removed: readonly string[]): OutState {
  const files = new Map(before.files);
  const dirs = new Map(before.dirs);
  const touched = new Set<string>(['']);
  for (const rel of [...written.keys(), ...removed]) {
    for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) touched.add(rel.slice(0, i));
  }
  for (const rel of removed) files.delete(rel);
  for (const [rel, hash] of written) {
    const s = statSync(join(dir, rel), { throwIfNoEntry: false });
    if (s) files.set(rel, [hash, s.size, s.mtimeMs]);
    else files.delete(rel);
  }
  for (const rel of touched) {
    const s = statSync(rel ? join(dir, rel) : dir, { throwIfNoEntry: false });
    if (s?.isDirectory()) dirs.set(rel, s.mtimeMs);
    else dirs.delete(rel);
  }
  return { files, dirs };
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BOOTSTRAP_FOLDER, contentHash } from './out-layout.js';
import { writeAtomically } from '../line-store.js';

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

/**
 * The state of a cluster folder of out/ now (every generated file with its content hash), reading only what changed
 * since `saved`.
 */
export function scanOutState(dir: string, saved?: OutState): OutState {
  // Files known and unchanged keep their saved entry: the map starts as the saved one and only what changed is replaced.
  const files = new Map<string, FileState>(saved?.files ?? []);
  const dirs = new Map<string, number>();
  if (!existsSync(dir)) return { files: new Map(), dirs };
  const base = `${dir}/`;
  const readFile = (rel: string) => {
    const abs = base + rel;
    const s = statSync(abs);
    files.set(rel, [contentHash(readFileSync(abs)), s.size, s.mtimeMs]);
  };
  // A folder not seen before, or whose entries changed, is listed: its new files are read (known ones are checked below).
  const list = (rel: string) => {
    const abs = rel ? base + rel : dir;
    dirs.set(rel, statSync(abs).mtimeMs);
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== BOOTSTRAP_FOLDER && !dirs.has(r)) visit(r);
      } else if (!saved?.files.has(r)) readFile(r);
    }
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
  // Known folders first, the cluster folder before those in it (a changed or unknown one is listed), then every known
  // file: gone with its folder, gone, changed (read again) or as it was (one stat call).
  for (const rel of ['', ...[...saved.dirs.keys()].sort()]) if (!dirs.has(rel)) visit(rel);
  for (const [rel, known] of saved.files) {
    const slash = rel.lastIndexOf('/');
    const s = dirs.has(slash < 0 ? '' : rel.slice(0, slash)) ? statSync(base + rel, { throwIfNoEntry: false }) : undefined;
    if (!s || !s.isFile()) files.delete(rel);
    else if (s.size !== known[1] || s.mtimeMs !== known[2]) readFile(rel);
  }
  return { files, dirs };
}

/**
 * The out/ states `generate` remembers, one file per cluster in the cache folder: JSON with the format, then every
 * folder as `path, mtime` and every file as `path, hash, size, mtime`, flat (a flat array parses fastest).
 */
export class OutStates {
  constructor(private readonly dir: string) {}

  /** The cluster's remembered state; none when missing, unreadable or not as written (then every file is read). */
  load(cluster: string): OutState | undefined {
    let saved: SavedOutState;
    try {
      saved = JSON.parse(readFileSync(this.file(cluster), 'utf8')) as SavedOutState;
    } catch {
      return undefined;
    }
    if (saved?.format !== FORMAT || !Array.isArray(saved.dirs) || !Array.isArray(saved.files)) return undefined;
    const dirs = new Map<string, number>();
    for (let i = 0; i + 1 < saved.dirs.length; i += 2) {
      const [rel, mtime] = [saved.dirs[i], saved.dirs[i + 1]];
      if (typeof rel !== 'string' || typeof mtime !== 'number') return undefined;
      dirs.set(rel, mtime);
    }
    const files = new Map<string, FileState>();
    for (let i = 0; i + 3 < saved.files.length; i += 4) {
      const [rel, hash, size, mtime] = [saved.files[i], saved.files[i + 1], saved.files[i + 2], saved.files[i + 3]];
      if (typeof rel !== 'string' || typeof hash !== 'string' || typeof size !== 'number' || typeof mtime !== 'number') return undefined;
      files.set(rel, [hash, size, mtime]);
    }
    return { files, dirs };
  }

  save(cluster: string, state: OutState): void {
    const dirs: (string | number)[] = [];
    for (const [rel, mtime] of state.dirs) dirs.push(rel, mtime);
    const files: (string | number)[] = [];
    for (const [rel, [hash, size, mtime]] of state.files) files.push(rel, hash, size, mtime);
    writeAtomically(this.file(cluster), JSON.stringify({ format: FORMAT, dirs, files } satisfies SavedOutState));
  }

  private file(cluster: string): string {
    return join(this.dir, `out-${cluster}.json`);
  }
}

const FORMAT = 'platform out/ state 2';

interface SavedOutState {
  readonly format: string;
  readonly dirs: readonly unknown[];
  readonly files: readonly unknown[];
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

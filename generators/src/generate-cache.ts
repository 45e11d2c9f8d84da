import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutState } from './write/out-state.js';

interface Saved {
  readonly format: typeof FORMAT;
  readonly fingerprint: string;
  readonly clusters: string[];
  /** The cluster folders of out/ the last run left, with a stamp of out/ as their states knew it; none when one had no state. */
  readonly out?: { readonly clusters: string[]; readonly stamp: string };
  /** Stamp of the other files `generate` writes (CODEOWNERS). */
  readonly written: string;
}

const FORMAT = 'platform generate cache 2';

/** Files outside out/ that `generate` writes, relative to the repository root. */
const WRITTEN_OUTSIDE_OUT = ['.github/CODEOWNERS'];

/**
 * Remembers what the last `generate` wrote so that a run with nothing to do can stop early: the fingerprint of every
 * input file and of the generator code, plus a stamp of out/ (the mtime of every folder, the size and mtime of every
 * file) as the out/ states of its clusters list it (see out-state.ts). A folder's mtime changes when an entry is added,
 * removed or renamed in it, and a file's when its content is written, so stat'ing the remembered paths (without
 * listing folders again) notices any hand edit. When all still match, rendering again would change nothing. Kept in
 * node_modules/.cache, never committed; any doubt means a full run.
 */
export class GenerateCache {
  private readonly file: string;
  private readonly outDir: string;

  constructor(
    private readonly repoRoot: string,
    /** Where each cluster folder's out/ state is kept (OutStates). */
    private readonly states: { load(cluster: string): OutState | undefined },
  ) {
    this.file = join(cacheDir(repoRoot), 'generate.json');
    this.outDir = join(repoRoot, 'out');
  }

  /** A hash of every input and of the code that renders them. */
  fingerprint(): string {
    const h = createHash('sha256');
    for (const dir of ['clusters', 'tenants', 'apps', 'schemas']) hashTree(h, this.repoRoot, dir, (n) => n !== 'node_modules' && n !== 'src' && n !== 'dist');
    for (const dist of codeDists()) {
      const state = listTree(join(CODE_ROOT, dist));
      h.update(stampOf(join(CODE_ROOT, dist), state.dirs, state.files));
    }
    return h.digest('hex');
  }

  /**
   * True when the last run had this fingerprint, rendered at least the asked clusters (`[]`: all of
   * them; a run of one cluster says nothing about the others), and out/ is exactly as it left it.
   */
  isFresh(fingerprint: string, clusters: readonly string[]): boolean {
    if (!existsSync(this.file)) return false;
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Saved;
      const covered = saved.clusters.length === 0 || (clusters.length > 0 && clusters.every((c) => saved.clusters.includes(c)));
      if (saved.format !== FORMAT || saved.fingerprint !== fingerprint || !covered || !saved.out) return false;
      if (stampOf(this.repoRoot, [], WRITTEN_OUTSIDE_OUT) !== saved.written) return false;
      const now = this.outStamp(saved.out.clusters, (rel) => statSync(join(this.outDir, rel), { throwIfNoEntry: false }));
      return now !== undefined && now === saved.out.stamp;
    } catch {
      return false;
    }
  }

  /**
   * Records a run of `clusters` (`[]`: all of them) that left `outClusters` in out/: the stamp is made from their states
   * (every folder's mtime and every file's size and mtime as this run left them: `left`, else as saved), so out/ is not
   * stat'ed again.
   */
  save(fingerprint: string, clusters: readonly string[], outClusters: readonly string[], left: ReadonlyMap<string, OutState> = new Map()): void {
    const rootMtime = statSync(this.outDir, { throwIfNoEntry: false })?.mtimeMs;
    const stamp = this.outStamp(outClusters, (rel, known) => (rel === '' ? (rootMtime === undefined ? undefined : { mtimeMs: rootMtime, size: 0 }) : known), left);
    const saved: Saved = {
      format: FORMAT,
      fingerprint,
      clusters: [...clusters],
      ...(stamp !== undefined ? { out: { clusters: [...outClusters], stamp } } : {}),
      written: stampOf(this.repoRoot, [], WRITTEN_OUTSIDE_OUT),
    };
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(saved));
  }

  /**
   * A stamp of out/: the root folder, then each cluster's folders and files as its state lists them, each with what
   * `stat` gives (the saved values when saving, the disk's when checking). Undefined when a cluster has no state.
   */
  private outStamp(
    clusters: readonly string[],
    stat: (rel: string, known?: { size: number; mtimeMs: number }) => { size: number; mtimeMs: number } | undefined,
    left: ReadonlyMap<string, OutState> = new Map(),
  ): string | undefined {
    const stamp = new StatStamp();
    stamp.add('', stat(''), true);
    for (const cluster of clusters) {
      const state = left.get(cluster) ?? this.states.load(cluster);
      if (!state) return undefined;
      for (const [rel, mtimeMs] of state.dirs) {
        const path = rel ? `${cluster}/${rel}` : cluster;
        stamp.add(path, stat(path, { size: 0, mtimeMs }), true);
      }
      for (const [rel, [, size, mtimeMs]] of state.files) {
        const path = `${cluster}/${rel}`;
        stamp.add(path, stat(path, { size, mtimeMs }), false);
      }
    }
    return stamp.digest();
  }
}

type Hash = ReturnType<typeof createHash>;

/** Where `generate` keeps what it learnt between runs; never committed, and any doubt about it means a full render. */
export const cacheDir = (repoRoot: string): string => join(repoRoot, 'node_modules', '.cache', 'platform');

/** The folder holding the generators, platform and schemas packages. */
const CODE_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** The compiled code that renders, relative to CODE_ROOT: the generators, platform and schemas packages' dist/, and the generated validators. */
export const codeDists = (): string[] => ['generators/dist', 'platform/dist', 'platform/generated', 'schemas/dist'];

/**
 * Feeds every file under `base`/`rel` that `keep` admits (a folder is entered only when admitted too) to a hash: its
 * path relative to `base`, then its content, in name order, so the hash does not depend on where the repository is.
 */
export function hashTree(h: Hash, base: string, rel: string, keep: (name: string, isFolder: boolean) => boolean): void {
  const dir = join(base, rel);
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!keep(e.name, e.isDirectory())) continue;
    const r = `${rel}/${e.name}`;
    if (e.isDirectory()) hashTree(h, base, r, keep);
    else h.update(`${r}\0`).update(readFileSync(join(base, r))).update('\0');
  }
}

/** A hash of the code that renders: the compiled packages (their .js and .json files) and the locked dependencies. */
export function codeFingerprint(): string {
  const h = createHash('sha1');
  for (const dist of codeDists()) hashTree(h, CODE_ROOT, dist, (n, isFolder) => isFolder || n.endsWith('.js') || n.endsWith('.json'));
  const lock = join(CODE_ROOT, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex');
}

/** Every folder (the root included, as '') and file under `root`, relative to it. */
function listTree(root: string): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  const walk = (rel: string) => {
    dirs.push(rel);
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.push(r);
    }
  };
  if (existsSync(root)) walk('');
  return { dirs, files };
}

/** Mtimes of the given folders and sizes and mtimes of the given files; a missing path gives a stamp that cannot match. */
function stampOf(root: string, dirs: readonly string[], files: readonly string[]): string {
  const stamp = new StatStamp();
  for (const d of dirs) stamp.add(d, statSync(join(root, d), { throwIfNoEntry: false }), true);
  for (const f of files) stamp.add(f, statSync(join(root, f), { throwIfNoEntry: false }), false);
  return stamp.digest();
}

/** A hash of paths with what stat says of them: a folder's mtime, a file's size and mtime, or that it is missing. */
class StatStamp {
  private readonly h = createHash('sha256');
  private readonly parts: string[] = [];

  add(rel: string, s: { size: number; mtimeMs: number } | undefined, folder: boolean): void {
    this.parts.push(`${rel}\0${s ? (folder ? String(s.mtimeMs) : `${s.size}:${s.mtimeMs}`) : 'missing'}`);
    if (this.parts.length >= 4096) this.h.update(this.parts.splice(0).join('\n'));
  }

  digest(): string {
    this.h.update(this.parts.join('\n'));
    return this.h.digest('hex');
  }
}

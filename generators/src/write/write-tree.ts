import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { link, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BOOTSTRAP_FOLDER, type ClusterFiles } from './output-plan.js';

export interface WriteResult {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Clusters whose folder changed. */
  readonly changedClusters: readonly string[];
}

const STAGING_PREFIX = '.staging-';
/**
 * Files staged at once. Creating a file is mostly kernel time; with several in flight on the libuv
 * pool a 2-core machine stages about twice as fast as one file after another.
 */
const WRITES_IN_FLIGHT = 32;

/**
 * Writes every cluster's files into out/ atomically per cluster and all-or-nothing across clusters:
 * each changed cluster is staged in full beside out/<cluster> (unchanged files are hard links, so
 * they are never rewritten), and only once every cluster staged cleanly are the folders swapped
 * with renames. A failure before the swap leaves out/ untouched; a run killed during the swap is
 * repaired by the next run (see recoverInterruptedWrite). out/<cluster>/flux-system/ is carried
 * over untouched.
 */
export async function writeClusters(
  outRoot: string,
  plans: ReadonlyMap<string, ClusterFiles>,
  /** Called before each staged file is written; tests use it to fail mid-write. */
  beforeWrite: (path: string) => void = () => {},
): Promise<WriteResult> {
  mkdirSync(outRoot, { recursive: true });
  recoverInterruptedWrite(outRoot);
  const staging = join(outRoot, `${STAGING_PREFIX}${process.pid}`);
  let written = 0;
  let unchanged = 0;
  let removed = 0;
  const changed: string[] = [];
  try {
    for (const [cluster, files] of plans) {
      const dir = join(outRoot, cluster);
      const existing = listFiles(dir);
      const stale = [...existing.keys()].filter((p) => !files.has(p));
      const differs = [...files].filter(([p, content]) => existing.get(p) !== content).map(([p]) => p);
      removed += stale.length;
      written += differs.length;
      unchanged += files.size - differs.length;
      if (stale.length === 0 && differs.length === 0) continue;
      changed.push(cluster);
      const target = join(staging, cluster);
      const differing = new Set(differs);
      for (const folder of new Set([...files.keys()].map((p) => dirname(join(target, p))))) mkdirSync(folder, { recursive: true });
      await inParallel([...files], async ([path, content]) => {
        const to = join(target, path);
        if (differing.has(path)) {
          beforeWrite(to);
          await writeFile(to, content);
        } else await link(join(dir, path), to);
      });
      linkTree(join(dir, BOOTSTRAP_FOLDER), join(target, BOOTSTRAP_FOLDER));
    }
    if (changed.length > 0) mkdirSync(staging, { recursive: true });
    for (const cluster of changed) {
      const dir = join(outRoot, cluster);
      if (existsSync(dir)) renameSync(dir, join(staging, `${cluster}.old`));
      // A cluster removed from the fleet stages nothing (unless bootstrap files stay): its folder just goes.
      if (existsSync(join(staging, cluster))) renameSync(join(staging, cluster), dir);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { written, unchanged, removed, changedClusters: changed };
}

/**
 * Runs `fn` over `items` with at most WRITES_IN_FLIGHT at once. After a failure it starts nothing
 * new, waits for what is in flight, then throws the first error, so nothing writes after it returns.
 */
async function inParallel<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  let failure: unknown;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (e) {
        if (!failed) failure = e;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, items.length) }, worker));
  if (failed) throw failure;
}

/** Restores a cluster folder that a killed run had moved aside but not yet replaced, then clears staging. */
export function recoverInterruptedWrite(outRoot: string): void {
  if (!existsSync(outRoot)) return;
  for (const name of readdirSync(outRoot)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const staging = join(outRoot, name);
    for (const entry of readdirSync(staging)) {
      if (!entry.endsWith('.old')) continue;
      const cluster = entry.slice(0, -'.old'.length);
      if (!existsSync(join(outRoot, cluster))) renameSync(join(staging, entry), join(outRoot, cluster));
    }
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Generated files under a cluster folder (relative paths → contents), without flux-system/. */
export function listFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== BOOTSTRAP_FOLDER) walk(join(abs, e.name), r);
      } else out.set(r, readFileSync(join(abs, e.name), 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

function linkTree(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) linkTree(join(from, e.name), join(to, e.name));
    else linkSync(join(from, e.name), join(to, e.name));
  }
}

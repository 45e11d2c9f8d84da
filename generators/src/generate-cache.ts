import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Remembers what the last `generate` wrote so that a run with nothing to do can stop early:
 * the fingerprint of every input file and of the generator code, plus the size and mtime of every
 * file it left in out/. When all still match, rendering again would change nothing.
 * Kept in node_modules/.cache, never committed; any doubt means a full run.
 */
export class GenerateCache {
  private readonly file: string;

  constructor(private readonly repoRoot: string) {
    this.file = join(repoRoot, 'node_modules', '.cache', 'platform', 'generate.json');
  }

  /** A hash of every input and of the code that renders them. */
  fingerprint(): string {
    const h = createHash('sha256');
    for (const dir of ['clusters', 'tenants', 'apps', 'schemas']) hashTree(h, join(this.repoRoot, dir), (n) => n !== 'node_modules' && n !== 'src' && n !== 'dist');
    const code = dirname(dirname(fileURLToPath(import.meta.url)));
    for (const pkg of [code, join(code, '..', 'platform'), join(code, '..', 'schemas')]) hashStats(h, join(pkg, 'dist'));
    return h.digest('hex');
  }

  /** True when the last run had this fingerprint and out/ is exactly as that run left it. */
  isFresh(fingerprint: string, clusters: readonly string[] | undefined): boolean {
    if (!existsSync(this.file)) return false;
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { fingerprint: string; clusters: string[]; out: string };
      if (saved.fingerprint !== fingerprint || (clusters && clusters.join() !== saved.clusters.join())) return false;
      return saved.out === this.outStamp();
    } catch {
      return false;
    }
  }

  save(fingerprint: string, clusters: readonly string[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ fingerprint, clusters, out: this.outStamp() }));
  }

  /** Size and mtime of every file under out/, hashed. */
  private outStamp(): string {
    const h = createHash('sha256');
    hashStats(h, join(this.repoRoot, 'out'));
    return h.digest('hex');
  }
}

type Hash = ReturnType<typeof createHash>;

function hashTree(h: Hash, dir: string, keep: (name: string) => boolean): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!keep(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) hashTree(h, p, keep);
    else h.update(`${p}\0`).update(readFileSync(p)).update('\0');
  }
}

function hashStats(h: Hash, dir: string): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) hashStats(h, p);
    else {
      const s = statSync(p);
      h.update(`${p}\0${s.size}\0${s.mtimeMs}\0`);
    }
  }
}

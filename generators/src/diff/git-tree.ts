/**
 * Reads the rendered objects of `out/` at a git ref straight from the object database: one `git ls-tree`
 * and one `git cat-file --batch` process for the whole tree, however many files it holds (out/ can hold
 * 100k files; a process per file would take minutes). Also asks git which files of `out/` the working tree
 * changed, so that only those need parsing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOutFile, readOutTree, type OutObject } from '../out-tree.js';
import { BOOTSTRAP_FOLDER } from '../write/output-plan.js';

/** `parseOutFile` with the file named in the message when its YAML does not parse. */
function parseFile(path: string, text: string): OutObject | null {
  try {
    return parseOutFile(path, text);
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** A failed git invocation, with git's own message; the command prints it without a stack trace. */
function gitError(args: readonly string[], stderr: string): Error {
  const detail = stderr.trim().split('\n').filter(Boolean).pop() ?? 'no output';
  return new Error(`git ${args.join(' ')} failed: ${detail}`);
}

function git(repoRoot: string, args: readonly string[]): Buffer {
  const res = spawnSync('git', args, { cwd: repoRoot, maxBuffer: 1 << 30 });
  if (res.error) throw new Error(`cannot run git: ${res.error.message}`);
  if (res.status !== 0) throw gitError(args, res.stderr.toString('utf8'));
  return res.stdout;
}

/**
 * Resolves a ref to a commit id, with a message that tells the user what to do when it does not exist
 * (the usual cause in CI is a shallow clone without the base branch).
 */
export function resolveCommit(repoRoot: string, ref: string): string {
  if (ref.startsWith('-')) throw new Error(`'--base' (${ref}) is not a git ref`);
  const res = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoRoot });
  if (res.error) throw new Error(`cannot run git: ${res.error.message}`);
  if (res.status !== 0) {
    const inRepo = spawnSync('git', ['rev-parse', '--git-dir'], { cwd: repoRoot });
    if (inRepo.status !== 0) throw new Error(`${repoRoot} is not inside a git repository`);
    throw new Error(`unknown git ref '${ref}': fetch it first (e.g. git fetch origin ${ref})`);
  }
  return res.stdout.toString('utf8').trim();
}

/** A blob in the tree: its id and repo-relative path. */
interface TreeEntry {
  readonly blob: string;
  readonly path: string;
}

/** True for files that can hold an object; flux-system/ and kustomization.yaml never do. */
function isCandidate(path: string): boolean {
  if (!/\.ya?ml$/.test(path)) return false;
  const parts = path.split('/');
  if (parts.length < 4 || parts[2] === BOOTSTRAP_FOLDER) return false;
  return parts[parts.length - 1] !== 'kustomization.yaml';
}

/** Lists the YAML blobs under `out/` at a commit (`git ls-tree -r -z`). */
export function listOutBlobs(repoRoot: string, commit: string): TreeEntry[] {
  const raw = git(repoRoot, ['ls-tree', '-r', '-z', commit, '--', 'out']).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const record of raw.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [, type, blob] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type === 'blob' && blob && isCandidate(path)) entries.push({ blob, path });
  }
  return entries;
}

/**
 * Reads many blobs with a single `git cat-file --batch` process. Identical blobs are read once.
 * Returns blob id → UTF-8 text.
 */
export function readBlobs(repoRoot: string, blobs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(blobs)];
  const texts = new Map<string, string>();
  if (unique.length === 0) return Promise.resolve(texts);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch', '--buffer'], { cwd: repoRoot });
    let pending: Buffer = Buffer.alloc(0);
    let stderr = '';
    let failed = false;
    // Parse `<id> <type> <size>\n<content>\n` records as they stream in; only an incomplete tail is kept.
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let offset = 0;
      for (;;) {
        const eol = pending.indexOf(10, offset);
        if (eol < 0) break;
        const [id, type, size] = pending.toString('utf8', offset, eol).split(' ');
        if (type === 'missing' || size === undefined) {
          failed = true;
          child.kill();
          reject(new Error(`git cat-file: object ${id} is missing`));
          return;
        }
        const end = eol + 1 + Number(size);
        if (pending.length < end + 1) break;
        texts.set(id!, pending.toString('utf8', eol + 1, end));
        offset = end + 1;
      }
      pending = pending.subarray(offset);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (err) => reject(new Error(`cannot run git: ${err.message}`)));
    child.on('close', (code) => {
      if (failed) return;
      if (code !== 0) reject(gitError(['cat-file', '--batch'], stderr));
      else if (texts.size !== unique.length) reject(new Error(`git cat-file returned ${texts.size} of ${unique.length} objects`));
      else resolve(texts);
    });
    child.stdin.on('error', () => undefined); // a failing git closes stdin early; 'close' reports it
    child.stdin.end(unique.join('\n') + '\n');
  });
}

/**
 * The objects at `commit` in the given files (default: every object file under `out/`), parsed exactly like
 * the working tree (headers, flux-system/ and kustomization.yaml are handled by `parseOutFile`).
 */
export async function readOutAtCommit(
  repoRoot: string,
  commit: string,
  only?: ReadonlySet<string>,
): Promise<OutObject[]> {
  const entries = listOutBlobs(repoRoot, commit).filter((e) => !only || only.has(e.path));
  const texts = await readBlobs(repoRoot, entries.map((e) => e.blob));
  const objects: OutObject[] = [];
  for (const entry of entries) {
    const parsed = parseFile(entry.path, texts.get(entry.blob) ?? '');
    if (parsed) objects.push(parsed);
  }
  return objects;
}

/** Every object under `out/` at `ref`. */
export async function readOutTreeAtRef(repoRoot: string, ref: string): Promise<OutObject[]> {
  return readOutAtCommit(repoRoot, resolveCommit(repoRoot, ref));
}

/**
 * Paths under `out/` whose content in the working tree differs from `commit`: modified, deleted, added (staged
 * or not) and untracked files. git compares by stat and blob id, so this costs milliseconds even for 100k files.
 */
export function changedOutPaths(repoRoot: string, commit: string): Set<string> {
  const split = (buf: Buffer) => buf.toString('utf8').split('\0').filter(Boolean);
  const tracked = git(repoRoot, ['diff', '--no-ext-diff', '--no-renames', '--relative', '--name-only', '-z', commit, '--', 'out']);
  const untracked = git(repoRoot, ['ls-files', '--others', '--exclude-standard', '-z', '--', 'out']);
  return new Set([...split(tracked), ...split(untracked)].filter(isCandidate));
}

/**
 * The two sides of a diff, limited to the files whose bytes differ. A file that is byte-identical at the same
 * path on both sides holds the same object on both sides, so it can never be part of an added, removed or
 * changed object; skipping it keeps a diff of a 100k-object tree at the cost of the files that changed (YAML
 * parsing is the floor: ~100 µs per object). Objects that moved between files are still matched, because both
 * the old and the new file differ and are read.
 */
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
    const parsed = parseFile(path, readFileSync(file, 'utf8'));
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

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BOOTSTRAP_FOLDER } from './write/output-plan.js';

/** One object of a committed out/ tree. */
export interface OutObject {
  readonly cluster: string;
  /** Repo-relative path, e.g. out/staging/tenants/team-a/namespace-team-a.yaml. */
  readonly path: string;
  /** First folder under out/<cluster>/: flux, infra, addons, addons-config, tenants or apps. */
  readonly layer: string;
  readonly object: Record<string, unknown>;
  /** For an object a chart renders (`validate --charts`): the HelmRelease it comes from. */
  readonly release?: string;
}

/**
 * Parses one file of out/. Returns null for files that are not generated objects:
 * kustomization.yaml files, anything under flux-system/ (bootstrap-owned) and non-YAML files.
 */
export function parseOutFile(path: string, text: string): OutObject | null {
  const parts = path.split('/');
  if (parts[0] !== 'out' || parts.length < 4) return null;
  const file = parts[parts.length - 1]!;
  if (!file.endsWith('.yaml') || file === 'kustomization.yaml' || parts[2] === BOOTSTRAP_FOLDER) return null;
  const object = parse(text) as unknown;
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return null;
  return { cluster: parts[1]!, path, layer: parts[2]!, object: object as Record<string, unknown> };
}

/** Cluster folders of out/ (hidden staging folders excluded), sorted. */
export function outClusters(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Every object under out/<cluster>/ for the given clusters (default: all), in path order. */
export function readOutTree(outDir: string, clusters?: readonly string[]): OutObject[] {
  const out: OutObject[] = [];
  const walk = (abs: string, rel: string) => {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(join(abs, e.name), r);
      else {
        const parsed = parseOutFile(r, readFileSync(join(abs, e.name), 'utf8'));
        if (parsed) out.push(parsed);
      }
    }
  };
  for (const c of clusters ?? outClusters(outDir)) {
    if (existsSync(join(outDir, c))) walk(join(outDir, c), `out/${c}`);
  }
  return out;
}

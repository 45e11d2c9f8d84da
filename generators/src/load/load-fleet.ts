import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Cluster, InputKind, Tenant } from '@platform/schemas';
import { type Diagnostic, InputError, sortDiagnostics } from './diagnostic.js';
import { FLEET_RULES } from './fleet-rules.js';
import type { InputCache } from './input-cache.js';
import { SchemaValidator } from './schema-validator.js';
import { SourceFile } from './source-file.js';
import { loadTenantDashboards } from './tenant-dashboards.js';
import type { Fleet, Loaded, LoadedApp } from '../model.js';

/**
 * Loads clusters/*.yaml, tenants/*.yaml (and the dashboard files they name) and apps/<tenant>/*.yaml under `root`, validates each file
 * against its schema (filling defaults), then runs the cross-file rules.
 * Throws InputError with every problem of every file when anything is wrong. With a cache, a file valid last time with
 * the same text is neither parsed nor validated again (the cross-file rules always run).
 */
export function loadFleet(root: string, cache?: InputCache): Fleet {
  const problems: Diagnostic[] = [];
  const validator = new SchemaValidator();

  const load = <T>(kind: InputKind, rel: string): Loaded<T> | undefined => {
    const text = SourceFile.readText(join(root, rel), rel);
    if (Array.isArray(text)) {
      problems.push(...text);
      return undefined;
    }
    const known = cache?.get(rel, kind, text);
    if (known) return { spec: known.data as T, source: SourceFile.known(rel, text, known) };
    const parsed = SourceFile.parse(rel, text);
    if (Array.isArray(parsed)) {
      problems.push(...parsed);
      return undefined;
    }
    const found = validator.validate(kind, parsed);
    problems.push(...found);
    if (found.length > 0) return undefined;
    const facts = cache ? parsed.factsText() : undefined;
    if (facts !== undefined) cache?.set(rel, kind, text, facts);
    return { spec: parsed.data as T, source: parsed };
  };

  const clusters = inputFiles(root, 'clusters', problems).flatMap((f) => load<Cluster>('cluster', f) ?? []);
  const tenants = inputFiles(root, 'tenants', problems).flatMap((f) => load<Tenant>('tenant', f) ?? []);
  const apps: LoadedApp[] = [];
  if (existsSync(join(root, 'apps'))) {
    for (const tenant of readdirSync(join(root, 'apps')).sort()) {
      if (!statSync(join(root, 'apps', tenant)).isDirectory()) continue;
      for (const f of inputFiles(root, `apps/${tenant}`, problems)) {
        const app = load<App>('app', f);
        if (app) apps.push({ ...app, tenant });
      }
    }
  }

  const byName = <T extends { spec: { name: string } }>(xs: T[]) => xs.sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  const fleet: Fleet = {
    clusters: byName(clusters),
    tenants: byName(tenants),
    apps: apps.sort((a, b) => `${a.tenant}/${a.spec.name}`.localeCompare(`${b.tenant}/${b.spec.name}`)),
    dashboards: loadTenantDashboards(root, tenants, problems),
  };
  // Cross-file rules only make sense once every file is individually valid.
  if (problems.length === 0) for (const rule of FLEET_RULES) problems.push(...rule(fleet));
  if (problems.length > 0) throw new InputError(sortDiagnostics(problems));
  return fleet;
}

/** The `.yaml` files of one input folder, sorted; other YAML spellings are a mistake, not silently skipped. */
function inputFiles(root: string, dir: string, problems: Diagnostic[]): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs).sort()) {
    if (name.endsWith('.yaml')) out.push(`${dir}/${name}`);
    else if (name.endsWith('.yml') || name.endsWith('.json')) {
      problems.push({ file: `${dir}/${name}`, line: 1, col: 1, field: '', message: `found a "${name.slice(name.lastIndexOf('.'))}" file; allowed: input files named <name>.yaml` });
    }
  }
  return out;
}

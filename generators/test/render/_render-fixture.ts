import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'fleet-small');

/** Renders cluster `name` of the small fixture fleet after appending `extra` YAML to its cluster file. */
export function renderSmall(name: string, extra = ''): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'render-'));
  cpSync(fixture, dir, { recursive: true });
  const file = join(dir, 'clusters', `${name}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8') + extra);
  const fleet = loadFleet(dir);
  return renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === name)!);
}

/** The sub-folders of `under` (e.g. `addons/`) in a rendered cluster. */
export const foldersUnder = (files: Map<string, string>, under: string): string[] =>
  [...new Set([...files.keys()].filter((p) => p.startsWith(under) && p.slice(under.length).includes('/')).map((p) => p.slice(under.length).split('/')[0]!))].sort();

export type Obj = { kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, any> };

/** The objects written directly in `folder`. */
export const objectsIn = (files: Map<string, string>, folder: string): Obj[] =>
  [...files]
    .filter(([p]) => p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes('/') && !p.endsWith('kustomization.yaml'))
    .map(([, c]) => parse(c) as Obj);

import { join } from 'node:path';
import { loadFleet } from './load/load-fleet.js';
import type { Fleet } from './model.js';
import { renderCluster } from './render/render-cluster.js';
import type { ClusterFiles } from './write/output-plan.js';
import { outClusters } from './out-tree.js';
import { UsageError } from './commands/command.js';

export interface FleetPlan {
  readonly fleet: Fleet;
  /** Files per cluster folder; clusters whose input file is gone map to no files (their out/ is emptied). */
  readonly plans: Map<string, ClusterFiles>;
  readonly objects: number;
}

/** inputs → load + validate → render every (or one) cluster in memory. Nothing is written. */
export function planFleet(repoRoot: string, only?: string, onCluster?: (name: string, i: number, n: number) => void): FleetPlan {
  const fleet = loadFleet(repoRoot);
  const clusters = only ? fleet.clusters.filter((c) => c.spec.name === only) : fleet.clusters;
  if (only && clusters.length === 0) {
    throw new UsageError(`--cluster ${only}: no such cluster; allowed: ${fleet.clusters.map((c) => c.spec.name).join(', ')}`);
  }
  const plans = new Map<string, ClusterFiles>();
  let objects = 0;
  clusters.forEach((c, i) => {
    onCluster?.(c.spec.name, i, clusters.length);
    const files = renderCluster(fleet, c);
    objects += [...files.keys()].filter((p) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml')).length;
    plans.set(c.spec.name, files);
  });
  if (!only) {
    const known = new Set(fleet.clusters.map((c) => c.spec.name));
    for (const name of outClusters(join(repoRoot, 'out'))) if (!known.has(name)) plans.set(name, new Map());
  }
  return { fleet, plans, objects };
}

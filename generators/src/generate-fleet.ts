import { join } from 'node:path';
import { type CompiledCodeStore, useCompiledCodeStore } from '@platform/platform';
import type { InputCache } from './load/input-cache.js';
import { loadFleet } from './load/load-fleet.js';
import type { Fleet } from './model.js';
import { type ClusterPlan, type UnitLookup, filesOf, planCluster } from './render/render-cluster.js';
import type { ClusterFiles } from './write/output-plan.js';
import { outClusters } from './out-tree.js';
import { UsageError } from './commands/command.js';

export interface FleetPlan {
  readonly fleet: Fleet;
  /** Files per cluster folder; clusters whose input file is gone map to no files (their out/ is emptied). */
  readonly plans: Map<string, ClusterFiles>;
  readonly objects: number;
}

/** What rendering the fleet cluster by cluster gave, once every cluster was handed on. */
export interface FleetRender {
  readonly fleet: Fleet;
  /** Cluster folders handed on, rendered ones first, then those whose input file is gone (with no files). */
  readonly clusters: readonly string[];
  readonly objects: number;
}

export interface RenderFleetOptions {
  /** Render only this cluster. */
  readonly only?: string;
  readonly onCluster?: (name: string, i: number, n: number) => void;
  /** The units rendered before, per cluster: units found there are not built again (see planCluster). */
  readonly cacheOf?: (cluster: string) => UnitLookup | undefined;
  /** The input files valid last time: those unchanged are not parsed again; saved once the fleet loaded. */
  readonly inputs?: InputCache;
  /** The code of schemas compiled before, used while this render runs and saved after it. */
  readonly validators?: CompiledCodeStore & { save(): void };
}

/**
 * inputs → load + validate → render every (or one) cluster, handing each cluster's files to `consume` before the
 * next is rendered, so only one cluster's files are in memory at a time. Clusters whose input file is gone are handed
 * on with no files (their out/ is emptied). Nothing is written here.
 */
export async function renderFleet(
  repoRoot: string,
  consume: (cluster: string, plan: ClusterPlan) => Promise<void> | void,
  { only, onCluster, cacheOf, inputs, validators }: RenderFleetOptions = {},
): Promise<FleetRender> {
  useCompiledCodeStore(validators);
  try {
    const rendered = await renderClusters(repoRoot, consume, { only, onCluster, cacheOf, inputs });
    validators?.save();
    return rendered;
  } finally {
    useCompiledCodeStore(undefined);
  }
}

async function renderClusters(
  repoRoot: string,
  consume: (cluster: string, plan: ClusterPlan) => Promise<void> | void,
  { only, onCluster, cacheOf, inputs }: RenderFleetOptions,
): Promise<FleetRender> {
  const fleet = loadFleet(repoRoot, inputs);
  inputs?.save();
  const clusters = only ? fleet.clusters.filter((c) => c.spec.name === only) : fleet.clusters;
  if (only && clusters.length === 0) {
    throw new UsageError(`--cluster ${only}: no such cluster; allowed: ${fleet.clusters.map((c) => c.spec.name).join(', ')}`);
  }
  const handed: string[] = [];
  let objects = 0;
  for (const [i, c] of clusters.entries()) {
    onCluster?.(c.spec.name, i, clusters.length);
    const plan = planCluster(fleet, c, cacheOf?.(c.spec.name));
    objects += [...plan.files.values()].filter((f) => f.object).length;
    await consume(c.spec.name, plan);
    handed.push(c.spec.name);
  }
  if (!only) {
    const known = new Set(fleet.clusters.map((c) => c.spec.name));
    for (const name of outClusters(join(repoRoot, 'out'))) {
      if (known.has(name)) continue;
      await consume(name, { files: new Map(), textOf: (path) => { throw new Error(`${path} is not planned`); }, units: new Map(), rendered: 0 });
      handed.push(name);
    }
  }
  return { fleet, clusters: handed, objects };
}

/** The whole fleet rendered in memory (for tests and small fleets): every cluster's files at once. */
export async function planFleet(repoRoot: string, only?: string): Promise<FleetPlan> {
  const plans = new Map<string, ClusterFiles>();
  const { fleet, objects } = await renderFleet(repoRoot, (cluster, plan) => void plans.set(cluster, filesOf(plan)), { only });
  return { fleet, plans, objects };
}

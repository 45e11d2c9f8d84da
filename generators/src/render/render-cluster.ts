import { OutputChart, RenderError, type RenderedObject } from '@platform/platform';
import type { Cluster } from '@platform/schemas';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Fleet, Loaded } from '../model.js';
import { type ClusterFiles, type PlannedFile, type PlannedObject, planFiles, planObject } from '../write/output-plan.js';
import { ClusterContext, type Unit } from './cluster-context.js';
import { renderFluxLayer } from './layers/flux-layer.js';
import { renderInfraLayer } from './layers/infra-layer.js';
import { renderTenantsLayer } from './layers/tenants-layer.js';
import { renderAppsLayer } from './layers/apps-layer.js';
import { renderImagesLayer } from './layers/images-layer.js';
import { renderAddonsLayer } from './layers/addons-layer.js';
import { renderAddonsConfigLayer } from './layers/addons-config-layer.js';

/** The layers of out/<cluster>/, each rendered by its own function, in a fixed order. */
const LAYERS: ((ctx: ClusterContext) => void)[] = [renderFluxLayer, renderInfraLayer, renderTenantsLayer, renderAppsLayer, renderImagesLayer, renderAddonsLayer, renderAddonsConfigLayer];

/**
 * What is alive while rendering stays small (one cluster's files, one unit's constructs), but V8 lets the heap grow to
 * several times that before collecting it whole. So every HEAP_CHECK_EVERY charts built, and before each cluster, a heap
 * above HEAP_LIMIT is collected at once: the peak RSS of a full render of 108k objects stays near half of what it would
 * be, and an incremental run, which builds few charts, is not slowed.
 */
const HEAP_LIMIT = 192 * 2 ** 20;
const HEAP_CHECK_EVERY = 100;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const keepHeapSmall = () => {
  if (process.memoryUsage().heapUsed > HEAP_LIMIT) collectGarbage();
};

/** Where units already rendered with the same key are remembered (see unit-cache.ts). */
export interface UnitLookup {
  keyOf(unit: Unit): string;
  /** The unit's objects without their text, or undefined when the key is unknown. */
  get(key: string, unit: Unit): readonly PlannedObject[] | undefined;
}

/** One cluster's files, some possibly without their text (their unit came from the cache). */
export interface ClusterPlan {
  readonly files: ReadonlyMap<string, PlannedFile>;
  /** The text of a planned file, rendering its unit again when the plan has only its hash. */
  textOf(path: string): string;
  /** The key of every unit this plan used, with its objects (without text): what the cache keeps for the next run. */
  readonly units: ReadonlyMap<string, readonly PlannedObject[]>;
  /** Units rendered (not taken from the cache). */
  readonly rendered: number;
}

/** Renders one cluster of the fleet into its files. Throws RenderError listing every invalid object. */
export function renderCluster(fleet: Fleet, cluster: Loaded<Cluster>): ClusterFiles {
  return filesOf(planCluster(fleet, cluster));
}

/** Every file of a plan with its text. */
export const filesOf = (plan: ClusterPlan): ClusterFiles => new Map([...plan.files.keys()].map((path) => [path, plan.textOf(path)]));

/**
 * Renders and validates one cluster into its file plan, one chart at a time, dropping each chart's constructs once it is
 * rendered. With a cache, a unit whose key is known is not built: its objects come as names and hashes only.
 */
export function planCluster(fleet: Fleet, cluster: Loaded<Cluster>, cache?: UnitLookup): ClusterPlan {
  // The previous cluster's files are garbage by now.
  keepHeapSmall();
  const ctx = layeredContext(fleet, cluster);
  const objects: PlannedObject[] = [];
  const problems: string[] = [];
  const units = new Map<string, readonly PlannedObject[]>();
  const unitOf = new Map<PlannedObject, Unit>();
  let rendered = 0;
  let built = 0;
  for (const part of ctx.outputParts) {
    const key = part instanceof OutputChart ? undefined : cache?.keyOf(part);
    const cached = key === undefined ? undefined : cache?.get(key, part as Unit);
    let planned: readonly PlannedObject[];
    if (cached) planned = cached;
    else {
      if (++built % HEAP_CHECK_EVERY === 0) keepHeapSmall();
      const out = collect(problems, () => ctx.renderPart(part));
      planned = out.map(planObject);
      if (!(part instanceof OutputChart)) rendered++;
    }
    if (key !== undefined) units.set(key, cached ?? planned.map(({ text: _, ...o }) => o));
    for (const o of planned) {
      objects.push(o);
      if (!(part instanceof OutputChart)) unitOf.set(o, part);
    }
  }
  problems.push(...sameObjectTwice(objects));
  if (problems.length > 0) throw new RenderError(problems);
  const files = planFiles(objects, ctx.extraFiles, ctx.fluxPaths);
  const again = new Map<Unit, PlannedObject[]>();
  const textOf = (path: string): string => {
    const file = files.get(path);
    if (!file) throw new Error(`${path} is not planned`);
    if (file.text !== undefined) return file.text;
    const unit = unitOf.get(file.object!)!;
    let fresh = again.get(unit);
    if (!fresh) again.set(unit, (fresh = ctx.renderUnit(unit).map(planObject)));
    const same = fresh.find((o) => objectKey(o) === objectKey(file.object!) && o.folder === file.object!.folder);
    // The cache said this unit renders an object that it does not (a corrupt cache): a platform bug to report, not to hide.
    if (!same) throw new Error(`the unit cache lists ${objectKey(file.object!)} in ${path}, but its unit does not render it; delete node_modules/.cache/platform`);
    return same.text!;
  };
  return { files, textOf, units, rendered };
}

/** Renders and validates one cluster's objects, in memory, without laying them out as files (no cache). */
export function renderClusterObjects(fleet: Fleet, cluster: Loaded<Cluster>): RenderedObject[] {
  const ctx = layeredContext(fleet, cluster);
  const problems: string[] = [];
  const objects = ctx.outputParts.flatMap((part) => collect(problems, () => ctx.renderPart(part)));
  if (problems.length > 0) throw new RenderError(problems);
  return objects;
}

/** A cluster's context once every layer has opened its charts and units (nothing rendered yet). */
function layeredContext(fleet: Fleet, cluster: Loaded<Cluster>): ClusterContext {
  const ctx = new ClusterContext(fleet, cluster);
  for (const layer of LAYERS) layer(ctx);
  return ctx;
}

function collect(problems: string[], render: () => RenderedObject[]): RenderedObject[] {
  try {
    return render();
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    problems.push(...e.problems);
    return [];
  }
}

const objectKey = (o: PlannedObject): string => {
  const slash = o.apiVersion.indexOf('/');
  return `${slash < 0 ? 'core' : o.apiVersion.slice(0, slash)} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
};

/**
 * Two rendered objects with the same API group, kind, namespace and name are one object in the
 * cluster: two Flux Kustomizations would fight over it and prune it from each other.
 */
function sameObjectTwice(objects: readonly PlannedObject[]): string[] {
  const seen = new Map<string, PlannedObject>();
  const problems: string[] = [];
  for (const o of objects) {
    const key = objectKey(o);
    const first = seen.get(key);
    if (!first) seen.set(key, o);
    else problems.push(`${key} is rendered twice: in ${first.folder}/ (from ${first.sources.join(', ')}) and in ${o.folder}/ (from ${o.sources.join(', ')})`);
  }
  return problems;
}

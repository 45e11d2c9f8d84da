import { RenderError, type RenderedObject } from '@platform/platform';
import type { Cluster } from '@platform/schemas';
import type { Fleet, Loaded } from '../model.js';
import { type ClusterFiles, planClusterFiles } from '../write/output-plan.js';
import { ClusterContext } from './cluster-context.js';
import { renderFluxLayer } from './layers/flux-layer.js';
import { renderInfraLayer } from './layers/infra-layer.js';
import { renderTenantsLayer } from './layers/tenants-layer.js';
import { renderAppsLayer } from './layers/apps-layer.js';
import { renderImagesLayer } from './layers/images-layer.js';
import { renderAddonsLayer } from './layers/addons-layer.js';
import { renderAddonsConfigLayer } from './layers/addons-config-layer.js';

/** The layers of out/<cluster>/, each rendered by its own function, in a fixed order. */
const LAYERS: ((ctx: ClusterContext) => void)[] = [renderFluxLayer, renderInfraLayer, renderTenantsLayer, renderAppsLayer, renderImagesLayer, renderAddonsLayer, renderAddonsConfigLayer];

/** Renders one cluster of the fleet into its files. Throws RenderError listing every invalid object. */
export function renderCluster(fleet: Fleet, cluster: Loaded<Cluster>): ClusterFiles {
  const { objects, ctx } = renderClusterObjects(fleet, cluster);
  return planClusterFiles(objects, ctx.extraFiles, ctx.fluxPaths);
}

/** Renders and validates one cluster's objects, in memory, without laying them out as files. */
export function renderClusterObjects(fleet: Fleet, cluster: Loaded<Cluster>): { objects: RenderedObject[]; ctx: ClusterContext } {
  const ctx = new ClusterContext(fleet, cluster);
  for (const layer of LAYERS) layer(ctx);
  const objects: RenderedObject[] = [];
  const problems: string[] = [];
  for (const chart of ctx.outputCharts) {
    try {
      objects.push(...chart.render());
    } catch (e) {
      if (!(e instanceof RenderError)) throw e;
      problems.push(...e.problems);
    }
  }
  problems.push(...sameObjectTwice(objects));
  if (problems.length > 0) throw new RenderError(problems);
  return { objects, ctx };
}

/**
 * Two rendered objects with the same API group, kind, namespace and name are one object in the
 * cluster: two Flux Kustomizations would fight over it and prune it from each other.
 */
function sameObjectTwice(objects: readonly RenderedObject[]): string[] {
  const seen = new Map<string, RenderedObject>();
  const problems: string[] = [];
  for (const o of objects) {
    const m = o.manifest as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
    const group = String(m.apiVersion).includes('/') ? String(m.apiVersion).split('/')[0] : 'core';
    const key = `${group} ${m.kind} ${m.metadata?.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata?.name}`;
    const first = seen.get(key);
    if (!first) seen.set(key, o);
    else problems.push(`${key} is rendered twice: in ${first.folder}/ (from ${first.sources.join(', ')}) and in ${o.folder}/ (from ${o.sources.join(', ')})`);
  }
  return problems;
}

/**
 * `validate --charts DIR`: renders every HelmRelease of out/ with its pinned chart, validates what the charts render,
 * and checks the links between the platform's objects and the charts' (LINK_CHECKS).
 */
import type { ObjectProblem } from '../../commands/validate.js';
import type { OutObject } from '../../out-tree.js';
import type { CelStats } from '../cel-rules.js';
import { CrdIndex } from '../crd-index.js';
import { BUILT_IN_GROUPS, splitApiVersion } from '../crd-validator.js';
import { clusterLinks } from '../links/link-index.js';
import { LINK_CHECKS } from '../links/link-checks.js';
import type { LinkCheck } from '../links/link-index.js';
import type { FieldCheck } from '../built-in-fields.js';
import { addChartCrds, chartOutObjects, validateChartObjects } from './chart-objects.js';
import { chartReleasesOf } from './chart-releases.js';
import { type RenderedRelease, chartArchive, renderReleases } from './helm-template.js';

export interface ChartValidationOptions {
  readonly chartsDir: string;
  /** CRDs from `--crds`; chart CRDs are added to it. @default - an index of the charts' CRDs only */
  readonly crds?: CrdIndex;
  readonly helm?: string;
  readonly concurrency?: number;
  readonly cel: CelStats;
  /** Strict fields of built-in kinds (`loadBuiltInFieldCheck`). @default - types and required fields only */
  readonly fieldCheck?: FieldCheck;
  /** What helm is told the cluster serves besides Kubernetes. @default fleetApiVersions(objects, crds) */
  readonly apiVersions?: readonly string[];
  /** @default LINK_CHECKS */
  readonly linkChecks?: readonly LinkCheck[];
}

/** One line of the per-release summary. */
export interface ReleaseSummary {
  readonly cluster: string;
  readonly release: string;
  readonly archive: string;
  readonly status: RenderedRelease['status'];
  readonly objects: number;
  readonly problems: number;
  readonly milliseconds: number;
}

export interface ChartValidationReport {
  readonly releases: readonly ReleaseSummary[];
  readonly objects: number;
  readonly problems: readonly ObjectProblem[];
  /** Wall time of the whole chart step, rendering and checks. */
  readonly milliseconds: number;
}

/**
 * The API versions helm is told the cluster serves, besides Kubernetes' own: every CRD version of `--crds`, and every
 * custom apiVersion out/ applies (both `group/version` and `group/version/Kind`, the two forms charts test).
 */
export function fleetApiVersions(objects: readonly OutObject[], crds: CrdIndex | undefined): string[] {
  const versions = new Set<string>();
  const add = (apiVersion: string, kind: string) => {
    if (BUILT_IN_GROUPS.has(splitApiVersion(apiVersion).group)) return;
    versions.add(apiVersion);
    versions.add(`${apiVersion}/${kind}`);
  };
  for (const served of crds?.servedVersions() ?? []) add(`${served.group}/${served.version}`, served.kind);
  for (const o of objects) add(String(o.object['apiVersion']), String(o.object['kind']));
  return [...versions].sort();
}

export async function validateCharts(objects: readonly OutObject[], options: ChartValidationOptions): Promise<ChartValidationReport> {
  const started = performance.now();
  const problems: ObjectProblem[] = [];
  const { releases, unresolved } = chartReleasesOf(objects);
  for (const u of unresolved) problems.push({ object: u.source, path: '', message: u.message });

  const rendered = await renderReleases(releases, {
    chartsDir: options.chartsDir,
    apiVersions: options.apiVersions ?? fleetApiVersions(objects, options.crds),
    helm: options.helm,
    concurrency: options.concurrency,
  });
  const crds = options.crds ?? new CrdIndex('(the charts)');
  const unrendered = new Map<string, Set<string>>();
  for (const r of rendered) {
    if (r.status === 'rendered') continue;
    const set = unrendered.get(r.release.cluster) ?? new Set<string>();
    set.add(r.release.namespace);
    unrendered.set(r.release.cluster, set);
    const what = `chart ${chartArchive(r.release.chart, r.release.version)} of release ${r.release.releaseName} in cluster ${r.release.cluster}`;
    problems.push({ object: r.release.source, path: r.status === 'missing' ? 'spec.chart' : 'spec.values', message: `${what}: ${r.message}` });
  }
  for (const r of rendered) addChartCrds(r, crds);
  const chartObjects = rendered.flatMap((r) => chartOutObjects(r, crds));
  problems.push(...(await validateChartObjects(chartObjects, crds, options.crds !== undefined, options.cel, options.fieldCheck)));

  for (const cluster of clusterLinks([...objects, ...chartObjects], unrendered)) {
    for (const check of options.linkChecks ?? LINK_CHECKS) problems.push(...check.run(cluster));
  }

  const summaries = rendered.map((r): ReleaseSummary => {
    const prefix = r.release.source.path;
    return {
      cluster: r.release.cluster,
      release: r.release.name,
      archive: chartArchive(r.release.chart, r.release.version),
      status: r.status,
      objects: r.objects.length,
      problems: problems.filter((p) => p.object.path === prefix || p.object.path.startsWith(`${prefix} > `)).length,
      milliseconds: r.milliseconds,
    };
  });
  return { releases: summaries, objects: chartObjects.length, problems, milliseconds: Math.round(performance.now() - started) };
}

/** `chart <cluster>/<release>: <archive>: N objects, M problems, 1.2s` (or `not rendered`). */
export function formatReleaseSummary(s: ReleaseSummary): string {
  const state = s.status === 'rendered' ? `${s.objects} objects` : s.status === 'missing' ? 'chart missing' : 'helm failed';
  return `chart ${s.cluster}/${s.release}: ${s.archive}: ${state}, ${s.problems} problems, ${(s.milliseconds / 1000).toFixed(1)}s`;
}

/**
 * The HelmReleases of a rendered tree, resolved to what `helm template` needs: the chart and its pinned version
 * (from the release's `chart.spec` or from the OCIRepository its `chartRef` names), the release name, the target
 * namespace, the values, and the Kubernetes version of the cluster it installs into.
 */
import type { OutObject } from '../../out-tree.js';
import { rec, str } from '../_fields.js';

/** One HelmRelease of out/, ready to be rendered with its chart. */
export interface ChartRelease {
  /** The HelmRelease as read from out/ (problems about the release are tied to it). */
  readonly source: OutObject;
  readonly cluster: string;
  /** `metadata.name` of the HelmRelease. */
  readonly name: string;
  /** `spec.releaseName`, else the HelmRelease name (Flux's default when no target namespace is set). */
  readonly releaseName: string;
  /** `spec.targetNamespace`, else the HelmRelease's own namespace. */
  readonly namespace: string;
  readonly chart: string;
  readonly version: string;
  /** Where the chart is published: the `oci://` URL of the chart, or the URL of its Helm repository. */
  readonly repository: string;
  readonly values: Record<string, unknown>;
  /** `major.minor` of the cluster's EKS control plane, when out/<cluster>/infra renders it. */
  readonly kubeVersion: string | undefined;
}

/** A HelmRelease that cannot be resolved to a chart and version: a problem, not a crash. */
export interface UnresolvedRelease {
  readonly source: OutObject;
  readonly message: string;
}


/** The API group of the EKS control plane managed resource the infra layer renders. */
const EKS_CLUSTER_API = 'eks.aws.m.upbound.io/';

/**
 * Resolves every HelmRelease of `objects`. A `chartRef` is looked up among the OCIRepositories of the same cluster and
 * namespace (the only place Flux looks under `--no-cross-namespace-refs`).
 */
export function chartReleasesOf(objects: readonly OutObject[]): { releases: ChartRelease[]; unresolved: UnresolvedRelease[] } {
  const sources = new Map<string, Record<string, unknown>>();
  const kubeVersions = new Map<string, string>();
  for (const o of objects) {
    const { kind, apiVersion } = o.object;
    const meta = rec(o.object['metadata']);
    if (kind === 'OCIRepository' || kind === 'HelmRepository') sources.set(`${o.cluster}/${kind}/${str(meta['namespace'])}/${str(meta['name'])}`, o.object);
    if (kind === 'Cluster' && String(apiVersion).startsWith(EKS_CLUSTER_API)) {
      const version = str(rec(rec(o.object['spec'])['forProvider'])['version']);
      if (version) kubeVersions.set(o.cluster, version);
    }
  }
  const releases: ChartRelease[] = [];
  const unresolved: UnresolvedRelease[] = [];
  for (const o of objects) {
    if (o.object['kind'] !== 'HelmRelease') continue;
    const meta = rec(o.object['metadata']);
    const spec = rec(o.object['spec']);
    const name = str(meta['name']) ?? '';
    const ownNamespace = str(meta['namespace']) ?? 'default';
    const chartSpec = rec(rec(spec['chart'])['spec']);
    const chartRef = rec(spec['chartRef']);
    let chart: string | undefined;
    let version: string | undefined;
    let repository = '';
    if (str(chartSpec['chart'])) {
      chart = str(chartSpec['chart']);
      version = str(chartSpec['version']);
      const ref = rec(chartSpec['sourceRef']);
      const source = sources.get(`${o.cluster}/${str(ref['kind'])}/${str(ref['namespace']) ?? ownNamespace}/${str(ref['name'])}`);
      repository = str(rec(source?.['spec'])['url']) ?? '';
    } else if (chartRef['kind'] === 'OCIRepository') {
      const refName = str(chartRef['name']) ?? '';
      const source = sources.get(`${o.cluster}/OCIRepository/${str(chartRef['namespace']) ?? ownNamespace}/${refName}`);
      if (!source) {
        unresolved.push({ source: o, message: `spec.chartRef: OCIRepository "${refName}" is not rendered in this cluster` });
        continue;
      }
      const sourceSpec = rec(source['spec']);
      repository = str(sourceSpec['url']) ?? '';
      chart = repository.split('/').pop();
      version = str(rec(sourceSpec['ref'])['tag']);
    }
    if (!chart || !version) {
      unresolved.push({ source: o, message: 'spec: names no chart with an exact version (chart.spec.chart/version or a chartRef to an OCIRepository with ref.tag)' });
      continue;
    }
    releases.push({
      source: o,
      cluster: o.cluster,
      name,
      releaseName: str(spec['releaseName']) ?? name,
      namespace: str(spec['targetNamespace']) ?? ownNamespace,
      chart,
      version,
      repository,
      values: rec(spec['values']),
      kubeVersion: kubeVersions.get(o.cluster),
    });
  }
  return { releases, unresolved };
}

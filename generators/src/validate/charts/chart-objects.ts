/**
 * What the charts render, validated the way out/ is: built-in kinds against the Kubernetes schemas, custom resources
 * against the CRDs (those from `--crds` and those the charts ship themselves).
 */
import type { FieldCheck } from '../built-in-fields.js';
import { CLUSTER_SCOPED_BUILT_IN_KINDS, validateBuiltInManifest } from '@platform/platform';
import type { OutObject } from '../../out-tree.js';
import type { ObjectProblem } from '../../commands/validate.js';
import type { CelStats } from '../cel-rules.js';
import type { CrdIndex } from '../crd-index.js';
import { BUILT_IN_GROUPS, splitApiVersion, validateAgainstCrds } from '../crd-validator.js';
import type { RenderedRelease } from './helm-template.js';

/**
 * The objects of a rendered release as objects of the tree: each named after the HelmRelease file and the chart
 * template (`out/<cluster>/addons/x/helmrelease-x.yaml > x/templates/y.yaml`), and placed in the release namespace
 * when it is namespaced and names none, as Helm installs it.
 */
export function chartOutObjects(rendered: RenderedRelease, crds: CrdIndex): OutObject[] {
  const { release } = rendered;
  return rendered.objects.map(({ object, template }) => {
    const meta = (object['metadata'] ?? {}) as Record<string, unknown>;
    const placed =
      meta['namespace'] === undefined && isNamespaced(object, crds) ? { ...object, metadata: { ...meta, namespace: release.namespace } } : object;
    return { cluster: release.cluster, path: `${release.source.path} > ${template}`, layer: release.source.layer, object: placed, release: release.name };
  });
}

function isNamespaced(object: Record<string, unknown>, crds: CrdIndex): boolean {
  const apiVersion = String(object['apiVersion']);
  const kind = String(object['kind']);
  if (BUILT_IN_GROUPS.has(splitApiVersion(apiVersion).group)) return !CLUSTER_SCOPED_BUILT_IN_KINDS.has(kind);
  return crds.lookup(apiVersion, kind)?.scope !== 'Cluster';
}

/** Adds every CustomResourceDefinition a chart renders to the index (named after its archive), so its custom resources validate too. */
export function addChartCrds(rendered: RenderedRelease, crds: CrdIndex): void {
  for (const { object } of rendered.objects) {
    if (object['kind'] === 'CustomResourceDefinition' && object['apiVersion'] === 'apiextensions.k8s.io/v1') crds.add(object, rendered.archive);
  }
}

/**
 * Validates chart objects: built-in kinds with their Kubernetes schema (strict fields with `fieldCheck`), custom resources against `crds`. A custom
 * resource whose CRD is in neither `--crds` nor a chart is reported only when `strictCrds` (a `--crds` folder was given).
 */
export async function validateChartObjects(
  objects: readonly OutObject[],
  crds: CrdIndex,
  strictCrds: boolean,
  cel: CelStats,
  fieldCheck?: FieldCheck,
): Promise<ObjectProblem[]> {
  const problems: ObjectProblem[] = [];
  for (const object of objects) {
    const { group } = splitApiVersion(String(object.object['apiVersion']));
    if (BUILT_IN_GROUPS.has(group)) {
      for (const message of await validateBuiltInManifest(object.object)) problems.push({ object, path: '', message });
      for (const message of fieldCheck?.(object.object) ?? []) problems.push({ object, path: '', message });
    } else if (strictCrds || crds.lookup(String(object.object['apiVersion']), String(object.object['kind']))) {
      for (const p of validateAgainstCrds(crds, object.object, cel)) problems.push({ object, ...p });
    }
  }
  return problems;
}

import type { OutObject } from '../../../src/out-tree.js';
import { ClusterLinks } from '../../../src/validate/links/link-index.js';

/** An object of cluster `staging`, as read from out/ (or, with `release`, as a chart renders it). */
export function obj(apiVersion: string, kind: string, namespace: string, name: string, rest: Record<string, unknown> = {}, release?: string): OutObject {
  const metadata = { name, ...(namespace ? { namespace } : {}), ...((rest['metadata'] as object | undefined) ?? {}) };
  const path = release ? `out/staging/addons/${release}/helmrelease-${release}.yaml > ${release}/templates/x.yaml` : `out/staging/x/${kind.toLowerCase()}-${name}.yaml`;
  return { cluster: 'staging', path, layer: 'x', object: { apiVersion, kind, ...rest, metadata }, ...(release ? { release } : {}) };
}

/** The cluster's links, with namespaces whose chart was not rendered. */
export const links = (objects: OutObject[], unrendered: string[] = []) => new ClusterLinks('staging', objects, new Set(unrendered));

/** A Deployment whose pod spec is `pod`. */
export const deployment = (namespace: string, name: string, pod: Record<string, unknown>) =>
  obj('apps/v1', 'Deployment', namespace, name, { spec: { selector: {}, template: { spec: { containers: [{ name: 'c', image: 'i' }], ...pod } } } });

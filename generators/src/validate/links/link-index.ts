/**
 * What one cluster will hold once Flux has applied out/ and helm-controller has installed every chart: the objects of
 * both, by kind, namespace and name, and the Secrets and ConfigMaps that something produces. The link checks ask it
 * whether a reference resolves.
 */
import { ADDONS, BOOTSTRAP_PREREQUISITES, CROSSPLANE } from '@platform/platform';
import type { OutObject } from '../../out-tree.js';
import type { ObjectProblem } from '../../commands/validate.js';
import { rec, str } from '../_fields.js';

/** A reference from one object to another that must exist. */
export interface Reference {
  readonly kind: string;
  /** '' for a cluster-scoped kind. */
  readonly namespace: string;
  readonly name: string;
  /** Field path of the reference in the referring object, e.g. `spec.template.spec.volumes[0].secret.secretName`. */
  readonly path: string;
}


export const metaOf = (o: OutObject) => {
  const m = rec(o.object['metadata']);
  return { name: str(m['name']) ?? '', namespace: str(m['namespace']) ?? '', labels: rec(m['labels']), annotations: rec(m['annotations']) };
};

/** Kubernetes creates this ConfigMap in every namespace. */
const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

const key = (kind: string, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

export class ClusterLinks {
  readonly #objects = new Map<string, OutObject>();
  readonly #byKind = new Map<string, OutObject[]>();
  readonly #produced = new Map<string, string>();
  /** Namespaces whose chart was not rendered: what lives there is unknown, so references into them are not judged. */
  readonly #unknown: ReadonlySet<string>;

  constructor(
    readonly cluster: string,
    readonly objects: readonly OutObject[],
    unrenderedNamespaces: ReadonlySet<string>,
  ) {
    this.#unknown = unrenderedNamespaces;
    for (const o of objects) {
      const { name, namespace } = metaOf(o);
      const kind = String(o.object['kind']);
      this.#objects.set(key(kind, namespace, name), o);
      const ofKind = this.#byKind.get(kind);
      if (ofKind) ofKind.push(o);
      else this.#byKind.set(kind, [o]);
      this.#produced.set(key(kind, namespace, name), o.path);
      for (const p of producedObjects(o)) this.#produced.set(key(p.kind, p.namespace, p.name), o.path);
    }
    for (const p of BOOTSTRAP_PREREQUISITES) this.#produced.set(key(p.kind, p.namespace, p.name), `bootstrap prerequisite (${p.madeBy})`);
    for (const addon of ADDONS) {
      for (const name of addon.runtimeSecrets ?? []) this.#produced.set(key('Secret', addon.namespace, name), `made at run time by ${addon.name}`);
    }
  }

  /** The object of that kind, namespace ('' when cluster-scoped) and name, if out/ or a chart renders it. */
  get(kind: string, namespace: string, name: string): OutObject | undefined {
    return this.#objects.get(key(kind, namespace, name));
  }

  /** Every object of a kind. */
  ofKind(kind: string): readonly OutObject[] {
    return this.#byKind.get(kind) ?? [];
  }

  /** Whether what lives in the namespace is known (its chart, if any, was rendered). */
  knows(namespace: string): boolean {
    return !this.#unknown.has(namespace);
  }

  /**
   * Whether an object will exist: rendered by out/ or a chart, made by a controller from an object of either, made
   * by an add-on at run time, or a bootstrap prerequisite.
   */
  produces(kind: string, namespace: string, name: string): boolean {
    return (kind === 'ConfigMap' && name === ROOT_CA_CONFIGMAP) || this.#produced.has(key(kind, namespace, name));
  }

  /** A problem about `object` at a reference's path. */
  problem(object: OutObject, ref: Pick<Reference, 'path'>, message: string): ObjectProblem {
    return { object, path: ref.path, message };
  }
}

/**
 * Objects that a controller makes from an object: an ExternalSecret's target Secret, a cert-manager Certificate's
 * Secret, a Crossplane managed resource's connection Secret (all in the object's namespace), and the ServiceAccount
 * of a Crossplane DeploymentRuntimeConfig (in Crossplane's namespace, where the provider pods run).
 */
function producedObjects(o: OutObject): Omit<Reference, 'path'>[] {
  const kind = o.object['kind'];
  const spec = rec(o.object['spec']);
  const apiVersion = String(o.object['apiVersion']);
  const { name, namespace } = metaOf(o);
  const secret = (n: string | undefined) => (n ? [{ kind: 'Secret', namespace, name: n }] : []);
  if (kind === 'ExternalSecret') return secret(str(rec(spec['target'])['name']) ?? name);
  if (kind === 'Certificate' && apiVersion.startsWith('cert-manager.io/')) return secret(str(spec['secretName']));
  if (kind === 'DeploymentRuntimeConfig' && apiVersion.startsWith('pkg.crossplane.io/')) {
    const account = str(rec(rec(spec['serviceAccountTemplate'])['metadata'])['name']);
    return account ? [{ kind: 'ServiceAccount', namespace: CROSSPLANE.namespace, name: account }] : [];
  }
  return secret(str(rec(spec['writeConnectionSecretToRef'])['name']));
}

/** Every object of the tree grouped by cluster, with the namespaces each cluster's unrendered charts would fill. */
export function clusterLinks(objects: readonly OutObject[], unrendered: ReadonlyMap<string, ReadonlySet<string>>): ClusterLinks[] {
  const byCluster = new Map<string, OutObject[]>();
  for (const o of objects) {
    const l = byCluster.get(o.cluster) ?? [];
    l.push(o);
    byCluster.set(o.cluster, l);
  }
  return [...byCluster].map(([cluster, list]) => new ClusterLinks(cluster, list, unrendered.get(cluster) ?? new Set()));
}

/** A check of the links between the platform's objects and the charts' objects, run per cluster. */
export interface LinkCheck {
  readonly name: string;
  run(cluster: ClusterLinks): ObjectProblem[];
}

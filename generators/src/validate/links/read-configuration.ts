/**
 * Every Secret and ConfigMap that a pod template mounts or reads, and that a Flux or Prometheus object reads, is
 * produced: by out/, by a chart, by an ExternalSecret, a Certificate or a Crossplane connection secret, by an add-on's
 * own controller, or it is a bootstrap prerequisite. Otherwise the pod never starts, or the Provider never posts.
 * References marked `optional: true` are not required.
 */
import type { ObjectProblem } from '../../commands/validate.js';
import { type ClusterLinks, type LinkCheck, type Reference, metaOf } from './link-index.js';
import { list, rec, str } from '../_fields.js';
import { podSpecOf } from '../pod-spec.js';

/**
 * Secret and ConfigMap name fields of custom resources whose controllers read them, by kind: `secrets` are names of
 * Secrets, `configMaps` of ConfigMaps; each path is dotted, `[]` marks a list of names.
 */
const CUSTOM_RESOURCE_REFERENCES: Readonly<Record<string, { readonly secrets?: readonly string[]; readonly configMaps?: readonly string[] }>> = {
  'notification.toolkit.fluxcd.io/Provider': { secrets: ['spec.secretRef.name', 'spec.certSecretRef.name'] },
  'source.toolkit.fluxcd.io/HelmRepository': { secrets: ['spec.secretRef.name'] },
  'source.toolkit.fluxcd.io/OCIRepository': { secrets: ['spec.secretRef.name'] },
  'source.toolkit.fluxcd.io/GitRepository': { secrets: ['spec.secretRef.name'] },
  'monitoring.coreos.com/Prometheus': { secrets: ['spec.thanos.objectStorageConfig.name', 'spec.secrets[]'], configMaps: ['spec.configMaps[]'] },
  'monitoring.coreos.com/Alertmanager': { secrets: ['spec.configSecret', 'spec.secrets[]'], configMaps: ['spec.configMaps[]'] },
};

/** The Secrets and ConfigMaps one object reads, with the path of each reference. */
export function configurationReferences(object: Record<string, unknown>, namespace: string): Reference[] {
  const kind = String(object['kind']);
  const refs: Reference[] = [];
  const add = (refKind: 'Secret' | 'ConfigMap', name: unknown, path: string, optional?: unknown) => {
    if (typeof name === 'string' && name !== '' && optional !== true) refs.push({ kind: refKind, namespace, name, path });
  };
  const podSpec = podSpecOf(object);
  if (podSpec) {
    const { spec: pod, at } = podSpec;
    list(rec(pod)['volumes']).forEach((v, i) => {
      const volume = rec(v);
      const secret = rec(volume['secret']);
      add('Secret', secret['secretName'], `${at}.volumes[${i}].secret.secretName`, secret['optional']);
      const configMap = rec(volume['configMap']);
      add('ConfigMap', configMap['name'], `${at}.volumes[${i}].configMap.name`, configMap['optional']);
      list(rec(volume['projected'])['sources']).forEach((s, j) => {
        const source = rec(s);
        add('Secret', rec(source['secret'])['name'], `${at}.volumes[${i}].projected.sources[${j}].secret.name`, rec(source['secret'])['optional']);
        add('ConfigMap', rec(source['configMap'])['name'], `${at}.volumes[${i}].projected.sources[${j}].configMap.name`, rec(source['configMap'])['optional']);
      });
    });
    list(rec(pod)['imagePullSecrets']).forEach((s, i) => add('Secret', rec(s)['name'], `${at}.imagePullSecrets[${i}].name`));
    for (const field of ['initContainers', 'containers']) {
      list(rec(pod)[field]).forEach((c, i) => {
        const container = `${at}.${field}[${i}]`;
        list(rec(c)['env']).forEach((e, j) => {
          const from = rec(rec(e)['valueFrom']);
          const s = rec(from['secretKeyRef']);
          add('Secret', s['name'], `${container}.env[${j}].valueFrom.secretKeyRef.name`, s['optional']);
          const m = rec(from['configMapKeyRef']);
          add('ConfigMap', m['name'], `${container}.env[${j}].valueFrom.configMapKeyRef.name`, m['optional']);
        });
        list(rec(c)['envFrom']).forEach((e, j) => {
          const s = rec(rec(e)['secretRef']);
          add('Secret', s['name'], `${container}.envFrom[${j}].secretRef.name`, s['optional']);
          const m = rec(rec(e)['configMapRef']);
          add('ConfigMap', m['name'], `${container}.envFrom[${j}].configMapRef.name`, m['optional']);
        });
      });
    }
    return refs;
  }
  const group = String(object['apiVersion']).split('/')[0];
  const fields = CUSTOM_RESOURCE_REFERENCES[`${group}/${kind}`];
  if (!fields) return refs;
  for (const [refKind, paths] of [['Secret', fields.secrets ?? []], ['ConfigMap', fields.configMaps ?? []]] as const) {
    for (const path of paths) {
      const names = path.endsWith('[]') ? list(valueAt(object, path.slice(0, -2))) : [valueAt(object, path)];
      names.forEach((n, i) => add(refKind, str(n), path.endsWith('[]') ? `${path.slice(0, -2)}[${i}]` : path));
    }
  }
  return refs;
}

const valueAt = (object: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => rec(v)[k], object);

export const readConfiguration: LinkCheck = {
  name: 'Secrets and ConfigMaps read',
  run(cluster: ClusterLinks): ObjectProblem[] {
    const problems: ObjectProblem[] = [];
    for (const object of cluster.objects) {
      const namespace = metaOf(object).namespace;
      for (const ref of configurationReferences(object.object, namespace)) {
        if (!cluster.knows(ref.namespace) || cluster.produces(ref.kind, ref.namespace, ref.name)) continue;
        problems.push(
          cluster.problem(
            object,
            ref,
            `reads ${ref.kind} ${ref.namespace}/${ref.name}, which nothing produces in cluster ${cluster.cluster} ` +
              `(not out/, a chart, an ExternalSecret, a Certificate, a connection secret, nor a bootstrap prerequisite)`,
          ),
        );
      }
    }
    return problems;
  },
};

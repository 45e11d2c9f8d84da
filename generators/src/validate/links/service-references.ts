/**
 * Every IngressClass and Service that out/ points at exists: an Ingress's class (or a default class when it names
 * none) and backend Services and ports, the Services of APIServices and admission and conversion webhooks, and every
 * `<service>.<namespace>.svc` address written into a HelmRelease's values.
 */
import type { ObjectProblem } from '../../commands/validate.js';
import type { OutObject } from '../../out-tree.js';
import { type ClusterLinks, type LinkCheck, type Reference, metaOf } from './link-index.js';
import { list, rec, str } from '../_fields.js';

/** A Service reference, with the port it must have when one is named. */
interface ServiceReference extends Reference {
  readonly port?: string | number;
}

const SERVICE_ADDRESS = /(?:^|[^a-z0-9-])([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.svc\b/g;

/** The Services (and IngressClasses) one object points at. */
export function serviceReferences(object: Record<string, unknown>, namespace: string): ServiceReference[] {
  const kind = object['kind'];
  const spec = rec(object['spec']);
  const refs: ServiceReference[] = [];
  const backend = (b: unknown, path: string) => {
    const service = rec(rec(b)['service']);
    const name = str(service['name']);
    const port = rec(service['port']);
    if (name) refs.push({ kind: 'Service', namespace, name, path: `${path}.service.name`, port: str(port['name']) ?? (port['number'] as number | undefined) });
  };
  const clientConfig = (c: unknown, path: string) => {
    const service = rec(rec(c)['service']);
    const name = str(service['name']);
    if (name) refs.push({ kind: 'Service', namespace: str(service['namespace']) ?? namespace, name, path: `${path}.service.name` });
  };
  if (kind === 'Ingress') {
    const className = str(spec['ingressClassName']) ?? str(rec(rec(object['metadata'])['annotations'])['kubernetes.io/ingress.class']);
    refs.push({ kind: 'IngressClass', namespace: '', name: className ?? '', path: 'spec.ingressClassName' });
    if (spec['defaultBackend']) backend(spec['defaultBackend'], 'spec.defaultBackend');
    list(spec['rules']).forEach((r, i) =>
      list(rec(rec(r)['http'])['paths']).forEach((p, j) => backend(rec(p)['backend'], `spec.rules[${i}].http.paths[${j}].backend`)),
    );
  } else if (kind === 'APIService') {
    const service = rec(spec['service']);
    const name = str(service['name']);
    if (name) refs.push({ kind: 'Service', namespace: str(service['namespace']) ?? '', name, path: 'spec.service.name' });
  } else if (kind === 'ValidatingWebhookConfiguration' || kind === 'MutatingWebhookConfiguration') {
    list(object['webhooks']).forEach((w, i) => clientConfig(rec(w)['clientConfig'], `webhooks[${i}].clientConfig`));
  } else if (kind === 'CustomResourceDefinition') {
    clientConfig(rec(rec(spec['conversion'])['webhook'])['clientConfig'], 'spec.conversion.webhook.clientConfig');
  } else if (kind === 'HelmRelease') {
    walkStrings(spec['values'], 'spec.values', (text, path) => {
      for (const m of text.matchAll(SERVICE_ADDRESS)) refs.push({ kind: 'Service', namespace: m[2]!, name: m[1]!, path });
    });
  }
  return refs;
}

function walkStrings(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, `${path}.${k}`, visit);
}

const isDefaultClass = (o: OutObject) => metaOf(o).annotations['ingressclass.kubernetes.io/is-default-class'] === 'true';

function servicePorts(service: OutObject): (string | number)[] {
  return list(rec(service.object['spec'])['ports']).flatMap((p) => [str(rec(p)['name']), rec(p)['port'] as number].filter((x) => x !== undefined));
}

export const serviceReferencesExist: LinkCheck = {
  name: 'IngressClasses and Services pointed at',
  run(cluster: ClusterLinks): ObjectProblem[] {
    const problems: ObjectProblem[] = [];
    const classes = cluster.ofKind('IngressClass');
    for (const object of cluster.objects) {
      for (const ref of serviceReferences(object.object, metaOf(object).namespace)) {
        if (ref.kind === 'IngressClass') {
          // Classes come from charts: without any, the cluster's ingress chart was not rendered.
          if (classes.length === 0) continue;
          if (ref.name === '' && !classes.some(isDefaultClass)) {
            problems.push(cluster.problem(object, ref, `names no IngressClass and cluster ${cluster.cluster} has no default IngressClass`));
          } else if (ref.name !== '' && !cluster.get('IngressClass', '', ref.name)) {
            const known = classes.map((c) => metaOf(c).name).sort().join(', ');
            problems.push(cluster.problem(object, ref, `names IngressClass "${ref.name}", which does not exist in cluster ${cluster.cluster}; allowed: ${known}`));
          }
          continue;
        }
        if (!cluster.knows(ref.namespace)) continue;
        const service = cluster.get('Service', ref.namespace, ref.name);
        if (!service) {
          problems.push(cluster.problem(object, ref, `points at Service ${ref.namespace}/${ref.name}, which neither out/ nor any chart creates in cluster ${cluster.cluster}`));
        } else if (ref.port !== undefined && !servicePorts(service).includes(ref.port)) {
          problems.push(
            cluster.problem(object, ref, `points at port ${ref.port} of Service ${ref.namespace}/${ref.name}, which has ports ${servicePorts(service).join(', ')}`),
          );
        }
      }
    }
    return problems;
  },
};

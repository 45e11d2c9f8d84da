/**
 * Every EKS Pod Identity association, and every IAM role trusting a cluster's OIDC provider (IRSA), names a
 * ServiceAccount that out/ or a chart creates in that namespace: otherwise the role is given to nobody, and the add-on
 * or workload runs without AWS credentials.
 */
import type { ObjectProblem } from '../../commands/validate.js';
import { type ClusterLinks, type LinkCheck, type Reference } from './link-index.js';
import { list, rec, str } from '../_fields.js';

const SERVICE_ACCOUNT_SUBJECT = /^system:serviceaccount:([^:*?]+):([^:*?]+)$/;

/** The ServiceAccounts an object gives AWS credentials to. */
export function identityReferences(object: Record<string, unknown>): Reference[] {
  const kind = object['kind'];
  const apiVersion = String(object['apiVersion']);
  const forProvider = rec(rec(object['spec'])['forProvider']);
  if (kind === 'PodIdentityAssociation' && apiVersion.startsWith('eks.aws')) {
    const namespace = str(forProvider['namespace']);
    const name = str(forProvider['serviceAccount']);
    return namespace && name ? [{ kind: 'ServiceAccount', namespace, name, path: 'spec.forProvider.serviceAccount' }] : [];
  }
  if (kind === 'Role' && apiVersion.startsWith('iam.aws')) {
    let policy: unknown;
    try {
      policy = JSON.parse(str(forProvider['assumeRolePolicy']) ?? '{}');
    } catch {
      return [];
    }
    const refs: Reference[] = [];
    for (const statement of list(rec(policy)['Statement'])) {
      for (const [operator, conditions] of Object.entries(rec(rec(statement)['Condition']))) {
        if (!operator.startsWith('String')) continue;
        for (const [condition, values] of Object.entries(rec(conditions))) {
          if (!condition.endsWith(':sub')) continue;
          for (const subject of Array.isArray(values) ? values : [values]) {
            const m = SERVICE_ACCOUNT_SUBJECT.exec(String(subject));
            if (m) refs.push({ kind: 'ServiceAccount', namespace: m[1]!, name: m[2]!, path: 'spec.forProvider.assumeRolePolicy' });
          }
        }
      }
    }
    return refs;
  }
  return [];
}

export const podIdentityServiceAccounts: LinkCheck = {
  name: 'Pod Identity and IRSA ServiceAccounts',
  run(cluster: ClusterLinks): ObjectProblem[] {
    const problems: ObjectProblem[] = [];
    for (const object of cluster.objects) {
      for (const ref of identityReferences(object.object)) {
        if (!cluster.knows(ref.namespace) || cluster.produces('ServiceAccount', ref.namespace, ref.name)) continue;
        problems.push(
          cluster.problem(object, ref, `names ServiceAccount ${ref.namespace}/${ref.name}, which neither out/ nor any chart creates in cluster ${cluster.cluster}`),
        );
      }
    }
    return problems;
  },
};

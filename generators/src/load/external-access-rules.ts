import { resourceCovers } from '@platform/platform';
import type { Cluster } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import type { Loaded } from '../model.js';
import { fleetAppsOf } from '../fleet-index.js';

/**
 * A cluster's `tenancy.externalAccess` entries have unique names, and `*` as a resource only alone and with the
 * reason it cannot be scoped (`anyResourceBecause`), which no scoped entry carries.
 */
export const clusterExternalAccess: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) => {
    const problems: Diagnostic[] = [];
    const seen = new Set<string>();
    c.spec.tenancy.externalAccess.forEach((e, i) => {
      const at = ['tenancy', 'externalAccess', i];
      if (seen.has(e.name)) problems.push(c.source.problem([...at, 'name'], `duplicate entry "${e.name}"; allowed: each name once`));
      seen.add(e.name);
      const any = e.resources.includes('*');
      if (any && e.resources.length > 1) {
        problems.push(c.source.problem([...at, 'resources'], `found "*" among ARNs; allowed: ARNs, or "*" alone for actions AWS cannot scope to a resource`));
      } else if (any && !e.anyResourceBecause) {
        problems.push(c.source.problem([...at, 'resources'], `found "*" without anyResourceBecause; allowed: ARNs, or "*" with anyResourceBecause saying why ${e.actions.join(', ')} cannot be scoped`));
      } else if (!any && e.anyResourceBecause) {
        problems.push(c.source.problem([...at, 'anyResourceBecause'], `found a reason for "*" on an entry scoped to ARNs; allowed: anyResourceBecause only with resources: ["*"]`));
      }
    });
    return problems;
  });

/**
 * A tenant's `aws.externalAccess` names, once each, an entry of `tenancy.externalAccess` in the file of every cluster
 * it runs in, asks for no action and no resource that the entry does not permit there, and gives it only to its own
 * workload ServiceAccounts.
 */
export const tenantExternalAccess: FleetRule = (fleet) => {
  const clusters = new Map<string, Loaded<Cluster>>(fleet.clusters.map((c) => [c.spec.name, c]));
  const problems: Diagnostic[] = [];
  for (const t of fleet.tenants) {
    const seen = new Set<string>();
    const ref = (namespace: string, name: string) => (namespace === '' ? name : `${namespace}/${name}`);
    const workloads = [
      ...t.spec.aws.serviceAccounts.map((sa) => ref(sa.namespace, sa.name)),
      ...fleetAppsOf(fleet, t.spec.name).filter((a) => a.spec.serviceAccount?.awsAccess).map((a) => ref(a.spec.namespace ?? '', a.spec.name)),
    ];
    t.spec.aws.externalAccess.forEach((pick, i) => {
      const at = ['aws', 'externalAccess', i];
      if (seen.has(pick.name)) problems.push(t.source.problem([...at, 'name'], `duplicate entry "${pick.name}"; allowed: each entry once`));
      seen.add(pick.name);
      (pick.serviceAccounts ?? []).forEach((sa, j) => {
        if (!workloads.includes(sa)) {
          const allowed = [...new Set(workloads)].sort().join(', ') || 'none (declare aws.serviceAccounts, or serviceAccount.awsAccess in an app)';
          problems.push(t.source.problem([...at, 'serviceAccounts', j], `unknown workload ServiceAccount "${sa}"; allowed: ${allowed}`));
        }
      });
      for (const name of t.spec.clusters) {
        const c = clusters.get(name);
        if (!c) continue;
        const where = `cluster "${name}" (${c.source.path})`;
        const entries = c.spec.tenancy.externalAccess;
        const entry = entries.find((e) => e.name === pick.name);
        if (!entry) {
          const allowed = entries.map((e) => `"${e.name}"`).join(', ') || 'none (it declares no tenancy.externalAccess)';
          problems.push(t.source.problem([...at, 'name'], `unknown entry "${pick.name}" on ${where}; allowed: the entries of its tenancy.externalAccess: ${allowed}`));
          continue;
        }
        (pick.actions ?? []).forEach((a, j) => {
          if (!entry.actions.includes(a)) {
            problems.push(t.source.problem([...at, 'actions', j], `action ${a} is not in entry "${entry.name}" on ${where}; allowed: ${entry.actions.join(', ')}`));
          }
        });
        (pick.resources ?? []).forEach((r, j) => {
          if (!entry.resources.some((e) => resourceCovers(e, r))) {
            problems.push(t.source.problem([...at, 'resources', j], `resource ${r} is not covered by entry "${entry.name}" on ${where}; allowed: ${entry.resources.join(', ')} or narrower ARNs under them`));
          }
        });
      }
    });
  }
  return problems;
};

export const EXTERNAL_ACCESS_RULES: FleetRule[] = [clusterExternalAccess, tenantExternalAccess];

import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { TENANT_TAG } from './tenant-aws-env.js';

/** One entry of a cluster file's `tenancy.externalAccess`: AWS access outside the tenants' own resources, reviewed by the platform team. */
export interface ExternalAccessEntry {
  readonly name: string;
  readonly description: string;
  /** Named IAM actions (no wildcards). */
  readonly actions: readonly string[];
  /** ARNs, `*` standing for any characters; `['*']` only with `anyResourceBecause`. */
  readonly resources: readonly string[];
  /** Why the actions cannot be scoped to a resource. @default - `resources` may not be `*` */
  readonly anyResourceBecause?: string;
}

/** A tenant file's pick of an entry (`aws.externalAccess[]`): its name, and optionally a subset of its actions and resources. */
export interface ExternalAccessPick {
  readonly name: string;
  /** @default - every action of the entry */
  readonly actions?: readonly string[];
  /** @default - every resource of the entry */
  readonly resources?: readonly string[];
  /** The workload ServiceAccounts that get it, `<name>` or `<namespace suffix>/<name>`. @default - every workload role of the tenant */
  readonly serviceAccounts?: readonly string[];
}

/** What one tenant gets of one entry on one cluster: the entry, narrowed to the tenant's pick, and which of its roles get it. */
export interface ExternalAccessGrant extends ExternalAccessEntry {
  /** `<name>` or `<namespace suffix>/<name>`. @default - every workload role of the tenant */
  readonly serviceAccounts?: readonly string[];
}

/** The grants that the workload role of ServiceAccount `name` in the namespace with `suffix` ('' for the main one) gets. */
export function grantsOfServiceAccount(grants: readonly ExternalAccessGrant[], suffix: string, name: string): ExternalAccessGrant[] {
  const ref = suffix === '' ? name : `${suffix}/${name}`;
  return grants.filter((g) => g.serviceAccounts === undefined || g.serviceAccounts.includes(ref));
}

/**
 * True when the IAM resource pattern `entry` covers every ARN `arn` can match: `*` in the entry stands for any
 * characters (a `*` of `arn` included), `?` for one character that is not a wildcard, anything else for itself.
 */
export function resourceCovers(entry: string, arn: string): boolean {
  // memo[i][j]: entry from i covers arn from j.
  const memo = new Map<number, boolean>();
  const covers = (i: number, j: number): boolean => {
    const key = i * (arn.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === entry.length) result = j === arn.length;
    else if (entry[i] === '*') result = covers(i + 1, j) || (j < arn.length && covers(i, j + 1));
    else if (j === arn.length || arn[j] === '*' || arn[j] === '?') result = false;
    else result = (entry[i] === '?' || entry[i] === arn[j]) && covers(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return covers(0, 0);
}

/**
 * The tenant's grant of the entry its pick names: the pick's actions and resources, or the entry's when the pick
 * lists none. Throws when the pick asks for more than the entry permits (the loader reports that first, located).
 */
export function externalAccessGrant(entries: readonly ExternalAccessEntry[], pick: ExternalAccessPick): ExternalAccessGrant {
  const entry = entries.find((e) => e.name === pick.name);
  if (!entry) throw new Error(`'externalAccess' names "${pick.name}"; allowed: ${entries.map((e) => e.name).join(', ') || 'none (the cluster declares no tenancy.externalAccess)'}`);
  const actions = pick.actions ?? entry.actions;
  const resources = pick.resources ?? entry.resources;
  const action = actions.find((a) => !entry.actions.includes(a));
  if (action) throw new Error(`'externalAccess' "${pick.name}": action ${action} is not permitted; allowed: ${entry.actions.join(', ')}`);
  const resource = resources.find((r) => !entry.resources.some((e) => resourceCovers(e, r)));
  if (resource) throw new Error(`'externalAccess' "${pick.name}": resource ${resource} is not permitted; allowed: ${entry.resources.join(', ')}`);
  return { ...entry, actions: [...actions], resources: [...resources], ...(pick.serviceAccounts ? { serviceAccounts: [...pick.serviceAccounts] } : {}) };
}

/** `partner-exports` → `PartnerExports`: statement ids are letters and digits. */
const sidOf = (name: string) => `External${name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;

/** The workload policy's statements for a tenant's grants: one per entry, exactly the granted actions on the granted resources. */
export function externalAccessStatements(grants: readonly ExternalAccessEntry[]): PolicyStatement[] {
  return grants.map((g) => ({
    sid: sidOf(g.name),
    actions: [...g.actions],
    resources: [...g.resources],
    ...(g.resources.includes('*') ? { anyResourceBecause: g.anyResourceBecause ?? `${g.name}: the cluster file's tenancy.externalAccess allows '*'` } : {}),
  }));
}

/**
 * The permissions boundary's statements for every tenant's grants on a cluster (by AWS prefix): each distinct set of
 * actions on resources, allowed only to principals whose tenant tag is one of the tenants granted exactly that. A
 * tenant that names no entry, or names an entry with fewer actions or resources, gets nothing more through the boundary.
 */
export function externalAccessBoundaryStatements(byTenant: Readonly<Record<string, readonly ExternalAccessGrant[]>>): PolicyStatement[] {
  const groups = new Map<string, { grant: ExternalAccessGrant; tenants: string[] }>();
  for (const tenant of Object.keys(byTenant).sort()) {
    for (const grant of byTenant[tenant]!) {
      const key = JSON.stringify([grant.name, [...grant.actions].sort(), [...grant.resources].sort()]);
      const group = groups.get(key) ?? { grant, tenants: [] };
      group.tenants.push(tenant);
      groups.set(key, group);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, { grant, tenants }], i) => ({
    ...externalAccessStatements([grant])[0]!,
    sid: `${sidOf(grant.name)}${i + 1}`,
    condition: { StringEquals: { [`aws:PrincipalTag/${TENANT_TAG}`]: tenants.length === 1 ? tenants[0]! : tenants } },
  }));
}

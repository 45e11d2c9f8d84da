import type { ObservabilityTeam } from './_addon.js';

/**
 * @internal Who owns which logs and dashboards: one Loki tenant and one Grafana organisation per platform tenant,
 * both named after it, and one Loki tenant for everything else. fluent-bit, Loki, Grafana and the organisation sync
 * all derive from these, so they cannot disagree.
 */

/** The Loki tenant of every namespace that is no tenant's (the platform's add-ons, kube-system, flux-system, ...). */
export const PLATFORM_LOG_TENANT = 'platform';

/** The annotation on a pod template that changes, and so rolls the pods, when per-tenant configuration changes. */
export const TENANTS_HASH_ANNOTATION = 'platform.example.com/tenants-hash';

/** Every tenant namespace and the Loki tenant its logs go to, sorted by namespace. */
export function logTenantByNamespace(teams: readonly ObservabilityTeam[]): [namespace: string, tenant: string][] {
  const pairs = teams.flatMap((t) => t.namespaces.map((ns): [string, string] => [ns, t.name]));
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The Grafana role an owner team gets in its tenant's organisation. Dashboards are code (provisioned from Git, read-only),
 * so Editor adds Explore and scratch dashboards inside the team's own organisation, nothing outside it: teams that may
 * change the tenant's workloads (admin, edit) get it; view and catalog roles (e.g. read-only-logs) are Viewers.
 */
export const grafanaOrgRole = (ownerRole: string): 'Editor' | 'Viewer' => (ownerRole === 'admin' || ownerRole === 'edit' ? 'Editor' : 'Viewer');

/** The group Dex's GitHub connector puts a team in, as Grafana sees it: `<org>:<team-slug>` (EKS adds its own prefix, Grafana does not). */
export const dexTeamGroup = (team: string) => team.replace('/', ':');

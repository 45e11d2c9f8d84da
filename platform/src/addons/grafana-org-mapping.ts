import type { ObservabilityTeam } from './_addon.js';
import { dexTeamGroup, grafanaOrgRole } from './_log-tenancy.js';

/**
 * The ConfigMap (beside Grafana's release) with `auth.generic_oauth.org_mapping`, mounted as a file that grafana.ini
 * reads with `$__file{}`: per-tenant data that grows with the fleet stays out of the HelmRelease (Flux keeps values in
 * the object, etcd caps objects at ~1.5 MB), and out of the environment, where Linux caps one variable at 128 KiB (a
 * thousand tenants with long names need more).
 */
export const GRAFANA_ORG_MAPPING_CONFIGMAP = 'grafana-org-mapping';
export const GRAFANA_ORG_MAPPING_KEY = 'org_mapping';
/** Where Grafana's pod mounts it. */
export const GRAFANA_ORG_MAPPING_DIR = '/etc/grafana/org-mapping';

/** Grafana's main organisation: the platform's (Platform folder, every tenant's logs). Always id 1. */
export const MAIN_ORG_ID = 1;

/** `org_mapping` splits each entry on unescaped `:`, and Dex's groups are `<org>:<team>`: the group's `:` is written `\:`. */
const entry = (group: string, org: string | number, role: string) => `${group.replaceAll(':', '\\:')}:${org}:${role}`;

/**
 * Grafana's `org_mapping`, space-separated entries `<group>:<organisation>:<role>`: each owner team of a tenant gets a
 * role in the tenant's organisation (by name) and in no other; the platform teams are Editors of the main organisation
 * and Viewers of every other (`*`). Sorted, so the value only changes when an entry does.
 */
export function grafanaOrgMapping(teams: readonly ObservabilityTeam[], platformTeams: readonly string[]): string {
  const entries = teams.flatMap((t) => t.owners.map((o) => entry(dexTeamGroup(o.team), t.name, grafanaOrgRole(o.role))));
  const platform = platformTeams.flatMap((p) => [entry(dexTeamGroup(p), MAIN_ORG_ID, 'Editor'), entry(dexTeamGroup(p), '*', 'Viewer')]);
  return [...new Set([...entries, ...platform])].sort().join(' ');
}

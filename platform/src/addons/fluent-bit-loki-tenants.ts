import type { ObservabilityTeam } from './_addon.js';
import { PLATFORM_LOG_TENANT, logTenantByNamespace } from './_log-tenancy.js';

/** The ConfigMap with the Lua filter (beside fluent-bit's release, so per-tenant data stays out of it), its key, and the function fluent-bit calls. */
export const LOKI_TENANTS_CONFIGMAP = 'fluent-bit-loki-tenants';
export const LOKI_TENANTS_SCRIPT = 'loki-tenants.lua';
export const LOKI_TENANTS_FUNCTION = 'loki_tenant';
/** The record key the Lua filter sets and the loki output sends as `X-Scope-OrgID` (then drops from the line). */
export const LOKI_TENANT_KEY = 'loki_tenant';

/**
 * The Lua filter that names each log record's Loki tenant: a table of every tenant namespace and its tenant, generated
 * from the tenant files, and a function that reads the namespace from the record's tag. The tag is the log file's
 * path (`kube.var.log.containers.<pod>_<namespace>_<container>-<id>.log`), written by the kubelet; the record's own
 * fields, which `Merge_Log` fills from the application's JSON, are never consulted and the key is overwritten, so a
 * pod cannot log its way into another tenant. A namespace missing from the table (every platform namespace, or one
 * created outside Git) goes to the platform tenant, never to a team; so does a namespace named like a tenant's on a
 * cluster the tenant does not run on.
 */
export function lokiTenantsScript(teams: readonly ObservabilityTeam[]): string {
  const rows = logTenantByNamespace(teams.filter((t) => t.onCluster !== false)).map(([ns, tenant]) => `  ["${ns}"] = "${tenant}",`);
  return [
    '-- Generated from tenants/*.yaml: the Loki tenant of each tenant namespace.',
    'local tenants = {',
    ...rows,
    '}',
    '',
    `function ${LOKI_TENANTS_FUNCTION}(tag, timestamp, record)`,
    '  local namespace = string.match(tag, "^kube%.var%.log%.containers%.[^_]+_([^_]+)_")',
    `  record["${LOKI_TENANT_KEY}"] = (namespace and tenants[namespace]) or "${PLATFORM_LOG_TENANT}"`,
    '  return 2, timestamp, record',
    'end',
    '',
  ].join('\n');
}

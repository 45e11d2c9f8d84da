import type { Cluster, Tenant } from '@platform/schemas';
import { type ExternalAccessGrant, type TeamRole, type TenantZone, defaultAwsPrefix, externalAccessGrant, tenantZonesOn } from '@platform/platform';
import type { Fleet, LoadedApp } from './model.js';

/**
 * Lookups over a whole fleet, built once per fleet and shared by every cluster and tenant that asks,
 * so rendering stays linear in tenants and apps (a fleet-wide filter per tenant would be quadratic).
 */
interface FleetIndex {
  readonly appsByTenant: ReadonlyMap<string, readonly LoadedApp[]>;
  /** Every tenant's AWS prefix, sorted. */
  readonly awsPrefixes: readonly string[];
}

const indexes = new WeakMap<Fleet, FleetIndex>();

function indexOf(fleet: Fleet): FleetIndex {
  let index = indexes.get(fleet);
  if (!index) {
    const appsByTenant = new Map<string, LoadedApp[]>();
    for (const a of fleet.apps) {
      const list = appsByTenant.get(a.tenant);
      if (list) list.push(a);
      else appsByTenant.set(a.tenant, [a]);
    }
    index = { appsByTenant, awsPrefixes: fleet.tenants.map((t) => tenantAwsPrefix(t.spec)).sort() };
    indexes.set(fleet, index);
  }
  return index;
}

/** Every app of a tenant in the fleet, on whatever cluster. */
export function fleetAppsOf(fleet: Fleet, tenant: string): readonly LoadedApp[] {
  return indexOf(fleet).appsByTenant.get(tenant) ?? [];
}

/** The AWS prefix of a tenant: `aws.prefix`, else derived from its name (see `defaultAwsPrefix`). */
export function tenantAwsPrefix(tenant: Pick<Tenant, 'name'> & { readonly aws?: { readonly prefix?: string } }): string {
  return tenant.aws?.prefix ?? defaultAwsPrefix(tenant.name);
}

/** The tenant's `aws.externalAccess` on a cluster, resolved against the cluster file's `tenancy.externalAccess` (the loader checked it). */
export function tenantExternalAccess(tenant: Pick<Tenant, 'aws'>, cluster: Pick<Cluster, 'tenancy'>): ExternalAccessGrant[] {
  return tenant.aws.externalAccess.map((pick) => externalAccessGrant(cluster.tenancy.externalAccess, pick));
}

/** The environment of a tenant on a cluster: its own `environment`, else the cluster's. */
export function tenantEnvironment(tenant: Pick<Tenant, 'environment'>, cluster: { readonly environment: 'development' | 'staging' | 'production' }): 'development' | 'staging' | 'production' {
  return tenant.environment ?? cluster.environment;
}

/** The environment of one of a tenant's namespaces (`''` for the main one): `namespaceEnvironments`, else the tenant's. */
export function namespaceEnvironment(
  tenant: Pick<Tenant, 'environment' | 'namespaceEnvironments'>,
  suffix: string,
  cluster: { readonly environment: 'development' | 'staging' | 'production' },
): 'development' | 'staging' | 'production' {
  return (suffix ? tenant.namespaceEnvironments?.[suffix] : undefined) ?? tenantEnvironment(tenant, cluster);
}

/** The AWS prefixes of the fleet's tenants that start with `<awsPrefix>-` (their AWS names fall under it). */
export function nestedTenantNames(fleet: Fleet, awsPrefix: string): string[] {
  const names = indexOf(fleet).awsPrefixes;
  const prefix = `${awsPrefix}-`;
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const nested: string[] = [];
  for (let i = lo; i < names.length && names[i]!.startsWith(prefix); i++) nested.push(names[i]!);
  return nested;
}

/** The fleet's catalog of team roles: `teamRoles` of the management cluster (the only file that may declare it). */
export function teamRoleCatalog(fleet: Fleet): Readonly<Record<string, TeamRole>> {
  const roles = fleet.clusters.find((c) => c.spec.management)?.spec.teamRoles ?? {};
  return Object.fromEntries(Object.entries(roles).flatMap(([name, role]) => (role ? [[name, role] as const] : [])));
}

/** The tenants' own DNS zones on a cluster (`dns.zones` of the tenants that run on it), in tenant file order. */
export function clusterTenantZones(fleet: Fleet, cluster: { readonly name: string; readonly dns: Parameters<typeof tenantZonesOn>[0] }): TenantZone[] {
  return tenantZonesOn(cluster.dns, fleet.tenants.filter((t) => t.spec.clusters.includes(cluster.name)).map((t) => t.spec));
}

import type { Fleet, LoadedApp } from './model.js';

/**
 * Lookups over a whole fleet, built once per fleet and shared by every cluster and tenant that asks,
 * so rendering stays linear in tenants and apps (a fleet-wide filter per tenant would be quadratic).
 */
interface FleetIndex {
  readonly appsByTenant: ReadonlyMap<string, readonly LoadedApp[]>;
  readonly tenantNames: readonly string[];
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
    index = { appsByTenant, tenantNames: fleet.tenants.map((t) => t.spec.name).sort() };
    indexes.set(fleet, index);
  }
  return index;
}

/** Every app of a tenant in the fleet, on whatever cluster. */
export function fleetAppsOf(fleet: Fleet, tenant: string): readonly LoadedApp[] {
  return indexOf(fleet).appsByTenant.get(tenant) ?? [];
}

/** The tenants of the fleet whose names start with `<tenant>-` (their AWS names fall under its prefix). */
export function nestedTenantNames(fleet: Fleet, tenant: string): string[] {
  const names = indexOf(fleet).tenantNames;
  const prefix = `${tenant}-`;
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

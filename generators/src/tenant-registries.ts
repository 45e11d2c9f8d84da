import { tenantRegistryImage } from '@platform/platform';
import type { Cluster, Tenant } from '@platform/schemas';
import { tenantAwsPrefix } from './fleet-index.js';
import type { Fleet, Loaded } from './model.js';

/** One tenant registry on one cluster, as an image repository. */
export interface RegistryImage {
  readonly image: string;
  readonly tenant: string;
  readonly cluster: string;
  readonly registry: string;
}

/** Every tenant registry of the fleet: `<account>.dkr.ecr.<region>.amazonaws.com/<cluster>-<tenant>-<name>` on each of the tenant's clusters. */
export function tenantRegistryImages(fleet: Fleet): RegistryImage[] {
  const clusters = new Map<string, Loaded<Cluster>>(fleet.clusters.map((c) => [c.spec.name, c]));
  return fleet.tenants.flatMap((t: Loaded<Tenant>) =>
    t.spec.clusters.flatMap((name) => {
      const c = clusters.get(name)?.spec;
      if (!c) return [];
      return t.spec.aws.registries.map((r) => ({
        image: tenantRegistryImage({ cluster: c.name, tenant: t.spec.name, namespace: t.spec.name, accountId: c.aws.accountId, region: c.aws.region, environment: c.environment, awsPrefix: tenantAwsPrefix(t.spec) }, r.name),
        tenant: t.spec.name,
        cluster: c.name,
        registry: r.name,
      }));
    }),
  );
}

const byTenantCache = new WeakMap<Fleet, ReadonlyMap<string, readonly string[]>>();

/**
 * Each tenant's own image repositories: its registries on every cluster it runs in, sorted. Built once per fleet
 * (every cluster's render asks).
 */
export function tenantRegistryImagesByTenant(fleet: Fleet): ReadonlyMap<string, readonly string[]> {
  const cached = byTenantCache.get(fleet);
  if (cached) return cached;
  const byTenant = new Map<string, string[]>();
  for (const r of tenantRegistryImages(fleet)) {
    const list = byTenant.get(r.tenant);
    if (list) list.push(r.image);
    else byTenant.set(r.tenant, [r.image]);
  }
  for (const list of byTenant.values()) list.sort();
  byTenantCache.set(fleet, byTenant);
  return byTenant;
}

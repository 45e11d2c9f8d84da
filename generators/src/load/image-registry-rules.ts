import { isEcrHost, parseEcrImage, tenantRegistryImage } from '@platform/platform';
import type { Cluster, Tenant } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import type { Fleet, Loaded } from '../model.js';
import { tenantAwsPrefix } from '../fleet-index.js';

/** One tenant registry on one cluster, as an image repository. */
interface RegistryImage {
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

/**
 * An app whose image is in ECR uses one of its own tenant's registries (on any of the tenant's
 * clusters): those are the repositories the platform lets the clusters' nodes pull and the
 * management cluster's image automation read. Another tenant's registry, or an ECR repository the
 * platform does not manage, is rejected: tenants never run or follow each other's images.
 */
export const appEcrImage: FleetRule = (fleet) => {
  const registries = tenantRegistryImages(fleet);
  const problems: Diagnostic[] = [];
  for (const app of fleet.apps) {
    const found = app.spec.image.repository;
    if (!isEcrHost(found)) continue;
    const path = ['image', 'repository'];
    if (!parseEcrImage(found)) {
      problems.push(app.source.problem(path, `found "${found}", which is not an ECR image; allowed: <12-digit account>.dkr.ecr.<region>.amazonaws.com/<repository>`));
      continue;
    }
    const own = registries.filter((r) => r.tenant === app.tenant);
    if (own.some((r) => r.image === found)) continue;
    const owner = registries.find((r) => r.image === found);
    const whose = owner
      ? ` (registry "${owner.registry}" of tenant "${owner.tenant}" on cluster "${owner.cluster}"; tenants do not run or follow each other's images)`
      : ' (no tenant registry of the fleet)';
    const allowed = own.length > 0
      ? `the registries of tenant "${app.tenant}": ${own.map((r) => r.image).sort().join(', ')}`
      : `none (declare one under aws.registries in the tenant file of "${app.tenant}")`;
    problems.push(app.source.problem(path, `found ${found}${whose}; allowed: ${allowed}`));
  }
  return problems;
};

export const IMAGE_REGISTRY_RULES: FleetRule[] = [appEcrImage];

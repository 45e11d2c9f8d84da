import { isEcrHost, parseEcrImage } from '@platform/platform';
import type { Cluster, Tenant } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import type { Loaded } from '../model.js';
import { tenantRegistryImages } from '../tenant-registries.js';

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

/**
 * A cluster's `tenancy.imageRegistries` are registries outside ECR: ECR repositories are admitted per tenant
 * (its own `aws.registries`), so listing an ECR registry here would let every tenant run every other tenant's images.
 */
export const clusterImageRegistries: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) =>
    (c.spec.tenancy?.imageRegistries ?? []).flatMap((r, i) =>
      isEcrHost(r)
        ? [c.source.problem(['tenancy', 'imageRegistries', i], `found "${r}", an ECR registry; allowed: a registry outside ECR (tenants run only their own ECR repositories, declared under aws.registries of the tenant file)`)]
        : [],
    ),
  );

/**
 * An app's image outside ECR is under a registry that every cluster the app runs on admits (`tenancy.imageRegistries`
 * of the cluster file): admission refuses any other image, so the platform never renders a workload that cannot start.
 * ECR images are checked by appEcrImage.
 */
export const appImageAdmitted: FleetRule = (fleet) => {
  const clusters = new Map<string, Loaded<Cluster>>(fleet.clusters.map((c) => [c.spec.name, c]));
  const tenants = new Map<string, Loaded<Tenant>>(fleet.tenants.map((t) => [t.spec.name, t]));
  const problems: Diagnostic[] = [];
  for (const app of fleet.apps) {
    const found = app.spec.image.repository;
    const tenant = tenants.get(app.tenant);
    if (isEcrHost(found) || !tenant) continue;
    for (const name of app.spec.clusters ?? tenant.spec.clusters) {
      const cluster = clusters.get(name);
      if (!cluster || !tenant.spec.clusters.includes(name)) continue;
      const allowed = cluster.spec.tenancy?.imageRegistries ?? [];
      if (allowed.some((r) => found.startsWith(`${r}/`))) continue;
      problems.push(
        app.source.problem(
          ['image', 'repository'],
          `found ${found}, which cluster "${name}" does not admit; allowed: an image under ${allowed.map((r) => `${r}/`).join(', ') || 'no registry (none listed)'} (tenancy.imageRegistries of ${cluster.source.path}) or one of the tenant's own ECR registries`,
        ),
      );
    }
  }
  return problems;
};

export const IMAGE_REGISTRY_RULES: FleetRule[] = [appEcrImage, clusterImageRegistries, appImageAdmitted];

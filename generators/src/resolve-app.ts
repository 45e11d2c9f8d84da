import { type AppSettings, type ComputeResources, type Environment, appSettings } from '@platform/platform';
import type { Cluster, Tenant } from '@platform/schemas';
import type { LoadedApp } from './model.js';
import { namespaceEnvironment } from './fleet-index.js';

/** Resources of a container that states none: the tenant's limit-range defaults. */
function tenantDefaultResources(t: Tenant): ComputeResources {
  const { defaultRequest, defaultLimit } = t.limitRange;
  return { requests: { cpu: defaultRequest.cpu, memory: defaultRequest.memory }, limits: { cpu: defaultLimit.cpu, memory: defaultLimit.memory } };
}

/**
 * An app as it runs on one cluster: its per-environment overrides applied and the tenant's
 * defaults filled in. The app rules check exactly what the apps layer renders.
 */
export function resolveApp(app: LoadedApp, tenant: Tenant, cluster: Cluster): AppSettings {
  const { spec, context } = resolveAppInputs(app, tenant, cluster);
  return appSettings(spec, context);
}

/**
 * What resolveApp reads, as data: the app's spec as written and what it takes from its tenant and cluster. A unit keyed
 * on these (shared, already hashed objects) need not hash the resolved settings.
 */
export function resolveAppInputs(app: LoadedApp, tenant: Tenant, cluster: Cluster): { spec: LoadedApp['spec']; context: Parameters<typeof appSettings>[1] } {
  return {
    spec: app.spec,
    context: {
      tenant: app.tenant,
      cluster: cluster.name,
      // Apps follow their namespace's environment (see namespaceEnvironment), which defaults to the cluster's.
      environment: namespaceEnvironment(tenant, app.spec.namespace ?? '', cluster) as Environment,
      defaults: tenantDefaultResources(tenant),
    },
  };
}

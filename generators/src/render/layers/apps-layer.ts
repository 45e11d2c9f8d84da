import { AppImagePolicy, AppWorkload, type ComputeResources, type Environment, appLabels, appSettings, semverRangeOf } from '@platform/platform';
import type { Tenant } from '@platform/schemas';
import type { ClusterContext } from '../cluster-context.js';

/**
 * Namespace of the ImageUpdateAutomation, and so of every ImagePolicy it applies: Flux resolves
 * references only within one namespace (`--no-cross-namespace-refs`), and the automation's Git
 * write credentials must stay out of reach of tenants.
 */
export const IMAGE_POLICY_NAMESPACE = 'flux-system';

/** Name of an app's ImageRepository and ImagePolicy; the app file's tag marker names it too. */
export const imagePolicyName = (tenant: string, app: string) => `${tenant}-${app}`;

/** Resources of a container that states none: the tenant's limit-range defaults. */
export function tenantDefaultResources(t: Tenant): ComputeResources {
  const { defaultRequest, defaultLimit } = t.limitRange;
  return { requests: { cpu: defaultRequest.cpu, memory: defaultRequest.memory }, limits: { cpu: defaultLimit.cpu, memory: defaultLimit.memory } };
}

/**
 * apps/<tenant>/<app>/: each app's workload in its tenant namespace, applied as the tenant's
 * ServiceAccount. Its ImageRepository and ImagePolicy go to tenants/<tenant>/images/ in flux-system,
 * applied by the platform with the tenant's bundle, beside the image automation that uses them.
 */
export function renderAppsLayer(ctx: ClusterContext): void {
  const cluster = ctx.cluster.spec;
  const tenants = new Map(ctx.tenants.map((t) => [t.spec.name, t]));
  for (const a of ctx.apps) {
    const tenant = tenants.get(a.tenant)!;
    const name = a.spec.name;
    const settings = appSettings(a.spec, {
      tenant: a.tenant,
      cluster: cluster.name,
      environment: cluster.environment as Environment,
      defaults: tenantDefaultResources(tenant.spec),
    });
    const policy = imagePolicyName(a.tenant, name);
    const range = semverRangeOf(a.spec.image.tag);
    const chart = ctx.chart(`app-${a.tenant}-${name}`, `apps/${a.tenant}/${name}`, [a.source.path, tenant.source.path]);
    new AppWorkload(chart, name, {
      app: settings,
      imagePolicy: range ? { namespace: IMAGE_POLICY_NAMESPACE, name: policy } : undefined,
    });
    if (!range) continue;
    const images = ctx.chart(`images-${a.tenant}-${name}`, `tenants/${a.tenant}/images`, [a.source.path]);
    new AppImagePolicy(images, policy, {
      name: policy,
      namespace: IMAGE_POLICY_NAMESPACE,
      labels: appLabels(settings),
      repository: a.spec.image.repository,
      semverRange: range,
    });
  }
}

import { AppWorkload, type ComputeResources, type Environment, appSettings, internalIngressHost, IMAGE_POLICY_NAMESPACE, imagePolicyName } from '@platform/platform';
import type { Tenant } from '@platform/schemas';
import type { ClusterContext } from '../cluster-context.js';
import { followsImagePolicy } from '../../image-automation.js';

/** Resources of a container that states none: the tenant's limit-range defaults. */
export function tenantDefaultResources(t: Tenant): ComputeResources {
  const { defaultRequest, defaultLimit } = t.limitRange;
  return { requests: { cpu: defaultRequest.cpu, memory: defaultRequest.memory }, limits: { cpu: defaultLimit.cpu, memory: defaultLimit.memory } };
}

/**
 * apps/<tenant>/<app>/: each app's workload in its tenant namespace, applied as the tenant's
 * ServiceAccount. An image that image automation follows carries the setter marker of its ImagePolicy, which lives in the
 * management cluster (images-layer.ts): the automation there rewrites app file and rendered image
 * line in one commit, so out/ stays in sync.
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
    const chart = ctx.chart(`app-${a.tenant}-${name}`, `apps/${a.tenant}/${name}`, [a.source.path, tenant.source.path]);
    const imagePolicy = followsImagePolicy(a) ? `${IMAGE_POLICY_NAMESPACE}:${imagePolicyName(a.tenant, name)}` : undefined;
    new AppWorkload(chart, name, { app: settings, internalIngressTarget: internalIngressHost(cluster.dns.domain), imagePolicy });
  }
}

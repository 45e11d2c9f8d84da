import { AppWorkload, appSettings, internalIngressHost, IMAGE_POLICY_NAMESPACE, imagePolicyName } from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';
import { followsImagePolicy } from '../../image-automation.js';
import { resolveAppInputs } from '../../resolve-app.js';

/**
 * apps/<tenant>/<app>/: each app's workload in its tenant namespace, applied as the tenant's
 * ServiceAccount. An image that image automation follows carries the setter marker of its ImagePolicy, which lives in the
 * management cluster (images-layer.ts): the automation there rewrites app file and rendered image
 * line in one commit, so out/ stays in sync.
 */
export function renderAppsLayer(ctx: ClusterContext): void {
  const cluster = ctx.cluster.spec;
  for (const a of ctx.apps) {
    const tenant = ctx.tenant(a.tenant)!;
    const name = a.spec.name;
    const imagePolicy = followsImagePolicy(a) ? `${IMAGE_POLICY_NAMESPACE}:${imagePolicyName(a.tenant, name)}` : undefined;
    // Keyed on what the settings are resolved from (the app's spec is hashed once per run), resolved when rendered.
    const props = { inputs: resolveAppInputs(a, tenant.spec, cluster), internalIngressTarget: internalIngressHost(cluster.dns.domain), imagePolicy };
    ctx.unit(`app-${a.tenant}-${name}`, `apps/${a.tenant}/${name}`, [a.source.path, tenant.source.path], props, (chart, { inputs, ...p }) => {
      new AppWorkload(chart, name, { ...p, app: appSettings(inputs.spec, inputs.context) });
    });
  }
}

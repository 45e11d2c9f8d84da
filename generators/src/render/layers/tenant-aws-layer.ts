import { TenantAwsResources, type OutputChart, type TenantAws, type TenantAwsEnv } from '@platform/platform';
import type { Tenant } from '@platform/schemas';
import type { Loaded } from '../../model.js';
import type { ClusterContext } from '../cluster-context.js';

/**
 * The tenant's AWS resources on this cluster, into its tenants/<team>/ chart: managed resources in
 * the tenant namespace through the tenant's own ProviderConfig. Resources that attach to the VPC
 * (databases, Redis, OpenSearch) need the cluster's `network.ids`; without them they are left out
 * and `generate` warns (see tenantAwsWarnings).
 */
export function renderTenantAwsResources(ctx: ClusterContext, tenant: Loaded<Tenant>, chart: OutputChart): void {
  const c = ctx.cluster.spec;
  const name = tenant.spec.name;
  const env: TenantAwsEnv = { cluster: c.name, tenant: name, namespace: name, accountId: c.aws.accountId, region: c.aws.region, environment: c.environment };
  new TenantAwsResources(chart, 'aws', {
    env,
    aws: withAppServiceAccounts(tenant.spec.aws, ctx.appsOf(name)),
    network: c.network.ids,
    namespaces: [name, ...tenant.spec.namespaces.map((s) => `${name}-${s}`)],
    peers: ctx.tenants.filter((t) => t.spec.name !== name).map((t) => ({ name: t.spec.name, aws: t.spec.aws })),
  });
}

/** Apps with `serviceAccount.awsAccess` get a workload role too, keyed on their ServiceAccount `<app>`. */
function withAppServiceAccounts(aws: TenantAws, apps: ReturnType<ClusterContext['appsOf']>): TenantAws {
  const key = (sa: { name: string; namespace: string }) => `${sa.namespace}/${sa.name}`;
  const declared = new Set(aws.serviceAccounts.map(key));
  const fromApps = apps
    .filter((a) => a.spec.serviceAccount?.awsAccess)
    .map((a) => ({ name: a.spec.name, namespace: a.spec.namespace ?? '' }))
    .filter((sa) => !declared.has(key(sa)));
  return fromApps.length === 0 ? aws : { ...aws, serviceAccounts: [...aws.serviceAccounts, ...fromApps] };
}

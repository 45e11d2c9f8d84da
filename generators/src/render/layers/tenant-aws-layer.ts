import {
  CLUSTER_ROLES, type EgressRule, type OutputChart, type RegistryReaders, type TenantAws, type TenantAwsEnv, TenantAwsResources,
  imageReflectorRoleArn, planSubnetsOrThrow, roleArn, tenantAwsReach, tenantEgressRules, tenantRegistryImage,
} from '@platform/platform';
import type { Tenant } from '@platform/schemas';
import type { Loaded } from '../../model.js';
import type { ClusterContext } from '../cluster-context.js';
import { followsImagePolicy } from '../../image-automation.js';
import { fleetAppsOf, nestedTenantNames, tenantAwsPrefix, tenantEnvironment, tenantExternalAccess } from '../../fleet-index.js';

/**
 * The tenant's AWS resources on this cluster, into its tenants/<team>/ chart: managed resources in
 * the tenant namespace through the tenant's own ProviderConfig. Resources that attach to the VPC
 * (databases, Redis, OpenSearch) need the cluster's `network.ids`; without them they are left out
 * and `generate` warns (see tenantAwsWarnings).
 */
export function renderTenantAwsResources(ctx: ClusterContext, tenant: Loaded<Tenant>, chart: OutputChart): void {
  const c = ctx.cluster.spec;
  const name = tenant.spec.name;
  const awsPrefix = tenantAwsPrefix(tenant.spec);
  const env: TenantAwsEnv = { cluster: c.name, tenant: name, namespace: name, accountId: c.aws.accountId, region: c.aws.region, environment: tenantEnvironment(tenant.spec, c), awsPrefix };
  new TenantAwsResources(chart, 'aws', {
    env,
    credentials: c.crossplane.credentials,
    aws: withAppServiceAccounts(tenant.spec.aws, ctx.appsOf(name)),
    appServiceAccounts: new Set(ctx.appsOf(name).map((a) => `${a.spec.namespace ?? ''}/${a.spec.name}`)),
    network: c.network.ids,
    namespaces: [name, ...tenant.spec.namespaces.map((s) => `${name}-${s}`)],
    // Only the peers that may subscribe to this tenant's topics, and only the tenants nested in its
    // name: both looked up, so rendering stays linear in tenants.
    peers: [...new Set(tenant.spec.aws.topics.flatMap((t) => t.subscribers))]
      .filter((n) => n !== name)
      .flatMap((n) => {
        const peer = ctx.tenant(n);
        return peer ? [{ name: n, aws: peer.spec.aws, awsPrefix: tenantAwsPrefix(peer.spec) }] : [];
      }),
    peerPrefixes: peerPrefixes(ctx, tenant),
    otherTenants: nestedTenantNames(ctx.fleet, awsPrefix),
    registryReaders: registryReaders(ctx, env, tenant),
    externalAccess: tenantExternalAccess(tenant.spec, c),
    ciOidc: c.tenancy.ciOidcProviders,
  });
}

/** The AWS prefixes of the tenants whose topics the tenant's queues subscribe to, by tenant name. */
function peerPrefixes(ctx: ClusterContext, tenant: Loaded<Tenant>): Record<string, string> {
  const owners = new Set(tenant.spec.aws.queues.flatMap((q) => q.subscribeTo.map((ref) => ref.split('/')[0] ?? '')));
  const out: Record<string, string> = {};
  for (const n of [...owners].sort()) {
    const peer = ctx.tenant(n);
    if (peer) out[n] = tenantAwsPrefix(peer.spec);
  }
  return out;
}

/**
 * Who besides this cluster's nodes reads each of the tenant's registries here: the nodes of every
 * other cluster that runs an app of the tenant from it, and the management cluster's
 * image-reflector-controller when image automation follows such an app.
 */
function registryReaders(ctx: ClusterContext, env: TenantAwsEnv, tenant: Loaded<Tenant>): Record<string, RegistryReaders> {
  const fleet = ctx.fleet;
  const mgmt = fleet.clusters.find((c) => c.spec.management)?.spec;
  const ownApps = tenant.spec.decommissioned ? [] : fleetAppsOf(fleet, env.tenant);
  const followed = new Set(ownApps.filter(followsImagePolicy).map((a) => a.spec.image.repository));
  const readers: Record<string, RegistryReaders> = {};
  for (const r of tenant.spec.aws.registries) {
    const image = tenantRegistryImage(env, r.name);
    const apps = ownApps.filter((a) => a.spec.image.repository === image);
    const clusters = new Set(apps.flatMap((a) => a.spec.clusters ?? tenant.spec.clusters).filter((c) => c !== env.cluster));
    readers[r.name] = {
      otherNodeRoleArns: fleet.clusters.filter((c) => clusters.has(c.spec.name)).map((c) => roleArn(c.spec.aws.accountId, c.spec.name, CLUSTER_ROLES.node)),
      ...(mgmt && followed.has(image) ? { imageAutomationRoleArn: imageReflectorRoleArn(mgmt.aws.accountId, mgmt.name) } : {}),
    };
  }
  return readers;
}

/**
 * The egress the tenant's AWS resources on this cluster need through its namespaces' fence: its data stores
 * (only when rendered, i.e. the cluster has `network.ids`) in the secure subnets of the cluster's subnet plan,
 * and, from namespaces with a workload role, the Pod Identity agent and the public AWS endpoints.
 */
export function tenantAwsEgress(ctx: ClusterContext, tenant: Loaded<Tenant>): EgressRule[] {
  const c = ctx.cluster.spec;
  const { name } = tenant.spec;
  const aws = withAppServiceAccounts(tenant.spec.aws, ctx.appsOf(name));
  const { dataStores, usesAwsApis } = tenantAwsReach(aws, c.network.ids !== undefined);
  const plan = planSubnetsOrThrow(c.network.vpcCidr, c.network.subnetPrefixLengths, c.aws.availabilityZones);
  return tenantEgressRules({
    vpcCidr: c.network.vpcCidr,
    secureCidrs: plan.subnets.filter((s) => s.tier === 'secure').map((s) => s.cidr),
    dataStores,
    workloadNamespaces: aws.serviceAccounts.map((sa) => (sa.namespace === '' ? name : `${name}-${sa.namespace}`)),
    usesAwsApis,
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

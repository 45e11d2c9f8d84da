import {
  CLUSTER_ROLES, type ConsumerTenant, type EgressRule, type RegistryReaders, type TenantAws, type TenantAwsEnv, type TenantAwsResourcesProps,
  type TenantAwsUse, grantsOf, imageReflectorRoleArn, itemsOf, queueSubscription, roleArn, tenantAwsKind, tenantAwsReach, tenantEgressRules,
  tenantRegistryImage, usesAwsApis as usesAwsApisOf, usesOf,
} from '@platform/platform';
import type { Tenant } from '@platform/schemas';
import type { Loaded } from '../../model.js';
import type { ClusterContext } from '../cluster-context.js';
import { followsImagePolicy } from '../../image-automation.js';
import { servingCluster } from '../../load/app-rules.js';
import { fleetAppsOf, nestedTenantNames, tenantAwsPrefix, tenantEnvironment, tenantExternalAccess } from '../../fleet-index.js';

/**
 * The props of the tenant's AWS resources on this cluster, for its tenants/<team>/ chart: managed resources in
 * the tenant namespace through the tenant's own ProviderConfig. Resources that attach to the VPC
 * (databases, Redis, OpenSearch) need the cluster's `network.ids`; without them they are left out
 * and `generate` warns (see tenantAwsWarnings).
 */
export function tenantAwsResourcesProps(ctx: ClusterContext, tenant: Loaded<Tenant>): TenantAwsResourcesProps {
  const c = ctx.cluster.spec;
  const name = tenant.spec.name;
  const awsPrefix = tenantAwsPrefix(tenant.spec);
  const env = tenantAwsEnv(ctx, tenant);
  return {
    env,
    credentials: c.crossplane.credentials,
    // An SES identity lives where its domain's zone is: on the cluster that serves the domain.
    aws: { ...withAppServiceAccounts(tenant.spec.aws, ctx.appsOf(name)), emailIdentities: tenant.spec.aws.emailIdentities.filter((e) => servingCluster(ctx.fleet, e.domain)?.spec.name === c.name) },
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
    ...subscribedPeers(ctx, tenant),
    otherTenants: nestedTenantNames(ctx.fleet, awsPrefix),
    registryReaders: registryReaders(ctx, env, tenant),
    databaseAccessCidrs: c.tenancy.databaseAccessCidrs,
    uses: agreedUses(ctx, tenant),
    consumers: consumersOf(ctx, tenant),
    externalAccess: tenantExternalAccess(tenant.spec, c),
    ciOidc: c.tenancy.ciOidcProviders,
  };
}

/** Where the tenant's AWS resources live on this cluster. */
export function tenantAwsEnv(ctx: ClusterContext, tenant: Loaded<Tenant>): TenantAwsEnv {
  const c = ctx.cluster.spec;
  const name = tenant.spec.name;
  return { cluster: c.name, tenant: name, namespace: name, accountId: c.aws.accountId, region: c.aws.region, environment: tenantEnvironment(tenant.spec, c), awsPrefix: tenantAwsPrefix(tenant.spec) };
}

/**
 * The other tenants' resources the tenant uses on this cluster: the entries of its `aws.uses` whose owner runs here
 * and lists it for that access (a one-sided entry is a fleet-rule error, skipped here).
 */
export function agreedUses(ctx: ClusterContext, tenant: Loaded<Tenant>): TenantAwsUse[] {
  return usesOf(tenant.spec.aws).flatMap((u) => {
    const owner = ctx.tenant(u.owner);
    if (!owner || owner === tenant) return [];
    const listed = grantsOf(owner.spec.aws).some((g) => g.consumer === tenant.spec.name && g.field === u.field && g.name === u.name && g.access === u.access);
    const item = itemsOf(owner.spec.aws, tenantAwsKind(u.field)).find((x) => x.name === u.name);
    return listed && item ? [{ field: u.field, owner: u.owner, ownerPrefix: tenantAwsPrefix(owner.spec), name: u.name, access: u.access, item }] : [];
  });
}

/** The tenants of this cluster that use the tenant's resources, with their workload ServiceAccounts and agreed uses. */
function consumersOf(ctx: ClusterContext, tenant: Loaded<Tenant>): ConsumerTenant[] {
  const names = [...new Set(grantsOf(tenant.spec.aws).map((g) => g.consumer))].sort();
  return names.flatMap((n) => {
    const consumer = ctx.tenant(n);
    if (!consumer || consumer === tenant) return [];
    const uses = agreedUses(ctx, consumer).filter((u) => u.owner === tenant.spec.name);
    const { serviceAccounts } = withAppServiceAccounts(consumer.spec.aws, ctx.appsOf(n));
    return uses.length > 0 ? [{ name: n, awsPrefix: tenantAwsPrefix(consumer.spec), serviceAccounts, uses }] : [];
  });
}

/** The AWS prefixes and topics of the tenants whose topics the tenant's queues subscribe to, by tenant name. */
function subscribedPeers(ctx: ClusterContext, tenant: Loaded<Tenant>): { peerPrefixes: Record<string, string>; peerTopics: Record<string, TenantAws['topics']> } {
  const owners = new Set(tenant.spec.aws.queues.flatMap((q) => q.subscribeTo.map((entry) => queueSubscription(entry).topic.split('/')[0] ?? '')));
  const peerPrefixes: Record<string, string> = {};
  const peerTopics: Record<string, TenantAws['topics']> = {};
  for (const n of [...owners].sort()) {
    const peer = ctx.tenant(n);
    if (peer) {
      peerPrefixes[n] = tenantAwsPrefix(peer.spec);
      peerTopics[n] = peer.spec.aws.topics;
    }
  }
  return { peerPrefixes, peerTopics };
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
  const plan = ctx.subnetPlan;
  return tenantEgressRules({
    vpcCidr: c.network.vpcCidr,
    secureCidrs: plan.subnets.filter((s) => s.tier === 'secure').map((s) => s.cidr),
    dataStores,
    workloadNamespaces: aws.serviceAccounts.map((sa) => (sa.namespace === '' ? name : `${name}-${sa.namespace}`)),
    // Other tenants' topics, queues and buckets are reached through the same public endpoints.
    usesAwsApis: usesAwsApis || usesAwsApisOf(aws),
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

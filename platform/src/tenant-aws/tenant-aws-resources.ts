import type { Tenant } from '@platform/schemas';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IAM_ROLE } from '../crossplane/iam/role.js';
import { type TenantAwsEnv, type TenantNetwork, accountRoleArn, awsPrefixOf, ownBoundaryArn, tenantProviderConfigName, tenantRoleName } from './tenant-aws-env.js';
import type { KindRenderContext } from './tenant-aws-kind.js';
import { itemsOf, tenantAwsKinds, workloadAccess } from './tenant-aws-kinds.js';
import { TenantKmsKey } from './tenant-kms-key.js';
import { TenantProviderConfig } from './tenant-provider-config.js';
import { QUEUES } from './tenant-queue.js';
import { queueSubscription } from './sns-filter-policy.js';
import type { DatabaseAccessCidrs } from './tenant-database-network.js';
import type { TenantRegistryProps } from './tenant-registry.js';
import { TenantSecretStore } from './tenant-secret-store.js';
import { type TopicSubscriber, topicArn } from './tenant-topic.js';
import { type TenantAwsUse, keyUseStatements, useStatements } from './tenant-aws-uses.js';
import { TenantUsedResources } from './tenant-used-resources.js';
import { TenantWorkloadRole, workloadNamespace, workloadRoleArns } from './tenant-workload-role.js';
import { tenantSecretReaderRoleName } from './tenant-secret-store.js';
import { type ExternalAccessGrant, grantsOfServiceAccount } from './tenant-external-access.js';
import type { CiOidcSettings } from '../infra/ci-oidc-providers.js';

/** The `aws` section of a tenant file, defaults filled. */
export type TenantAws = Tenant['aws'];

/** Another tenant on the same cluster, for SNS subscriptions across tenants. */
export interface PeerTenant {
  readonly name: string;
  readonly aws: TenantAws;
  /** Its AWS prefix. @default - `defaultAwsPrefix(name)` */
  readonly awsPrefix?: string;
}

export interface TenantAwsResourcesProps {
  readonly env: TenantAwsEnv;
  /** How the cluster's Crossplane provider pods authenticate (the cluster file's `crossplane.credentials`). @default 'PodIdentity' */
  readonly credentials?: 'PodIdentity' | 'IRSA';
  readonly aws: TenantAws;
  /** The cluster's network ids. @default - databases, Redis and OpenSearch are not rendered */
  readonly network?: TenantNetwork;
  /** The tenant's namespaces on the cluster (each gets the tenant SecretStore). @default - the main namespace */
  readonly namespaces?: readonly string[];
  /** The other tenants of the cluster. @default [] */
  readonly peers?: readonly PeerTenant[];
  /** AWS prefixes of the other tenants of the fleet (the tenant role is denied the names of `<prefix>-*` tenants). @default - the peers' prefixes */
  readonly otherTenants?: readonly string[];
  /** AWS prefixes of the tenants whose topics the tenant's queues subscribe to, by tenant name. @default - their default prefixes */
  readonly peerPrefixes?: Readonly<Record<string, string>>;
  /** The topics of the tenants whose topics the tenant's queues subscribe to, by tenant name (a FIFO topic's ARN ends in `.fifo`). @default - standard topics */
  readonly peerTopics?: Readonly<Record<string, TenantAws['topics']>>;
  /** The cluster's node role (pulls images). @default - `<cluster>-eks-node` */
  readonly nodeRoleArn?: string;
  /** The networks outside the cluster that tenant databases may admit (`tenancy.databaseAccessCidrs`). @default [] */
  readonly databaseAccessCidrs?: DatabaseAccessCidrs;
  /** The external-secrets controller's role. @default - `<cluster>-external-secrets` */
  readonly externalSecretsRoleArn?: string;
  /**
   * Readers of each registry (by `name`) besides this cluster's nodes: other clusters' nodes, the
   * management cluster's image automation. @default - none
   */
  readonly registryReaders?: Readonly<Record<string, RegistryReaders>>;
  /**
   * ServiceAccounts the tenant's apps render on this cluster, as `<namespace suffix>/<name>` ('' for the main
   * namespace); every other workload ServiceAccount of `aws.serviceAccounts` is rendered with its role. @default - none
   */
  readonly appServiceAccounts?: ReadonlySet<string>;
  /** The tenant's `aws.externalAccess`, resolved against the cluster's `tenancy.externalAccess` (see `externalAccessGrant`): each to the workload roles it names. @default [] */
  readonly externalAccess?: readonly ExternalAccessGrant[];
  /** The cluster's CI OIDC providers besides GitHub (`tenancy.ciOidcProviders`), which registry CI roles may trust. @default {} */
  readonly ciOidc?: CiOidcSettings;
  /** Other tenants' resources this tenant uses on this cluster, agreed by both files. @default [] */
  readonly uses?: readonly TenantAwsUse[];
  /** The tenants of this cluster that use this tenant's resources, agreed by both files. @default [] */
  readonly consumers?: readonly ConsumerTenant[];
}

/** Another tenant of the cluster that uses some of this tenant's resources, agreed by both files. */
export interface ConsumerTenant {
  readonly name: string;
  /** Its AWS prefix. @default - `defaultAwsPrefix(name)` */
  readonly awsPrefix?: string;
  /** Its workload ServiceAccounts (those of its apps included): their roles are admitted to the tenant key. */
  readonly serviceAccounts: TenantAws['serviceAccounts'];
  /** Its uses of this tenant's resources. */
  readonly uses: readonly TenantAwsUse[];
}

/** Who else may read one tenant registry: see `TenantRegistryProps`. */
export type RegistryReaders = Pick<TenantRegistryProps, 'otherNodeRoleArns' | 'imageAutomationRoleArn'>;

/**
 * Everything a tenant file's `aws` section asks for on one cluster, in the tenant namespace, through
 * the tenant's ProviderConfig: always the key and the SecretStore, then buckets, databases, registries, Redis, queues, topics,
 * secrets, search domains, tables, and one role per workload ServiceAccount whose policy names
 * exactly these resources and the other tenants' resources it uses (with their addresses, see `TenantUsedResources`).
 */
export class TenantAwsResources extends Construct {
  constructor(scope: Construct, id: string, props: TenantAwsResourcesProps) {
    super(scope, id);
    const { env, aws } = props;
    const peers = props.peers ?? [];
    new TenantProviderConfig(this, 'provider-config', { env, aws, credentials: props.credentials, otherTenants: props.otherTenants ?? peers.map((p) => awsPrefixOf({ tenant: p.name, awsPrefix: p.awsPrefix })) });

    const uses = props.uses ?? [];
    const workloadRoles = workloadRoleArns(env, aws.serviceAccounts);
    const secretStore = new TenantSecretStore(this, 'secret-store', {
      env,
      namespaces: props.namespaces,
      controllerRoleArn: props.externalSecretsRoleArn ?? accountRoleArn(env, `${env.cluster}-external-secrets`),
      usedSecretStatements: useStatements(env, uses, 'secretStore'),
    });
    const consumers = (props.consumers ?? []).map((c) => {
      const cenv = { ...env, tenant: c.name, namespace: c.name, awsPrefix: c.awsPrefix };
      return { tenant: c.name, workloadRoleArns: workloadRoleArns(cenv, c.serviceAccounts), secretStoreRoleArn: accountRoleArn(env, tenantSecretReaderRoleName(cenv)), uses: c.uses };
    });
    const key = new TenantKmsKey(this, 'key', { env, users: [...workloadRoles, secretStore.roleArn], consumers: keyUseStatements(env, consumers) });
    if (uses.length > 0) new TenantUsedResources(this, 'uses', { env, uses, secretStoreRoleArn: secretStore.roleArn });

    const network = props.network;
    const ctx: KindRenderContext = {
      env, network, kmsKeyRef: key.ref, kmsKeyAlias: key.alias, workloadRoleArns: workloadRoles,
      tenantRoleArn: accountRoleArn(env, tenantRoleName(env)), aws,
      extra: {
        topicArnsOf: (q: TenantAws['queues'][number]) =>
          q.subscribeTo.map((entry) => topicRefArn(env, queueSubscription(entry).topic, { ...props.peerTopics, [env.tenant]: aws.topics }, props.peerPrefixes)),
        subscribersOf: (topic: string) => subscribersOf(env, topic, aws, peers),
        registryReaders: props.registryReaders,
        ciOidc: props.ciOidc,
        nodeRoleArn: props.nodeRoleArn ?? accountRoleArn(env, `${env.cluster}-eks-node`),
        databaseAccessCidrs: props.databaseAccessCidrs ?? [],
      },
    };
    // Kinds in the VPC need the cluster's network ids; without them they are left out (the loader warns).
    for (const kind of tenantAwsKinds()) {
      if (kind.vpc !== null && !network) continue;
      for (const item of itemsOf(aws, kind)) kind.render(this, ctx, item);
    }
    const access = workloadAccess(env, aws, network !== undefined);
    for (const sa of aws.serviceAccounts) {
      new TenantWorkloadRole(this, `workload-${sa.namespace}-${sa.name}`, {
        env, serviceAccount: sa.name, namespace: workloadNamespace(env, sa.namespace), access, uses, externalAccess: grantsOfServiceAccount(props.externalAccess ?? [], sa.namespace, sa.name),
        createServiceAccount: !props.appServiceAccounts?.has(`${sa.namespace}/${sa.name}`),
      });
    }
    boundTenantCreatedRoles(this, env);
  }
}

/**
 * Every IAM role created through the tenant's ProviderConfig (i.e. by the tenant role) must carry the
 * cluster's tenant boundary: the tenant role may create no role without it. Each construct sets it; one that
 * forgets it or sets another boundary is a bug and fails the render.
 */
function boundTenantCreatedRoles(scope: Construct, env: TenantAwsEnv): void {
  const boundary = ownBoundaryArn(env);
  for (const c of scope.node.findAll()) {
    if (!ApiObject.isApiObject(c) || c.apiVersion !== IAM_ROLE.apiVersion || c.kind !== IAM_ROLE.kind) continue;
    const spec = c.toJson().spec as { providerConfigRef?: { kind: string; name: string }; forProvider: { permissionsBoundary?: string } };
    if (spec.providerConfigRef?.kind !== 'ProviderConfig' || spec.providerConfigRef.name !== tenantProviderConfigName(env.tenant)) continue;
    const set = spec.forProvider.permissionsBoundary;
    if (set !== boundary) throw new Error(`role ${c.metadata.name} of tenant ${env.tenant}: 'permissionsBoundary' (${set ?? 'none'}) is not the tenant boundary; allowed: ${boundary}`);
  }
}

/** The ARN of `<tenant>/<topic>` on this cluster. */
function topicRefArn(env: TenantAwsEnv, ref: string, topics: Readonly<Record<string, TenantAws['topics']>>, peerPrefixes?: Readonly<Record<string, string>>): string {
  const [tenant = '', topic = ''] = ref.split('/');
  return topicArn(peerEnv(env, tenant, peerPrefixes), topics[tenant]?.find((t) => t.name === topic) ?? { name: topic });
}

/** The env of another tenant on this cluster, with its AWS prefix. */
function peerEnv(env: TenantAwsEnv, tenant: string, peerPrefixes?: Readonly<Record<string, string>>): TenantAwsEnv {
  if (tenant === env.tenant) return env;
  return { ...env, tenant, namespace: tenant, awsPrefix: peerPrefixes?.[tenant] };
}

/**
 * The queues that subscribe to one of the tenant's topics: its own, and those of peers that the
 * topic lists as subscribers (a peer's one-sided subscription is a fleet-rule error, skipped here).
 */
function subscribersOf(env: TenantAwsEnv, topic: string, aws: TenantAws, peers: readonly PeerTenant[]): TopicSubscriber[] {
  const ref = `${env.tenant}/${topic}`;
  const allowed = new Set(aws.topics.find((t) => t.name === topic)?.subscribers ?? []);
  const all: PeerTenant[] = [{ name: env.tenant, aws }, ...peers.filter((p) => allowed.has(p.name))];
  return all.flatMap((p) =>
    p.aws.queues.flatMap((q) => {
      const s = q.subscribeTo.map(queueSubscription).find((x) => x.topic === ref);
      if (!s) return [];
      const queueArn = QUEUES.arn(p.name === env.tenant ? env : { ...env, tenant: p.name, namespace: p.name, awsPrefix: p.awsPrefix }, q);
      return [{ tenant: p.name, queue: q.name, queueArn, ...(s.filterPolicy ? { filterPolicy: s.filterPolicy, filterPolicyScope: s.filterPolicyScope } : {}) }];
    }),
  );
}

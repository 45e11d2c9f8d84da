import type { Tenant } from '@platform/schemas';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IAM_ROLE } from '../crossplane/iam/role.js';
import { type TenantAwsEnv, type TenantNetwork, arns, accountRoleArn, tenantProviderConfigName } from './tenant-aws-env.js';
import { tenantBoundaryArn } from '../infra/infra-names.js';
import { TenantBucket } from './tenant-bucket.js';
import { TenantDynamoDbTable } from './tenant-dynamodb-table.js';
import { TenantKmsKey } from './tenant-kms-key.js';
import { TenantOpenSearch } from './tenant-opensearch.js';
import { TenantPostgres } from './tenant-postgres.js';
import { TenantProviderConfig } from './tenant-provider-config.js';
import { TenantQueue } from './tenant-queue.js';
import { TenantRedis } from './tenant-redis.js';
import { TenantRegistry, type TenantRegistryProps } from './tenant-registry.js';
import { TenantSecret } from './tenant-secret.js';
import { TenantSecretStore } from './tenant-secret-store.js';
import { type TopicSubscriber, TenantTopic } from './tenant-topic.js';
import { TenantWorkloadRole, type WorkloadAccess, workloadRoleName } from './tenant-workload-role.js';

/** The `aws` section of a tenant file, defaults filled. */
export type TenantAws = Tenant['aws'];

/** Another tenant on the same cluster, for SNS subscriptions across tenants. */
export interface PeerTenant {
  readonly name: string;
  readonly aws: TenantAws;
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
  /** Names of every other tenant of the fleet (the tenant role is denied the names of `<tenant>-*` tenants). @default - the peers' names */
  readonly otherTenants?: readonly string[];
  /** The cluster's node role (pulls images). @default - `<cluster>-eks-node` */
  readonly nodeRoleArn?: string;
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
}

/** Who else may read one tenant registry: see `TenantRegistryProps`. */
export type RegistryReaders = Pick<TenantRegistryProps, 'otherNodeRoleArns' | 'imageAutomationRoleArn'>;

/** True when the tenant asks for anything that lives in the VPC. */
export function needsNetwork(aws: TenantAws): boolean {
  return aws.databases.length + aws.redis.length + aws.opensearch.length > 0;
}

/**
 * Everything a tenant file's `aws` section asks for on one cluster, in the tenant namespace, through
 * the tenant's ProviderConfig: always the key and the SecretStore, then buckets, databases, registries, Redis, queues, topics,
 * secrets, search domains, tables, and one role per workload ServiceAccount whose policy names
 * exactly these resources.
 */
export class TenantAwsResources extends Construct {
  constructor(scope: Construct, id: string, props: TenantAwsResourcesProps) {
    super(scope, id);
    const { env, aws } = props;
    const peers = props.peers ?? [];
    new TenantProviderConfig(this, 'provider-config', { env, credentials: props.credentials, otherTenants: props.otherTenants ?? peers.map((p) => p.name) });

    const namespaceOf = (suffix: string) => (suffix === '' ? env.namespace : `${env.namespace}-${suffix}`);
    const workloadRoles = aws.serviceAccounts.map((sa) => accountRoleArn(env, workloadRoleName(env, sa.name, namespaceOf(sa.namespace))));
    const secretStore = new TenantSecretStore(this, 'secret-store', {
      env,
      namespaces: props.namespaces,
      controllerRoleArn: props.externalSecretsRoleArn ?? accountRoleArn(env, `${env.cluster}-external-secrets`),
    });
    const key = new TenantKmsKey(this, 'key', { env, users: [...workloadRoles, secretStore.roleArn] });
    const keyRef = key.ref;

    const access: WorkloadAccess = {
      buckets: aws.buckets.map((b) => new TenantBucket(this, `bucket-${b.name}`, { env, name: b.name, kmsKeyRef: keyRef, expireAfterDays: b.expireAfterDays, noncurrentVersionsExpireAfterDays: b.noncurrentVersionsExpireAfterDays }).arn),
      queues: aws.queues.flatMap((q) =>
        new TenantQueue(this, `queue-${q.name}`, {
          env, name: q.name, kmsKeyAlias: key.alias, consumerRoleArns: workloadRoles,
          topicArns: q.subscribeTo.map((ref) => topicArn(env, ref)),
          visibilityTimeoutSeconds: q.visibilityTimeoutSeconds, messageRetentionSeconds: q.messageRetentionSeconds,
          deadLetterQueue: q.deadLetterQueue, maxReceiveCount: q.maxReceiveCount,
        }).arns),
      topics: aws.topics.map((t) => new TenantTopic(this, `topic-${t.name}`, { env, name: t.name, kmsKeyAlias: key.alias, subscribers: subscribersOf(env, t.name, aws, peers) }).arn),
      tables: aws.tables.map((t) => {
        new TenantDynamoDbTable(this, `table-${t.name}`, { env, name: t.name, kmsKeyRef: keyRef, hashKey: t.hashKey, rangeKey: t.rangeKey, ttlAttribute: t.ttlAttribute });
        return arns.table(env, t.name);
      }),
      domains: props.network ? aws.opensearch.map((d) => arns.domain(env, d.name)) : [],
    };
    for (const r of aws.registries) {
      new TenantRegistry(this, `registry-${r.name}`, {
        env, name: r.name, kmsKeyRef: keyRef, githubRepositories: r.githubRepositories, keepImages: r.keepImages,
        nodeRoleArn: props.nodeRoleArn ?? accountRoleArn(env, `${env.cluster}-eks-node`),
        ...props.registryReaders?.[r.name],
      });
    }
    for (const s of aws.secrets) new TenantSecret(this, `secret-${s.name}`, { env, name: s.name, kmsKeyRef: keyRef, description: s.description, refreshInterval: s.refreshInterval });
    for (const sa of aws.serviceAccounts) {
      new TenantWorkloadRole(this, `workload-${sa.namespace}-${sa.name}`, {
        env, serviceAccount: sa.name, namespace: namespaceOf(sa.namespace), access,
        createServiceAccount: !props.appServiceAccounts?.has(`${sa.namespace}/${sa.name}`),
      });
    }
    boundTenantCreatedRoles(this, env);

    const network = props.network;
    if (!network) return;
    for (const d of aws.databases) {
      new TenantPostgres(this, `postgres-${d.name}`, {
        env, network, name: d.name, kmsKeyRef: keyRef, engineVersion: d.engineVersion, instanceClass: d.instanceClass,
        allocatedStorage: d.allocatedStorage, maxAllocatedStorage: d.maxAllocatedStorage, backupRetentionDays: d.backupRetentionDays,
        multiAz: d.multiAz[env.environment], deletionProtection: d.deletionProtection[env.environment],
      });
    }
    for (const r of aws.redis) {
      new TenantRedis(this, `redis-${r.name}`, { env, network, name: r.name, kmsKeyRef: keyRef, engineVersion: r.engineVersion, nodeType: r.nodeType, replicas: r.replicas });
    }
    for (const o of aws.opensearch) {
      new TenantOpenSearch(this, `opensearch-${o.name}`, {
        env, network, name: o.name, kmsKeyRef: keyRef, masterUserArn: workloadRoles[0] ?? accountRoleArn(env, `${env.cluster}-tenant-${env.tenant}`),
        engineVersion: o.engineVersion, instanceType: o.instanceType, instanceCount: o.instanceCount, volumeSize: o.volumeSize,
      });
    }
  }
}

/**
 * Every IAM role created through the tenant's ProviderConfig (i.e. by the tenant role) must carry the
 * cluster's tenant boundary: the tenant role may create no role without it. Each construct sets it; one that
 * forgets it or sets another boundary is a bug and fails the render.
 */
function boundTenantCreatedRoles(scope: Construct, env: TenantAwsEnv): void {
  const boundary = tenantBoundaryArn(env);
  for (const c of scope.node.findAll()) {
    if (!ApiObject.isApiObject(c) || c.apiVersion !== IAM_ROLE.apiVersion || c.kind !== IAM_ROLE.kind) continue;
    const spec = c.toJson().spec as { providerConfigRef?: { kind: string; name: string }; forProvider: { permissionsBoundary?: string } };
    if (spec.providerConfigRef?.kind !== 'ProviderConfig' || spec.providerConfigRef.name !== tenantProviderConfigName(env.tenant)) continue;
    const set = spec.forProvider.permissionsBoundary;
    if (set !== boundary) throw new Error(`role ${c.metadata.name} of tenant ${env.tenant}: 'permissionsBoundary' (${set ?? 'none'}) is not the tenant boundary; allowed: ${boundary}`);
  }
}

/** The ARN of `<tenant>/<topic>` on this cluster. */
function topicArn(env: TenantAwsEnv, ref: string): string {
  const [tenant = '', topic = ''] = ref.split('/');
  return arns.topic({ ...env, tenant }, topic);
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
    p.aws.queues.filter((q) => q.subscribeTo.includes(ref)).map((q) => ({ tenant: p.name, queue: q.name, queueArn: arns.queue({ ...env, tenant: p.name }, q.name) })),
  );
}

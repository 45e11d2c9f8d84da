import { NAME_HASH_LENGTH, fitName, stableHash } from '../_fit-name.js';
import { crossplaneProviderRoleArn } from '../addons-config/aws-cluster-provider-config.js';
import { clusterBucketName } from '../infra/cluster-infrastructure.js';
import type { ProviderConfigRef } from '../crossplane/managed-resource.js';
import { TENANT_LABEL } from '../tenancy/tenant-namespace.js';
import { CLUSTER_LABEL, tenantBoundaryArn } from '../infra/infra-names.js';

/**
 * Where a tenant's AWS resources live: one tenant on one cluster. Every tenant-aws construct takes
 * this, so names, tags, ARNs and the ProviderConfig are derived in one place.
 */
export interface TenantAwsEnv {
  /** Cluster name: the first part of every AWS name. */
  readonly cluster: string;
  readonly tenant: string;
  /** The tenant's main namespace, where its managed resources and their Secrets live. */
  readonly namespace: string;
  readonly accountId: string;
  readonly region: string;
  readonly environment: 'development' | 'staging' | 'production';
  /**
   * The tenant's AWS prefix: every AWS name of the tenant starts with `<cluster>-<awsPrefix>-`, and its AWS
   * tenant tag carries it. Unique across the fleet. @default - `defaultAwsPrefix(tenant)`
   */
  readonly awsPrefix?: string;
}

export { NAME_HASH_LENGTH, fitName, stableHash };

/** Tenant names up to this long are their own AWS prefix (every tenant name was, before longer names were allowed). */
export const NAME_AS_AWS_PREFIX_MAX_LENGTH = 30;
/**
 * The AWS prefix of a tenant that sets none (`aws.prefix`): its name when it has at most
 * `NAME_AS_AWS_PREFIX_MAX_LENGTH` characters, else its first 6 characters and a hash of the whole name
 * (`legal-aid-agency-...` → `legal-3f9a`), short enough for OpenSearch's 28 characters on a cluster of 10.
 */
export function defaultAwsPrefix(tenant: string): string {
  if (tenant.length <= NAME_AS_AWS_PREFIX_MAX_LENGTH) return tenant;
  return `${tenant.slice(0, 6).replace(/-+$/, '')}-${stableHash(tenant)}`;
}

/** The AWS prefix of the tenant of `env` (see `TenantAwsEnv.awsPrefix`). */
export function awsPrefixOf(env: Pick<TenantAwsEnv, 'tenant' | 'awsPrefix'>): string {
  return env.awsPrefix ?? defaultAwsPrefix(env.tenant);
}

/** The permissions boundary every role of the tenant on its cluster carries: its own `<cluster>-boundary-<awsPrefix>`. */
export const ownBoundaryArn = (env: Pick<TenantAwsEnv, 'cluster' | 'accountId' | 'tenant' | 'awsPrefix'>) => tenantBoundaryArn(env, awsPrefixOf(env));

/** An AWS naming rule of one kind: the limit AWS sets on the whole name, and any suffix the platform appends. */
export interface AwsNameRule {
  /** What AWS calls the name, for messages (e.g. `OpenSearch domain name`). */
  readonly what: string;
  /** AWS's limit on the whole name. */
  readonly max: number;
  /** A suffix the platform appends to the name (`-dlq`, `-final`), counted in the limit. @default '' */
  readonly reserve?: string;
}

/** IAM's limit on role names (workload roles, CI roles). */
export const IAM_ROLE_NAME: AwsNameRule = { what: 'IAM role name', max: 64 };

/** Characters left for the short name after `head` under `rule` (at least `NAME_HASH_LENGTH` must remain). */
export function nameRoom(head: string, rule: AwsNameRule): number {
  return rule.max - (rule.reserve?.length ?? 0) - head.length;
}

/** The AWS name of one tenant resource under `rule`: `<cluster>-<prefix>-<short>`, shortened to fit (see `fitName`). */
export function fittedAwsName(env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>, rule: AwsNameRule, short: string): string {
  return fitName(awsNamePrefix(env), short, rule.max - (rule.reserve?.length ?? 0));
}

/** The AWS tag (and Kubernetes label) naming the owning tenant; the tenant role's IAM conditions test it. */
export const TENANT_TAG = TENANT_LABEL;
export const CLUSTER_TAG = CLUSTER_LABEL;

/** `<cluster>-<prefix>-<name>`: the AWS name of a tenant resource whose kind has no tight limit. */
export function awsName(env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>, name: string): string {
  return `${awsNamePrefix(env)}${name}`;
}

/** `<cluster>-<prefix>-`: every AWS name the tenant role may touch starts with this. */
export function awsNamePrefix(env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>): string {
  return `${env.cluster}-${awsPrefixOf(env)}-`;
}

/** S3's limit on bucket names. */
export const BUCKET_NAME_MAX_LENGTH = 63;

type BucketEnv = Pick<TenantAwsEnv, 'accountId' | 'region' | 'cluster' | 'tenant' | 'awsPrefix'>;

/**
 * `<account>-<region>-<cluster>-<prefix>-<name>`: the S3 name of a tenant bucket, shortened to fit S3's limit
 * (see `fitName`). S3 names are global across all accounts, so the account and region lead, as in the cluster's
 * own buckets (`clusterBucketName`).
 */
export function bucketName(env: BucketEnv, name: string): string {
  return fitName(bucketNamePrefix(env), name, BUCKET_NAME_MAX_LENGTH);
}

/** `<account>-<region>-<cluster>-<prefix>-`: every bucket name the tenant role may touch starts with this. */
export function bucketNamePrefix(env: BucketEnv): string {
  return clusterBucketName(env.accountId, env.region, env.cluster, `${awsPrefixOf(env)}-`);
}

/** Name of the tenant's namespaced ProviderConfig. */
export function tenantProviderConfigName(tenant: string): string {
  return `${tenant}-aws`;
}

/** `providerConfigRef` of every managed resource of the tenant. */
export function tenantProviderConfigRef(env: Pick<TenantAwsEnv, 'tenant'>): ProviderConfigRef {
  return { kind: 'ProviderConfig', name: tenantProviderConfigName(env.tenant) };
}

/** The role the tenant ProviderConfig assumes: `<cluster>-tenant-<prefix>`. */
export function tenantRoleName(env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>): string {
  return `${env.cluster}-tenant-${awsPrefixOf(env)}`;
}

export function accountRoleArn(env: Pick<TenantAwsEnv, 'accountId'>, roleName: string): string {
  return `arn:aws:iam::${env.accountId}:role/${roleName}`;
}

/** The IAM role the cluster's own Crossplane provider pods run as: the only principal the tenant roles trust. */
export function crossplaneRoleArn(env: Pick<TenantAwsEnv, 'accountId' | 'cluster'>): string {
  return crossplaneProviderRoleArn(env.accountId, env.cluster);
}

/**
 * Tags on every AWS resource of the tenant. The tenant tag carries the tenant's AWS prefix (its name unless the
 * name is long or the file sets `aws.prefix`): IAM conditions and the boundary's `<cluster>-${tag}-*` scope by it.
 */
export function tenantTags(env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>): Record<string, string> {
  return { [TENANT_TAG]: awsPrefixOf(env), [CLUSTER_TAG]: env.cluster };
}

/** metadata and providerConfigRef shared by every managed resource of the tenant. */
export function mrCommon(env: TenantAwsEnv, name: string) {
  return { name, namespace: env.namespace, providerConfigRef: tenantProviderConfigRef(env), labels: { [TENANT_LABEL]: env.tenant } };
}

/** `<cluster>/<prefix>/`: every Secrets Manager name of the tenant starts with this. */
export function secretNamePrefix(env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>): string {
  return `${env.cluster}/${awsPrefixOf(env)}/`;
}

/** The ARN pattern of every secret of the tenant. */
export function tenantSecretsArn(env: TenantAwsEnv): string {
  return `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${secretNamePrefix(env)}*`;
}

/** The AWS ids of the cluster network that tenant data stores attach to (cluster file `network.ids`). */
export interface TenantNetwork {
  readonly vpcId: string;
  /** Secure-tier subnets, one per availability zone. */
  readonly secureSubnetIds: readonly string[];
  /** The compute tier's security group: the only source a data store admits. */
  readonly computeSecurityGroupId: string;
}

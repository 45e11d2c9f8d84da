import { crossplaneProviderRoleArn } from '../addons-config/aws-cluster-provider-config.js';
import { clusterBucketName } from '../infra/cluster-infrastructure.js';
import type { ProviderConfigRef } from '../crossplane/managed-resource.js';
import { TENANT_LABEL } from '../tenancy/tenant-namespace.js';
import { CLUSTER_LABEL } from '../infra/infra-names.js';

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
}

/** The AWS tag (and Kubernetes label) naming the owning tenant; the tenant role's IAM conditions test it. */
export const TENANT_TAG = TENANT_LABEL;
export const CLUSTER_TAG = CLUSTER_LABEL;

/** `<cluster>-<tenant>-<name>`: the AWS name of a tenant resource, unique per cluster and tenant. */
export function awsName(env: TenantAwsEnv, name: string): string {
  return `${env.cluster}-${env.tenant}-${name}`;
}

/** `<cluster>-<tenant>-`: every AWS name the tenant role may touch starts with this. */
export function awsNamePrefix(env: TenantAwsEnv): string {
  return `${env.cluster}-${env.tenant}-`;
}

/** S3's limit on bucket names. */
export const BUCKET_NAME_MAX_LENGTH = 63;

/**
 * `<account>-<region>-<cluster>-<tenant>-<name>`: the S3 name of a tenant bucket. S3 names are global across
 * all accounts, so the account and region lead, as in the cluster's own buckets (`clusterBucketName`).
 */
export function bucketName(env: Pick<TenantAwsEnv, 'accountId' | 'region' | 'cluster' | 'tenant'>, name: string): string {
  return clusterBucketName(env.accountId, env.region, env.cluster, `${env.tenant}-${name}`);
}

/** `<account>-<region>-<cluster>-<tenant>-`: every bucket name the tenant role may touch starts with this. */
export function bucketNamePrefix(env: Pick<TenantAwsEnv, 'accountId' | 'region' | 'cluster' | 'tenant'>): string {
  return bucketName(env, '');
}

/** The longest bucket `name` a tenant may ask for on a cluster, so that `bucketName` fits S3's limit. */
export function maxBucketShortName(env: Pick<TenantAwsEnv, 'accountId' | 'region' | 'cluster' | 'tenant'>): number {
  return BUCKET_NAME_MAX_LENGTH - bucketNamePrefix(env).length;
}

/** Name of the tenant's namespaced ProviderConfig. */
export function tenantProviderConfigName(tenant: string): string {
  return `${tenant}-aws`;
}

/** `providerConfigRef` of every managed resource of the tenant. */
export function tenantProviderConfigRef(env: Pick<TenantAwsEnv, 'tenant'>): ProviderConfigRef {
  return { kind: 'ProviderConfig', name: tenantProviderConfigName(env.tenant) };
}

/** The role the tenant ProviderConfig assumes: `<cluster>-tenant-<tenant>`. */
export function tenantRoleName(env: Pick<TenantAwsEnv, 'cluster' | 'tenant'>): string {
  return `${env.cluster}-tenant-${env.tenant}`;
}

export function accountRoleArn(env: Pick<TenantAwsEnv, 'accountId'>, roleName: string): string {
  return `arn:aws:iam::${env.accountId}:role/${roleName}`;
}

/** The IAM role the cluster's own Crossplane provider pods run as: the only principal the tenant roles trust. */
export function crossplaneRoleArn(env: Pick<TenantAwsEnv, 'accountId' | 'cluster'>): string {
  return crossplaneProviderRoleArn(env.accountId, env.cluster);
}

/** Tags on every AWS resource of the tenant. */
export function tenantTags(env: TenantAwsEnv): Record<string, string> {
  return { [TENANT_TAG]: env.tenant, [CLUSTER_TAG]: env.cluster };
}

/** metadata and providerConfigRef shared by every managed resource of the tenant. */
export function mrCommon(env: TenantAwsEnv, name: string) {
  return { name, namespace: env.namespace, providerConfigRef: tenantProviderConfigRef(env), labels: { [TENANT_LABEL]: env.tenant } };
}

/** ARNs of the tenant's resources, by kind. */
export const arns = {
  bucket: (env: TenantAwsEnv, name: string) => `arn:aws:s3:::${bucketName(env, name)}`,
  queue: (env: TenantAwsEnv, name: string) => `arn:aws:sqs:${env.region}:${env.accountId}:${awsName(env, name)}`,
  topic: (env: TenantAwsEnv, name: string) => `arn:aws:sns:${env.region}:${env.accountId}:${awsName(env, name)}`,
  table: (env: TenantAwsEnv, name: string) => `arn:aws:dynamodb:${env.region}:${env.accountId}:table/${awsName(env, name)}`,
  repository: (env: TenantAwsEnv, name: string) => `arn:aws:ecr:${env.region}:${env.accountId}:repository/${awsName(env, name)}`,
  domain: (env: TenantAwsEnv, name: string) => `arn:aws:es:${env.region}:${env.accountId}:domain/${awsName(env, name)}`,
  database: (env: TenantAwsEnv, name: string) => `arn:aws:rds:${env.region}:${env.accountId}:db:${awsName(env, name)}`,
  /** Secrets Manager appends `-` and six random characters to a secret's ARN. */
  secret: (env: TenantAwsEnv, name: string) => `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${secretName(env, name)}-??????`,
  /** Every secret of the tenant. */
  secrets: (env: TenantAwsEnv) => `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${env.cluster}/${env.tenant}/*`,
  /** The KMS alias of the tenant key; policies name the key through it (`kms:RequestAlias`) or by tag. */
  keyAlias: (env: TenantAwsEnv) => `arn:aws:kms:${env.region}:${env.accountId}:alias/${awsName(env, 'key')}`,
};

/** `<cluster>/<tenant>/<name>`: the Secrets Manager name of a tenant secret. */
export function secretName(env: TenantAwsEnv, name: string): string {
  return `${env.cluster}/${env.tenant}/${name}`;
}

/** The AWS ids of the cluster network that tenant data stores attach to (cluster file `network.ids`). */
export interface TenantNetwork {
  readonly vpcId: string;
  /** Secure-tier subnets, one per availability zone. */
  readonly secureSubnetIds: readonly string[];
  /** The compute tier's security group: the only source a data store admits. */
  readonly computeSecurityGroupId: string;
}

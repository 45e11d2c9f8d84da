import { Construct } from 'constructs';
import { IamPolicy } from '../crossplane/iam/role.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, resolveInfra } from '../infra/infra-props.js';
import { tenantBoundaryArn, tenantBoundaryName } from '../infra/infra-names.js';
import { TENANT_TAG, type TenantAwsEnv, bucketNamePrefix } from './tenant-aws-env.js';

type ClusterEnv = Pick<TenantAwsEnv, 'cluster' | 'accountId' | 'region'>;

/** metadata.name of the boundary policy among the cluster's infra objects. */
export const TENANT_BOUNDARY = 'tenant-boundary';


/**
 * The tenant of the calling principal, as an IAM policy variable. Every tenant role carries the tag
 * `platform.example.com/tenant: <tenant>` (see `tenantTags`), so one boundary serves every tenant.
 */
export const PRINCIPAL_TENANT = `\${aws:PrincipalTag/${TENANT_TAG}}`;

/** Data-plane actions a workload, a CI job or a secret reader of a tenant may ever need (see `workloadStatements`, `TenantRegistry`, `TenantSecretStore`). */
const ACTIONS = {
  bucket: ['s3:ListBucket', 's3:GetBucketLocation'],
  object: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
  queue: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
  topic: ['sns:Publish', 'sns:GetTopicAttributes'],
  table: [
    'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem',
    'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable',
  ],
  domain: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete', 'es:ESHttpPatch'],
  secret: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
  repository: [
    'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload',
    'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:DescribeImages',
  ],
  key: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey', 'kms:CreateGrant'],
};

/**
 * The boundary's statements: the most any role created by a tenant role may ever do, whatever
 * policy gets attached to it. Data-plane actions only, on resources named `<cluster>-<tenant>-*`
 * (buckets `<account>-<region>-<cluster>-<tenant>-*`, secrets `<cluster>/<tenant>/*`) or tagged for the
 * tenant (keys), `<tenant>` being the caller's own tenant tag. Two Denys keep a caller from borrowing
 * another tenant's name: a session without the tag, and a role whose name is not `<cluster>-<tag>-*`
 * (a session tag forged onto another tenant's role) get nothing. No IAM, no control plane.
 *
 * Tenant names may contain `-`, so the names `<cluster>-a-*` of tenant `a` cover every name of tenant `a-b`.
 * For each such nested tenant of the cluster (`nestedTenants`, see `nestedTenantsOf`), a Deny names exactly
 * the resources its own statements allow by name, for every principal whose tenant tag is not that tenant.
 */
export function tenantBoundaryStatements(env: ClusterEnv, nestedTenants: readonly string[] = []): PolicyStatement[] {
  const own = ownData(env, PRINCIPAL_TENANT);
  // Sids are alphanumeric, so they number the (sorted) nested tenants; the condition names each.
  const fences = [...new Set(nestedTenants)].sort().map((n, i): PolicyStatement => ({
    sid: `NotNestedTenant${i + 1}`,
    effect: 'Deny',
    actions: ['*'],
    resources: ownData(env, n).flatMap((s) => s.resources ?? []).filter((r) => r.includes(`${env.cluster}-${n}-`)),
    condition: { StringNotEquals: { [`aws:PrincipalTag/${TENANT_TAG}`]: n } },
  }));
  return [
    ...own,
    { sid: 'NoUntaggedPrincipal', effect: 'Deny', actions: ['*'], resources: ['*'], condition: { Null: { [`aws:PrincipalTag/${TENANT_TAG}`]: 'true' } } },
    {
      sid: 'OnlyOwnRoles',
      effect: 'Deny',
      actions: ['*'],
      resources: ['*'],
      condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${env.accountId}:role/${env.cluster}-${PRINCIPAL_TENANT}-*` } },
    },
    ...fences,
  ];
}

/** The tenants of a cluster whose names lie inside another tenant's names (`a-b` when `a` exists), sorted. */
export function nestedTenantsOf(tenants: readonly string[]): string[] {
  return [...new Set(tenants.filter((n) => tenants.some((t) => n.startsWith(`${t}-`))))].sort();
}

/** The data-plane grants of tenant `t` (a name, or the caller's tag as a policy variable). */
function ownData(env: ClusterEnv, t: string): PolicyStatement[] {
  const r = `${env.region}:${env.accountId}`;
  const p = `${env.cluster}-${t}-`;
  const bucket = `arn:aws:s3:::${bucketNamePrefix({ ...env, tenant: t })}*`;
  return [
    { sid: 'OwnBuckets', actions: ACTIONS.bucket, resources: [bucket] },
    { sid: 'OwnObjects', actions: ACTIONS.object, resources: [`${bucket}/*`] },
    { sid: 'OwnQueues', actions: ACTIONS.queue, resources: [`arn:aws:sqs:${r}:${p}*`] },
    { sid: 'OwnTopics', actions: ACTIONS.topic, resources: [`arn:aws:sns:${r}:${p}*`] },
    { sid: 'OwnTables', actions: ACTIONS.table, resources: [`arn:aws:dynamodb:${r}:table/${p}*`] },
    { sid: 'OwnSearchDomains', actions: ACTIONS.domain, resources: [`arn:aws:es:${r}:domain/${p}*`] },
    { sid: 'OwnSecrets', actions: ACTIONS.secret, resources: [`arn:aws:secretsmanager:${r}:secret:${env.cluster}/${t}/*`] },
    { sid: 'OwnRegistries', actions: ACTIONS.repository, resources: [`arn:aws:ecr:${r}:repository/${p}*`] },
    {
      sid: 'RegistryLogin',
      actions: ['ecr:GetAuthorizationToken'],
      resources: ['*'],
      anyResourceBecause: 'ecr:GetAuthorizationToken cannot be scoped to a repository',
      condition: { StringEquals: { 'aws:RequestedRegion': env.region } },
    },
    { sid: 'OwnKeys', actions: ACTIONS.key, resources: [`arn:aws:kms:${r}:key/*`], condition: { StringEquals: { [`aws:ResourceTag/${TENANT_TAG}`]: t } } },
  ];
}

export interface TenantBoundaryPolicyProps extends InfraProps {
  /** Every tenant of the cluster; those inside another's names get a Deny of their own (see `tenantBoundaryStatements`). @default [] */
  readonly tenants?: readonly string[];
}

/**
 * The customer-managed policy `<cluster>-tenant-boundary`, one per cluster, rendered with the cluster's
 * infrastructure so it exists before any tenant role does. Every role a tenant role creates must carry
 * it as its permissions boundary (the tenant role may create roles with no other), so no policy a
 * tenant role writes can grant more than `tenantBoundaryStatements`. Tenant roles may not change it.
 */
export class TenantBoundaryPolicy extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TenantBoundaryPolicyProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    this.arn = tenantBoundaryArn(infra);
    new IamPolicy(this, 'policy', {
      ...mrBase(infra, TENANT_BOUNDARY),
      externalName: tenantBoundaryName(infra.cluster),
      forProvider: {
        description: `${infra.cluster}: permissions boundary of every role a tenant creates (own tenant's data only)`,
        policy: policyDocument(tenantBoundaryStatements(infra, nestedTenantsOf(props.tenants ?? []))),
        tags: infra.tags,
      },
    });
  }
}

import { Construct } from 'constructs';
import { SecureBucket } from '../infra/secure-bucket.js';
import { type TenantAwsEnv, BUCKET_NAME_MAX_LENGTH, bucketName, bucketNamePrefix, mrCommon, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';

const bucketArn = (env: TenantAwsEnv, name: string) => `arn:aws:s3:::${bucketName(env, name)}`;

export interface TenantBucketProps {
  readonly env: TenantAwsEnv;
  /** Short name; the bucket is `<account>-<region>-<cluster>-<tenant>-<name>` (see `bucketName`). */
  readonly name: string;
  /** The tenant key (`TenantKmsKey.ref`). */
  readonly kmsKeyRef: { readonly name: string };
  /** Delete current objects after this many days. @default - never */
  readonly expireAfterDays?: number;
  /** Delete noncurrent versions after this many days. @default 90 */
  readonly noncurrentVersionsExpireAfterDays?: number;
}

/**
 * A tenant S3 bucket: the platform's SecureBucket (SSE-KMS with the tenant key, versioning, public
 * access block, owner-enforced, TLS-only policy, retained) in the tenant namespace, named and tagged
 * for the tenant.
 */
export class TenantBucket extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TenantBucketProps) {
    super(scope, id);
    const { env, name } = props;
    const common = mrCommon(env, `bucket-${name}`);
    this.arn = bucketArn(env, name);
    new SecureBucket(this, 'bucket', {
      ...common,
      externalName: bucketName(env, name),
      region: env.region,
      kmsKeyRef: props.kmsKeyRef,
      tags: tenantTags(env),
      lifecycleRules: [
        {
          id: 'expire',
          expirationDays: props.expireAfterDays,
          noncurrentExpirationDays: props.noncurrentVersionsExpireAfterDays ?? 90,
        },
      ],
    });
  }
}

const BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketLocation'];
const READ_OBJECT_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];
const OBJECT_ACTIONS = [...READ_OBJECT_ACTIONS, 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'];

/** The tenant AWS kind `aws.buckets`. */
export const BUCKETS: TenantAwsKind<TenantAwsItem<'buckets'>> = {
  field: 'buckets',
  title: 'S3 bucket',
  mrPrefix: 'bucket',
  names: [{ rule: { what: 'S3 bucket name', max: BUCKET_NAME_MAX_LENGTH }, short: (b) => b.name, head: 'bucket' }],
  arn: (env, b) => bucketArn(env, b.name),
  workloadArns: (env, b) => [BUCKETS.arn(env, b)],
  workloadActions: (arns) => [
    { sid: 'Buckets', actions: BUCKET_ACTIONS, resources: [...arns] },
    { sid: 'Objects', actions: OBJECT_ACTIONS, resources: arns.map((b) => `${b}/*`) },
  ],
  dataPlane: (patterns) => [
    { sid: 'OwnBuckets', actions: BUCKET_ACTIONS, resources: [...patterns] },
    { sid: 'OwnObjects', actions: OBJECT_ACTIONS, resources: patterns.map((b) => `${b}/*`) },
  ],
  providerRole: (patterns) => [{
    sid: 'Buckets',
    actions: ['s3:CreateBucket', 's3:ListBucket', 's3:GetBucket*', 's3:PutBucket*', 's3:DeleteBucketPolicy', 's3:GetEncryptionConfiguration', 's3:PutEncryptionConfiguration', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:GetAccelerateConfiguration', 's3:GetReplicationConfiguration'],
    resources: [...patterns],
  }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:s3:::${bucketNamePrefix({ ...s, tenant: s.prefix, awsPrefix: s.prefix })}*`],
  vpc: null,
  publicEndpoint: true,
  stateful: [{ service: 's3', kind: 'Bucket', title: 'S3 bucket', loss: 'every object stored in the bucket (logs, metrics, backups, tenant data)' }],
  providerPackages: ['s3'],
  summary: 'SSE-KMS with the tenant key, versioned, public access blocked, owner-enforced, TLS only',
  sharing: {
    accesses: {
      read: {
        ownerField: 'readers',
        statements: (arns) => [
          { sid: 'ReadBuckets', actions: BUCKET_ACTIONS, resources: [...arns] },
          { sid: 'ReadObjects', actions: READ_OBJECT_ACTIONS, resources: arns.map((b) => `${b}/*`) },
        ],
        keyActions: ['kms:Decrypt'],
      },
      // Writers put objects (multipart too) and read them back; deleting stays with the owner.
      write: {
        ownerField: 'writers',
        statements: (arns) => [
          { sid: 'WriteBuckets', actions: BUCKET_ACTIONS, resources: [...arns] },
          { sid: 'WriteObjects', actions: [...READ_OBJECT_ACTIONS, 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], resources: arns.map((b) => `${b}/*`) },
        ],
        keyActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      },
    },
    usedBy: 'workloads',
    service: 's3',
    arns: (owner, b) => [BUCKETS.arn(owner, b)],
    details: (owner, b) => ({ arn: BUCKETS.arn(owner, b), bucket: bucketName(owner, b.name), region: owner.region }),
  },
  render: (scope, ctx, b) => {
    new TenantBucket(scope, `bucket-${b.name}`, { env: ctx.env, name: b.name, kmsKeyRef: ctx.kmsKeyRef, expireAfterDays: b.expireAfterDays, noncurrentVersionsExpireAfterDays: b.noncurrentVersionsExpireAfterDays });
  },
};


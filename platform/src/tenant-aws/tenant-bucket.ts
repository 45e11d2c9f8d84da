import { Construct } from 'constructs';
import { SecureBucket } from '../infra/secure-bucket.js';
import { type TenantAwsEnv, arns, bucketName, mrCommon, tenantTags } from './tenant-aws-env.js';

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
    this.arn = arns.bucket(env, name);
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

import { BOOL, NUM, STR, STR_MAP, arr, obj, oneOf, referable, regional } from '../_fields.js';
import type { Ref, Referable, RegionalForProvider, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass, type ManagedResourceKind } from '../managed-resource.js';

const s3 = kindsOf('s3.aws.m.upbound.io/v1beta1');

/**
 * s3 Bucket. Name-identified: the external name is the globally unique bucket name. Its settings
 * (encryption, versioning, policy, ...) are separate kinds that reference it with `bucketRef`.
 */
export const S3_BUCKET = s3('Bucket', regional({ forceDestroy: BOOL, objectLockEnabled: BOOL, tags: STR_MAP }));

export interface S3BucketForProvider extends TaggedForProvider {
  /** Delete all objects when the bucket is deleted. Never set on platform buckets. */
  readonly forceDestroy?: boolean;
  readonly objectLockEnabled?: boolean;
}

export const S3Bucket = managedResourceClass<S3BucketForProvider>(S3_BUCKET);
export type S3Bucket = InstanceType<typeof S3Bucket>;

/** Fields of every bucket-settings kind: the bucket, by name or by reference. */
export interface BucketSettingForProvider extends RegionalForProvider, Referable<'bucket'> {}

function bucketSetting(kind: string, fields: Record<string, object>, required: readonly string[] = []): ManagedResourceKind {
  return s3(kind, regional({ ...referable('bucket'), ...fields }, required));
}

export const S3_BUCKET_SSE = bucketSetting(
  'BucketServerSideEncryptionConfiguration',
  {
    expectedBucketOwner: STR,
    rule: arr(
      obj({
        applyServerSideEncryptionByDefault: obj({ ...referable('kmsMasterKeyId'), sseAlgorithm: oneOf('AES256', 'aws:kms', 'aws:kms:dsse') }, ['sseAlgorithm']),
        blockedEncryptionTypes: arr(STR),
        bucketKeyEnabled: BOOL,
      }),
    ),
  },
  ['rule'],
);

export interface S3BucketSseForProvider extends BucketSettingForProvider {
  readonly rule: readonly {
    readonly applyServerSideEncryptionByDefault: {
      readonly sseAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
      readonly kmsMasterKeyId?: string;
      readonly kmsMasterKeyIdRef?: Ref;
    };
    readonly bucketKeyEnabled?: boolean;
  }[];
}

export const S3BucketServerSideEncryption = managedResourceClass<S3BucketSseForProvider>(S3_BUCKET_SSE);

export const S3_BUCKET_VERSIONING = bucketSetting(
  'BucketVersioning',
  { expectedBucketOwner: STR, mfa: STR, versioningConfiguration: obj({ status: oneOf('Enabled', 'Suspended', 'Disabled'), mfaDelete: oneOf('Enabled', 'Disabled') }, ['status']) },
  ['versioningConfiguration'],
);

export interface S3BucketVersioningForProvider extends BucketSettingForProvider {
  readonly versioningConfiguration: { readonly status: 'Enabled' | 'Suspended' | 'Disabled' };
}

export const S3BucketVersioning = managedResourceClass<S3BucketVersioningForProvider>(S3_BUCKET_VERSIONING);

export const S3_BUCKET_PUBLIC_ACCESS_BLOCK = bucketSetting('BucketPublicAccessBlock', {
  blockPublicAcls: BOOL,
  blockPublicPolicy: BOOL,
  ignorePublicAcls: BOOL,
  restrictPublicBuckets: BOOL,
  skipDestroy: BOOL,
});

export interface S3BucketPublicAccessBlockForProvider extends BucketSettingForProvider {
  readonly blockPublicAcls?: boolean;
  readonly blockPublicPolicy?: boolean;
  readonly ignorePublicAcls?: boolean;
  readonly restrictPublicBuckets?: boolean;
}

export const S3BucketPublicAccessBlock = managedResourceClass<S3BucketPublicAccessBlockForProvider>(S3_BUCKET_PUBLIC_ACCESS_BLOCK);

export const S3_BUCKET_POLICY = bucketSetting('BucketPolicy', { policy: STR }, ['policy']);

export interface S3BucketPolicyForProvider extends BucketSettingForProvider {
  /** The bucket policy as a JSON string. */
  readonly policy: string;
}

export const S3BucketPolicy = managedResourceClass<S3BucketPolicyForProvider>(S3_BUCKET_POLICY);

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

export const S3_BUCKET_OWNERSHIP_CONTROLS = bucketSetting(
  'BucketOwnershipControls',
  { rule: obj({ objectOwnership: oneOf('BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter') }, ['objectOwnership']) },
  ['rule'],
);

export interface S3BucketOwnershipControlsForProvider extends BucketSettingForProvider {
  readonly rule: { readonly objectOwnership: ObjectOwnership };
}

export const S3BucketOwnershipControls = managedResourceClass<S3BucketOwnershipControlsForProvider>(S3_BUCKET_OWNERSHIP_CONTROLS);

const DAYS = obj({ days: NUM, date: STR, expiredObjectDeleteMarker: BOOL });
const NONCURRENT = obj({ noncurrentDays: NUM, newerNoncurrentVersions: NUM, storageClass: STR });

export const S3_BUCKET_LIFECYCLE = bucketSetting('BucketLifecycleConfiguration', {
  expectedBucketOwner: STR,
  transitionDefaultMinimumObjectSize: STR,
  rule: arr(
    obj(
      {
        id: STR,
        status: oneOf('Enabled', 'Disabled'),
        prefix: STR,
        filter: arr(obj({ prefix: STR, objectSizeGreaterThan: NUM, objectSizeLessThan: NUM, tag: arr(obj({ key: STR, value: STR })), and: arr(obj({ prefix: STR, objectSizeGreaterThan: NUM, objectSizeLessThan: NUM, tags: STR_MAP })) })),
        expiration: arr(DAYS),
        transition: arr(obj({ days: NUM, date: STR, storageClass: STR })),
        noncurrentVersionExpiration: arr(obj({ noncurrentDays: NUM, newerNoncurrentVersions: NUM })),
        noncurrentVersionTransition: arr(NONCURRENT),
        abortIncompleteMultipartUpload: arr(obj({ daysAfterInitiation: NUM })),
      },
      ['id', 'status'],
    ),
  ),
});

/** One lifecycle rule as the provider spells it (sub-blocks are lists of one). */
export interface S3LifecycleRule {
  readonly id: string;
  readonly status: 'Enabled' | 'Disabled';
  readonly filter?: readonly { readonly prefix?: string }[];
  readonly expiration?: readonly { readonly days?: number; readonly expiredObjectDeleteMarker?: boolean }[];
  readonly transition?: readonly { readonly days: number; readonly storageClass: string }[];
  readonly noncurrentVersionExpiration?: readonly { readonly noncurrentDays: number }[];
  readonly abortIncompleteMultipartUpload?: readonly { readonly daysAfterInitiation: number }[];
}

export interface S3BucketLifecycleForProvider extends BucketSettingForProvider {
  readonly rule: readonly S3LifecycleRule[];
}

export const S3BucketLifecycleConfiguration = managedResourceClass<S3BucketLifecycleForProvider>(S3_BUCKET_LIFECYCLE);

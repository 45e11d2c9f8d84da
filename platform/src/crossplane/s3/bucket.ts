import type { Construct } from 'constructs';
import { BOOL, NUM, STR, STR_MAP, arr, obj, oneOf, referable, regional, untyped } from '../_fields.js';
import type { Ref, RegionalForProvider, Selector, Tags, TypedManagedResourceProps } from '../_fields.js';
import { ManagedResource, defineManagedResourceKind, type ManagedResourceKind } from '../managed-resource.js';

const S3 = 's3.aws.m.upbound.io/v1beta1';

/**
 * s3 Bucket. Name-identified: the external name is the globally unique bucket name. Its settings
 * (encryption, versioning, policy, ...) are separate kinds that reference it with `bucketRef`.
 */
export const S3_BUCKET = defineManagedResourceKind({
  apiVersion: S3,
  kind: 'Bucket',
  forProvider: regional({ forceDestroy: BOOL, objectLockEnabled: BOOL, tags: STR_MAP }),
});

export interface S3BucketForProvider extends RegionalForProvider {
  /** Delete all objects when the bucket is deleted. Never set on platform buckets. */
  readonly forceDestroy?: boolean;
  readonly objectLockEnabled?: boolean;
  readonly tags?: Tags;
}

export class S3Bucket extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketForProvider>) {
    super(scope, id, S3_BUCKET, untyped(props));
  }
}

/** Fields of every bucket-settings kind: the bucket, by name or by reference. */
export interface BucketSettingForProvider extends RegionalForProvider {
  readonly bucket?: string;
  readonly bucketRef?: Ref;
  readonly bucketSelector?: Selector;
}

function bucketSetting(kind: string, fields: Record<string, object>, required: readonly string[] = []): ManagedResourceKind {
  return defineManagedResourceKind({ apiVersion: S3, kind, forProvider: regional({ ...referable('bucket'), ...fields }, required) });
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

export class S3BucketServerSideEncryption extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketSseForProvider>) {
    super(scope, id, S3_BUCKET_SSE, untyped(props));
  }
}

export const S3_BUCKET_VERSIONING = bucketSetting(
  'BucketVersioning',
  { expectedBucketOwner: STR, mfa: STR, versioningConfiguration: obj({ status: oneOf('Enabled', 'Suspended', 'Disabled'), mfaDelete: oneOf('Enabled', 'Disabled') }, ['status']) },
  ['versioningConfiguration'],
);

export interface S3BucketVersioningForProvider extends BucketSettingForProvider {
  readonly versioningConfiguration: { readonly status: 'Enabled' | 'Suspended' | 'Disabled' };
}

export class S3BucketVersioning extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketVersioningForProvider>) {
    super(scope, id, S3_BUCKET_VERSIONING, untyped(props));
  }
}

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

export class S3BucketPublicAccessBlock extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketPublicAccessBlockForProvider>) {
    super(scope, id, S3_BUCKET_PUBLIC_ACCESS_BLOCK, untyped(props));
  }
}

export const S3_BUCKET_POLICY = bucketSetting('BucketPolicy', { policy: STR }, ['policy']);

export interface S3BucketPolicyForProvider extends BucketSettingForProvider {
  /** The bucket policy as a JSON string. */
  readonly policy: string;
}

export class S3BucketPolicy extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketPolicyForProvider>) {
    super(scope, id, S3_BUCKET_POLICY, untyped(props));
  }
}

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

export const S3_BUCKET_OWNERSHIP_CONTROLS = bucketSetting(
  'BucketOwnershipControls',
  { rule: obj({ objectOwnership: oneOf('BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter') }, ['objectOwnership']) },
  ['rule'],
);

export interface S3BucketOwnershipControlsForProvider extends BucketSettingForProvider {
  readonly rule: { readonly objectOwnership: ObjectOwnership };
}

export class S3BucketOwnershipControls extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketOwnershipControlsForProvider>) {
    super(scope, id, S3_BUCKET_OWNERSHIP_CONTROLS, untyped(props));
  }
}

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

export class S3BucketLifecycleConfiguration extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<S3BucketLifecycleForProvider>) {
    super(scope, id, S3_BUCKET_LIFECYCLE, untyped(props));
  }
}

import { Construct } from 'constructs';
import type { ProviderConfigRef } from '../crossplane/managed-resource.js';
import type { Ref, Tags } from '../crossplane/_fields.js';
import { policyDocument } from '../crossplane/iam/policy-document.js';
import {
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryption,
  S3BucketVersioning,
  type S3LifecycleRule,
} from '../crossplane/s3/bucket.js';

/** A lifecycle rule of a SecureBucket, in the platform's flat vocabulary. */
export interface BucketLifecycleRule {
  /** Rule id, unique in the bucket, e.g. `expire-logs`. */
  readonly id: string;
  /** Key prefix the rule applies to. @default '' (every object) */
  readonly prefix?: string;
  /** Delete current objects this many days after creation. @default - never */
  readonly expirationDays?: number;
  /** Delete noncurrent versions this many days after they became noncurrent. @default - never */
  readonly noncurrentExpirationDays?: number;
  /** Move objects to cheaper storage classes, e.g. `[{ days: 30, storageClass: 'STANDARD_IA' }]`. @default [] */
  readonly transitions?: readonly { readonly days: number; readonly storageClass: string }[];
  /** Abort unfinished multipart uploads after this many days. @default 7 */
  readonly abortIncompleteMultipartUploadDays?: number;
}

export interface SecureBucketProps {
  /** metadata.name of every object of the bucket (they differ by kind). */
  readonly name: string;
  readonly namespace: string;
  /** The S3 bucket name, globally unique: include the account id and region, e.g. `<account>-<region>-<cluster>-logs`. */
  readonly externalName: string;
  readonly region: string;
  /** The KMS key, as a KmsKey of the same namespace. Give this or `kmsKeyArn`. @default - `kmsKeyArn` */
  readonly kmsKeyRef?: Ref;
  /** The KMS key ARN, when the key lives elsewhere. @default - `kmsKeyRef` */
  readonly kmsKeyArn?: string;
  /** @default - the ClusterProviderConfig `default` */
  readonly providerConfigRef?: ProviderConfigRef;
  /** @default [] */
  readonly lifecycleRules?: readonly BucketLifecycleRule[];
  /** @default {} */
  readonly tags?: Tags;
  /** Labels on every object. @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * An S3 bucket that meets the platform's baseline: SSE-KMS with a bucket key, versioning, every
 * public access block, BucketOwnerEnforced ownership (no ACLs), a policy denying non-TLS requests,
 * and optional lifecycle rules. The bucket itself is retained: removing it from Git never deletes data.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  /** `arn:aws:s3:::<bucket>`. */
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    if ((props.kmsKeyRef === undefined) === (props.kmsKeyArn === undefined)) {
      throw new Error(`SecureBucket '${props.name}': give exactly one of 'kmsKeyRef' and 'kmsKeyArn'`);
    }
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.externalName)) {
      throw new Error(`SecureBucket '${props.name}': 'externalName' (${props.externalName}) is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')`);
    }
    const { name, namespace, region, providerConfigRef, labels } = props;
    const common = { name, namespace, providerConfigRef, labels };
    const bucketRef = { name };
    this.bucketArn = `arn:aws:s3:::${props.externalName}`;

    this.bucket = new S3Bucket(this, 'bucket', {
      ...common,
      externalName: props.externalName,
      retain: true,
      forProvider: { region, tags: props.tags && Object.keys(props.tags).length > 0 ? props.tags : undefined },
    });
    new S3BucketServerSideEncryption(this, 'encryption', {
      ...common,
      forProvider: {
        region,
        bucketRef,
        rule: [
          {
            applyServerSideEncryptionByDefault: props.kmsKeyRef
              ? { sseAlgorithm: 'aws:kms', kmsMasterKeyIdRef: props.kmsKeyRef }
              : { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn },
            bucketKeyEnabled: true,
          },
        ],
      },
    });
    new S3BucketVersioning(this, 'versioning', { ...common, forProvider: { region, bucketRef, versioningConfiguration: { status: 'Enabled' } } });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      ...common,
      forProvider: { region, bucketRef, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    });
    new S3BucketOwnershipControls(this, 'ownership', { ...common, forProvider: { region, bucketRef, rule: { objectOwnership: 'BucketOwnerEnforced' } } });
    new S3BucketPolicy(this, 'policy', { ...common, forProvider: { region, bucketRef, policy: tlsOnlyBucketPolicy(this.bucketArn) } });
    const rules = props.lifecycleRules ?? [];
    if (rules.length > 0) {
      new S3BucketLifecycleConfiguration(this, 'lifecycle', { ...common, forProvider: { region, bucketRef, rule: rules.map(toProviderRule) } });
    }
  }
}

/** A bucket policy that denies every request not made over TLS. */
export function tlsOnlyBucketPolicy(bucketArn: string): string {
  return policyDocument([
    {
      sid: 'DenyInsecureTransport',
      effect: 'Deny',
      principal: '*',
      actions: ['s3:*'],
      resources: [bucketArn, `${bucketArn}/*`],
      condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ]);
}

function toProviderRule(r: BucketLifecycleRule): S3LifecycleRule {
  const transitions = r.transitions ?? [];
  return {
    id: r.id,
    status: 'Enabled',
    filter: [{ prefix: r.prefix ?? '' }],
    abortIncompleteMultipartUpload: [{ daysAfterInitiation: r.abortIncompleteMultipartUploadDays ?? 7 }],
    ...(r.expirationDays !== undefined ? { expiration: [{ days: r.expirationDays }] } : {}),
    ...(r.noncurrentExpirationDays !== undefined ? { noncurrentVersionExpiration: [{ noncurrentDays: r.noncurrentExpirationDays }] } : {}),
    ...(transitions.length > 0 ? { transition: transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })) } : {}),
  };
}

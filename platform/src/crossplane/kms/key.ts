import { BOOL, STR, STR_MAP, oneOf, referable, regional } from '../_fields.js';
import type { Referable, RegionalForProvider, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const kms = kindsOf('kms.aws.m.upbound.io/v1beta1');

/** kms.aws.m.upbound.io/v1beta1 Key: a customer-managed KMS key. ID-identified (AWS assigns the key id). */
export const KMS_KEY = kms('Key', regional({
  bypassPolicyLockoutSafetyCheck: BOOL,
  customKeyStoreId: STR,
  customerMasterKeySpec: STR,
  deletionWindowInDays: { type: 'number', minimum: 7, maximum: 30 },
  description: STR,
  enableKeyRotation: BOOL,
  isEnabled: BOOL,
  keyUsage: oneOf('ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC'),
  multiRegion: BOOL,
  policy: STR,
  rotationPeriodInDays: { type: 'number', minimum: 90, maximum: 2560 },
  tags: STR_MAP,
  xksKeyId: STR,
}));

export interface KmsKeyForProvider extends TaggedForProvider {
  readonly description?: string;
  /** Yearly (or `rotationPeriodInDays`) rotation of the key material. */
  readonly enableKeyRotation?: boolean;
  readonly rotationPeriodInDays?: number;
  /** 7 to 30 days between scheduling deletion and deleting the key. */
  readonly deletionWindowInDays?: number;
  readonly keyUsage?: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';
  readonly multiRegion?: boolean;
  /** Key policy as a JSON string. */
  readonly policy?: string;
  readonly isEnabled?: boolean;
}

/** A KMS key. Keys hold the only way to read data encrypted with them: emit them with `retain: true`. */
export const KmsKey = managedResourceClass<KmsKeyForProvider>(KMS_KEY);

/** kms.aws.m.upbound.io/v1beta1 Alias. Name-identified: the external name is the alias (`alias/` is prefixed when missing). */
export const KMS_ALIAS = kms('Alias', regional({ ...referable('targetKeyId') }));

export interface KmsAliasForProvider extends RegionalForProvider, Referable<'targetKeyId'> {}

/** A KMS alias; set `externalName` to `alias/<name>` so aliases never collide across namespaces. */
export const KmsAlias = managedResourceClass<KmsAliasForProvider>(KMS_ALIAS);


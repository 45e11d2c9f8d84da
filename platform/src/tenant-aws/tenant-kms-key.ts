import { Construct } from 'constructs';
import { KmsAlias, KmsKey } from '../crossplane/kms/key.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, awsName, mrCommon, accountRoleArn, tenantRoleName, tenantTags } from './tenant-aws-env.js';

export interface TenantKmsKeyProps {
  readonly env: TenantAwsEnv;
  /** IAM role ARNs of the tenant's workloads: they may encrypt and decrypt with the key. @default [] */
  readonly users?: readonly string[];
  /** Statements admitting the roles of other tenants that use the tenant's resources (see `keyUseStatements`). @default [] */
  readonly consumers?: readonly PolicyStatement[];
}

/** Key administration, for the account (so IAM admins keep control) but never key use. */
const ADMIN_ACTIONS = [
  'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:PutKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:EnableKeyRotation',
  'kms:ListResourceTags', 'kms:TagResource', 'kms:UntagResource', 'kms:UpdateKeyDescription', 'kms:ListAliases',
  'kms:CreateAlias', 'kms:UpdateAlias', 'kms:EnableKey', 'kms:DisableKey', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion',
];
/** Use of the key, directly or by AWS services acting for the caller. */
const USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];
const KEY_POLICY_REASON = 'in a key policy "*" means this key';

/** metadata.name of the tenant key, for references from the tenant's other resources. */
export const TENANT_KEY = 'tenant-key';

/**
 * The tenant's customer-managed KMS key (rotating yearly) and its alias `alias/<cluster>-<tenant>-key`.
 * Every tenant resource is encrypted with it. Its policy lets the tenant's own roles use it and the
 * account administer it; SNS may use it to deliver to the tenant's encrypted queues; the roles of tenants that use
 * the tenant's resources may use it through those resources' services only.
 */
export class TenantKmsKey extends Construct {
  /** Reference for `kmsKeyIdRef` and friends. */
  readonly ref = { name: TENANT_KEY };
  /** The alias, usable wherever AWS accepts a key id (SQS, SNS). */
  readonly alias: string;

  constructor(scope: Construct, id: string, props: TenantKmsKeyProps) {
    super(scope, id);
    const { env } = props;
    const common = mrCommon(env, TENANT_KEY);
    this.alias = `alias/${awsName(env, 'key')}`;
    const users = [accountRoleArn(env, tenantRoleName(env)), ...(props.users ?? [])];
    new KmsKey(this, 'key', {
      ...common,
      retain: true,
      forProvider: {
        region: env.region,
        description: `Tenant ${env.tenant} on cluster ${env.cluster}: encrypts its buckets, databases, caches, queues, topics, registries, secrets, tables and search domains`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: policyDocument([
          { sid: 'AccountAdministers', principal: { AWS: `arn:aws:iam::${env.accountId}:root` }, actions: ADMIN_ACTIONS, resources: ['*'], anyResourceBecause: KEY_POLICY_REASON },
          { sid: 'TenantRolesUse', principal: { AWS: users }, actions: [...USE_ACTIONS, 'kms:CreateGrant'], resources: ['*'], anyResourceBecause: KEY_POLICY_REASON },
          {
            sid: 'SnsDeliversToTenantQueues',
            principal: { Service: 'sns.amazonaws.com' },
            actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: ['*'],
            anyResourceBecause: KEY_POLICY_REASON,
            condition: { StringEquals: { 'aws:SourceAccount': env.accountId } },
          },
          ...(props.consumers ?? []),
        ]),
        tags: tenantTags(env),
      },
    });
    new KmsAlias(this, 'alias', {
      ...common,
      externalName: this.alias,
      forProvider: { region: env.region, targetKeyIdRef: this.ref },
    });
  }
}

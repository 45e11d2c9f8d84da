import { Construct } from 'constructs';
import { KmsAlias, KmsKey } from '../crossplane/kms/key.js';
import { policyDocument, type PolicyStatement } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, named, resolveInfra } from './infra-props.js';

/** metadata.name of the cluster key. */
export const CLUSTER_KEY = 'cluster';

/** The alias of a cluster's key, unique per account and region. */
export const clusterKeyAlias = (cluster: string) => `alias/${cluster}-platform`;

/**
 * An IAM statement allowing `actions` on the cluster's key only. The key is ID-identified, so it is
 * named by its alias (`kms:ResourceAliases`); `viaService` (e.g. `s3`) limits use to calls that
 * service makes on the caller's behalf in the cluster's region.
 */
export function useClusterKey(
  c: { readonly cluster: string; readonly accountId: string; readonly region: string },
  actions: readonly string[],
  viaService?: string,
): PolicyStatement {
  return {
    sid: 'UseClusterKey',
    actions,
    resources: [`arn:aws:kms:${c.region}:${c.accountId}:key/*`],
    condition: {
      'ForAnyValue:StringEquals': { 'kms:ResourceAliases': clusterKeyAlias(c.cluster) },
      ...(viaService ? { StringEquals: { 'kms:ViaService': `${viaService}.${c.region}.amazonaws.com` } } : {}),
    },
  };
}

const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:CreateAlias', 'kms:CreateGrant', 'kms:Decrypt', 'kms:DeleteAlias', 'kms:DescribeKey',
  'kms:DisableKey', 'kms:DisableKeyRotation', 'kms:EnableKey', 'kms:EnableKeyRotation', 'kms:Encrypt',
  'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus',
  'kms:ListAliases', 'kms:ListGrants', 'kms:ListKeyPolicies', 'kms:ListResourceTags', 'kms:PutKeyPolicy',
  'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:RetireGrant', 'kms:RevokeGrant', 'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource', 'kms:UpdateAlias', 'kms:UpdateKeyDescription',
];
const KEY_USE_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];
const THIS_KEY = 'in a key policy, * is the key the policy is attached to';

/**
 * The cluster's KMS key (rotation on, 30-day deletion window) and its alias. It encrypts EKS
 * Secrets, node EBS volumes and the cluster's S3 buckets. The key policy delegates to IAM in the
 * account and lets the Auto Scaling service-linked role use the key for encrypted node volumes.
 */
export class ClusterKmsKey extends Construct {
  /** `arn:aws:kms:<region>:<account>:alias/<cluster>-platform`, for fields that take no reference. */
  readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: InfraProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const { region, accountId, cluster } = infra;
    const alias = clusterKeyAlias(cluster);
    this.aliasArn = `arn:aws:kms:${region}:${accountId}:${alias}`;
    const autoscaling = `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;

    new KmsKey(this, 'key', {
      ...mrBase(infra, CLUSTER_KEY),
      retain: true,
      forProvider: {
        region,
        description: `${cluster}: EKS secrets, EBS volumes and S3 buckets`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        keyUsage: 'ENCRYPT_DECRYPT',
        policy: policyDocument([
          { sid: 'AccountAdministers', principal: { AWS: `arn:aws:iam::${accountId}:root` }, actions: KEY_ADMIN_ACTIONS, resources: ['*'], anyResourceBecause: THIS_KEY },
          { sid: 'AutoScalingUsesForVolumes', principal: { AWS: autoscaling }, actions: KEY_USE_ACTIONS, resources: ['*'], anyResourceBecause: THIS_KEY },
          {
            sid: 'AutoScalingGrantsForVolumes',
            principal: { AWS: autoscaling },
            actions: ['kms:CreateGrant'],
            resources: ['*'],
            anyResourceBecause: THIS_KEY,
            condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
          },
        ]),
        tags: named(infra, 'key'),
      },
    });
    new KmsAlias(this, 'alias', { ...mrBase(infra, CLUSTER_KEY), externalName: alias, forProvider: { region, targetKeyIdRef: { name: CLUSTER_KEY } } });
  }
}

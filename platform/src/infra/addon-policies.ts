import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { platformSecretPrefix } from '../addons-config/aws-secrets-manager-store.js';
import { useClusterKey } from './cluster-kms-key.js';
import { tenantBoundariesArn } from './infra-names.js';
import { loadBalancerControllerStatements } from './load-balancer-controller-policy.js';
import { type TenantZone, zoneRecordNamePatterns } from '../tenancy/tenant-zones.js';

/** The facts of one cluster that the add-on policies name. */
export interface AddonPolicyEnv {
  readonly cluster: string;
  readonly accountId: string;
  readonly region: string;
  /** Route53 zone of the cluster's domain. @default - every zone of the account (set `dns.hostedZoneId` to scope) */
  readonly hostedZoneId?: string;
  /** S3 name of the cluster's logs bucket (fluent-bit). */
  readonly logsBucket: string;
  /** S3 name of the cluster's metrics bucket (Thanos). */
  readonly metricsBucket: string;
  /** S3 name of the cluster's Loki bucket. */
  readonly lokiBucket: string;
  /** AWS names of the cluster's node-group auto scaling groups. */
  readonly autoscalingGroups: readonly string[];
  /** Whether an add-on is on in the cluster. */
  readonly enabled: (addon: string) => boolean;
  /** Management cluster only: the role in each cluster's account that its Crossplane assumes. */
  readonly crossplaneAssumeRoleArns: readonly string[];
  /** The tenants' Secrets Manager reader roles on this cluster (their SecretStores), assumed by external-secrets. */
  readonly tenantSecretRoleArns: readonly string[];
  /** The tenants' own DNS zones on this cluster (see `TenantDnsZone`). @default [] */
  readonly tenantZones?: readonly TenantZone[];
}

/** What an add-on's role may do. */
export interface AddonAwsPolicy {
  /** One line: the policy's description and the docs table. */
  readonly description: string;
  /** The statements; none means the add-on needs no AWS in this cluster and gets no role. */
  readonly statements: (env: AddonPolicyEnv) => PolicyStatement[];
}

const CANNOT_SCOPE = 'list and describe calls of this service cannot be scoped to a resource';
const zoneArn = (env: AddonPolicyEnv) => `arn:aws:route53:::hostedzone/${env.hostedZoneId ?? '*'}`;
/**
 * Every hosted zone of the account. A tenant zone's id is assigned by AWS when the zone is created, so no policy can
 * name it in advance: statements on tenant zones take this and hold the record names with a condition instead.
 */
const ANY_ZONE = 'arn:aws:route53:::hostedzone/*';
/** The record names inside the cluster's tenant zones (each zone and every name under it). */
const tenantZoneNames = (env: AddonPolicyEnv) => (env.tenantZones ?? []).flatMap((z) => zoneRecordNamePatterns(z.name));
const bucketArns = (bucket: string) => ({ bucket: `arn:aws:s3:::${bucket}`, objects: `arn:aws:s3:::${bucket}/*` });

/** Objects of one of the cluster's buckets, through the cluster key: `List<Purpose>Bucket` and `<Purpose>Objects`. */
function bucketStatements(env: AddonPolicyEnv, purpose: string, name: string, objectActions: readonly string[]): PolicyStatement[] {
  const { bucket, objects } = bucketArns(name);
  return [
    { sid: `List${purpose}Bucket`, actions: ['s3:ListBucket'], resources: [bucket] },
    { sid: `${purpose}Objects`, actions: objectActions, resources: [objects] },
    useClusterKey(env, ['kms:Decrypt', 'kms:GenerateDataKey'], 's3'),
  ];
}

/** Thanos and the Prometheus sidecar: objects of the metrics bucket, through the cluster key. */
const metricsBucketStatements = (env: AddonPolicyEnv, objectActions: readonly string[]) => bucketStatements(env, 'Metrics', env.metricsBucket, objectActions);

/** The tenant plumbing a cluster's own Crossplane creates and acts as: roles and policies `<cluster>-tenant-*`. */
function tenantRoleStatements(env: AddonPolicyEnv): PolicyStatement[] {
  const roles = `arn:aws:iam::${env.accountId}:role/${env.cluster}-tenant-*`;
  const policies = `arn:aws:iam::${env.accountId}:policy/${env.cluster}-tenant-*`;
  return [
    {
      sid: 'TenantRoles',
      actions: ['iam:CreateRole', 'iam:GetRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRole', 'iam:TagRole', 'iam:UntagRole', 'iam:ListRoleTags', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole', 'iam:DetachRolePolicy'],
      resources: [roles],
    },
    { sid: 'AttachOnlyTenantPolicies', actions: ['iam:AttachRolePolicy'], resources: [roles], condition: { ArnLike: { 'iam:PolicyARN': policies } } },
    {
      sid: 'TenantPolicies',
      actions: ['iam:CreatePolicy', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:ListPolicyVersions', 'iam:ListPolicyTags', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy'],
      resources: [policies],
    },
    { sid: 'ActForTenants', actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [roles] },
    {
      // The tenant boundaries `<cluster>-boundary-*` are the infrastructure's (the management cluster creates them):
      // the cluster's own Crossplane may never loosen what any tenant-created role is held to.
      sid: 'TenantBoundaryIsFixed',
      effect: 'Deny',
      actions: ['iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy'],
      resources: [tenantBoundariesArn(env)],
    },
  ];
}

/**
 * The tenants' DNS zones, which the cluster's own Crossplane creates (`TenantDnsZone`): create zones (AWS cannot
 * scope CreateHostedZone to a name or a resource), read and tag any zone (their ids are assigned at creation), and
 * write each parent zone's NS record of exactly the declared tenant zones. No route53:DeleteHostedZone: a tenant
 * zone is never deleted by the platform (its Zone leaves `Delete` out too), and no record inside any zone.
 */
function tenantZoneStatements(env: AddonPolicyEnv): PolicyStatement[] {
  const zones = env.tenantZones ?? [];
  if (zones.length === 0) return [];
  const parents = [...new Set(zones.map((z) => z.parentZoneId))].sort();
  return [
    { sid: 'CreateTenantZones', actions: ['route53:CreateHostedZone'], resources: ['*'], anyResourceBecause: 'route53:CreateHostedZone cannot be scoped to a resource or a name' },
    {
      sid: 'ManageTenantZones',
      actions: ['route53:GetHostedZone', 'route53:ListTagsForResource', 'route53:ChangeTagsForResource', 'route53:UpdateHostedZoneComment'],
      resources: [ANY_ZONE],
    },
    { sid: 'ReadChanges', actions: ['route53:GetChange'], resources: ['arn:aws:route53:::change/*'] },
    { sid: 'ReadParentZones', actions: ['route53:ListResourceRecordSets'], resources: parents.map((id) => `arn:aws:route53:::hostedzone/${id}`) },
    ...parents.map((id) => ({
      sid: `DelegateTenantZones${id}`,
      actions: ['route53:ChangeResourceRecordSets'],
      resources: [`arn:aws:route53:::hostedzone/${id}`],
      condition: {
        'ForAllValues:StringEquals': {
          'route53:ChangeResourceRecordSetsRecordTypes': 'NS',
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': zones.filter((z) => z.parentZoneId === id).map((z) => z.name).sort(),
        },
      },
    })),
  ];
}

/**
 * The AWS policy of every add-on that declares ServiceAccounts, by add-on name. Each names only
 * this cluster's zone, buckets, key, auto scaling groups, secrets prefix and roles; `*` resources
 * appear only for calls AWS cannot scope, with the reason in the statement.
 */
export const ADDON_AWS_POLICIES: Readonly<Record<string, AddonAwsPolicy>> = {
  'external-dns': {
    description: 'Route53 records of the cluster zone',
    statements: (env) => [
      { sid: 'ChangeClusterZone', actions: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets', 'route53:ListTagsForResource'], resources: [zoneArn(env)] },
      ...((env.tenantZones ?? []).length > 0
        ? [
          {
            sid: 'ChangeTenantZones',
            actions: ['route53:ChangeResourceRecordSets'],
            resources: [ANY_ZONE],
            condition: { 'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': tenantZoneNames(env) } },
          },
          { sid: 'ReadTenantZones', actions: ['route53:ListResourceRecordSets', 'route53:ListTagsForResource'], resources: [ANY_ZONE] },
        ]
        : []),
      { sid: 'ListZones', actions: ['route53:ListHostedZones'], resources: ['*'], anyResourceBecause: CANNOT_SCOPE },
    ],
  },
  'cert-manager': {
    description: 'ACME DNS-01 TXT records (_acme-challenge.*) in the cluster zone',
    statements: (env) => [
      { sid: 'ReadChanges', actions: ['route53:GetChange'], resources: ['arn:aws:route53:::change/*'] },
      { sid: 'ListClusterZone', actions: ['route53:ListResourceRecordSets'], resources: [zoneArn(env)] },
      {
        sid: 'ChallengeRecords',
        actions: ['route53:ChangeResourceRecordSets'],
        resources: [zoneArn(env)],
        condition: {
          'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': 'TXT' },
          'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': '_acme-challenge.*' },
        },
      },
      ...((env.tenantZones ?? []).length > 0
        ? [
          { sid: 'ListTenantZones', actions: ['route53:ListResourceRecordSets'], resources: [ANY_ZONE] },
          {
            sid: 'TenantZoneChallengeRecords',
            actions: ['route53:ChangeResourceRecordSets'],
            resources: [ANY_ZONE],
            condition: {
              'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': 'TXT' },
              'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': (env.tenantZones ?? []).flatMap((z) => [`_acme-challenge.${z.name}`, `_acme-challenge.*.${z.name}`]) },
            },
          },
        ]
        : []),
      { sid: 'FindZone', actions: ['route53:ListHostedZonesByName'], resources: ['*'], anyResourceBecause: CANNOT_SCOPE },
    ],
  },
  'cluster-autoscaler': {
    description: "scale and shrink the cluster's own node groups (ASGs tagged owned by the cluster)",
    statements: (env) => [
      {
        sid: 'ScaleOwnGroups',
        actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
        resources: env.autoscalingGroups.length > 0
          ? env.autoscalingGroups.map((g) => `arn:aws:autoscaling:${env.region}:${env.accountId}:autoScalingGroup:*:autoScalingGroupName/${g}`)
          : [`arn:aws:autoscaling:${env.region}:${env.accountId}:autoScalingGroup:*:autoScalingGroupName/${env.cluster}-*`],
        condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${env.cluster}`]: 'owned' } },
      },
      {
        sid: 'Discover',
        actions: [
          'autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeAutoScalingInstances', 'autoscaling:DescribeLaunchConfigurations',
          'autoscaling:DescribeScalingActivities', 'autoscaling:DescribeTags', 'ec2:DescribeImages', 'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplateVersions',
        ],
        resources: ['*'],
        anyResourceBecause: CANNOT_SCOPE,
      },
    ],
  },
  'aws-load-balancer-controller': {
    description: 'load balancers, target groups and their security groups tagged elbv2.k8s.aws/cluster=<cluster>',
    statements: (env) => loadBalancerControllerStatements(env),
  },
  thanos: {
    description: 'read, write and compact blocks in the metrics bucket',
    statements: (env) => metricsBucketStatements(env, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']),
  },
  'kube-prometheus-stack': {
    description: 'the Thanos sidecar uploads blocks to the metrics bucket (only when thanos is on)',
    statements: (env) => (env.enabled('thanos') ? metricsBucketStatements(env, ['s3:GetObject', 's3:PutObject']) : []),
  },
  loki: {
    description: 'read, write and delete (retention) chunks and index in the Loki bucket',
    statements: (env) => bucketStatements(env, 'Loki', env.lokiBucket, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']),
  },
  'fluent-bit': {
    description: 'write log objects to the logs bucket',
    statements: (env) => [
      { sid: 'WriteLogs', actions: ['s3:PutObject'], resources: [bucketArns(env.logsBucket).objects] },
      // Multipart uploads to an SSE-KMS bucket need Decrypt as well as GenerateDataKey.
      useClusterKey(env, ['kms:Decrypt', 'kms:GenerateDataKey'], 's3'),
    ],
  },
  'external-secrets': {
    description: "read the cluster's platform secrets; assume the tenants' secret-reader roles",
    statements: (env) => [
      {
        sid: 'ReadPlatformSecrets',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [`arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${platformSecretPrefix(env.cluster)}*`],
      },
      useClusterKey(env, ['kms:Decrypt'], 'secretsmanager'),
      ...(env.tenantSecretRoleArns.length > 0
        ? [{ sid: 'TenantSecretStores', actions: ['sts:AssumeRole'], resources: [...env.tenantSecretRoleArns].sort() }]
        : []),
    ],
  },
  crossplane: {
    description: "manage and assume the tenants' Crossplane roles; create the tenants' DNS zones and their delegations; in the management cluster, assume every cluster's infra role",
    statements: (env) => [
      ...(env.crossplaneAssumeRoleArns.length > 0
        ? [{ sid: 'ManageClusterInfrastructure', actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [...new Set(env.crossplaneAssumeRoleArns)].sort() }]
        : []),
      ...tenantRoleStatements(env),
      ...tenantZoneStatements(env),
    ],
  },
};

/** The policy of an add-on; throws for an add-on with ServiceAccounts but no policy here. */
export function addonAwsPolicy(addon: string): AddonAwsPolicy {
  const policy = ADDON_AWS_POLICIES[addon];
  if (!policy) throw new Error(`add-on "${addon}" declares 'serviceAccounts' but has no AWS policy; allowed: ${Object.keys(ADDON_AWS_POLICIES).sort().join(', ')} (add it to ADDON_AWS_POLICIES)`);
  return policy;
}

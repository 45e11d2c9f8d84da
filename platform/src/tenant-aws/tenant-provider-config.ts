import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import type { ProviderConfigRef } from '../crossplane/managed-resource.js';
import { registerSchema } from '../validation/manifest-validator.js';
import { TENANT_LABEL } from '../tenancy/tenant-namespace.js';
import {
  TENANT_TAG, type TenantAwsEnv, awsNamePrefix, awsPrefixOf, ownBoundaryArn, crossplaneRoleArn, accountRoleArn, tenantProviderConfigName, tenantRoleName, tenantTags,
} from './tenant-aws-env.js';
import { kindScope, providerRoleStatements, unscopedKindActions } from './tenant-aws-kinds.js';
import { CLUSTER_LABEL, tenantBoundariesArn } from '../infra/infra-names.js';

const STR = { type: 'string' };
registerSchema('aws.m.upbound.io/v1beta1', 'ProviderConfig', {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    metadata: { type: 'object', required: ['name', 'namespace'] },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['credentials'],
      properties: {
        credentials: {
          type: 'object', additionalProperties: false, required: ['source'],
          properties: { source: { enum: ['PodIdentity', 'IRSA', 'WebIdentity', 'Secret', 'None'] } },
        },
        assumeRoleChain: {
          type: 'array', minItems: 1,
          items: {
            type: 'object', additionalProperties: false, required: ['roleARN'],
            properties: {
              roleARN: { type: 'string', pattern: '^arn:aws:iam::[0-9]{12}:role/' },
              externalID: STR,
              tags: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['key', 'value'], properties: { key: STR, value: STR } } },
            },
          },
        },
      },
    },
  },
});

export interface TenantProviderConfigProps {
  readonly env: TenantAwsEnv;
  /** How the cluster's Crossplane provider pods authenticate (the cluster file's `crossplane.credentials`). @default 'PodIdentity' */
  readonly credentials?: 'PodIdentity' | 'IRSA';
  /** Namespace of the platform's own managed resources on the cluster (the tenant role is one). @default 'crossplane-system' */
  readonly platformNamespace?: string;
  /** The cluster's own provider config, which creates the tenant role. @default - the ClusterProviderConfig `default` */
  readonly platformProviderConfigRef?: ProviderConfigRef;
  /**
   * The AWS prefixes of the other tenants of the fleet. Those starting with `<prefix>-` have names inside this
   * tenant's (`<cluster>-a-*` covers `<cluster>-a-b-*`); the role is explicitly denied theirs. @default []
   */
  readonly otherTenants?: readonly string[];
  /** The tenant file's `aws` section, for kinds the role scopes by what the tenant declares (SES identities by domain). @default - none of those */
  readonly aws?: object;
}

/**
 * The tenant's namespaced ProviderConfig `<tenant>-aws` and the AWS role it assumes,
 * `<cluster>-tenant-<tenant>`, from the cluster's Crossplane identity (Pod Identity or IRSA). The role
 * can create and change only resources named `<cluster>-<tenant>-*` or tagged for the tenant, so
 * a mistake in one tenant's resources can never reach another tenant's. Neither the tenant's group
 * nor its Flux ServiceAccount may edit either object (see the tenancy guardrails).
 */
export class TenantProviderConfig extends Construct {
  readonly ref: ProviderConfigRef;

  constructor(scope: Construct, id: string, props: TenantProviderConfigProps) {
    super(scope, id);
    const { env } = props;
    const name = tenantProviderConfigName(env.tenant);
    const role = tenantRoleName(env);
    this.ref = { kind: 'ProviderConfig', name };
    new ApiObject(this, 'provider-config', {
      apiVersion: 'aws.m.upbound.io/v1beta1',
      kind: 'ProviderConfig',
      metadata: { name, namespace: env.namespace, labels: { [TENANT_LABEL]: env.tenant } },
      spec: {
        credentials: { source: props.credentials ?? 'PodIdentity' },
        assumeRoleChain: [{ roleARN: accountRoleArn(env, role), tags: [{ key: TENANT_TAG, value: awsPrefixOf(env) }] }],
      },
    });

    const platform = {
      namespace: props.platformNamespace ?? 'crossplane-system',
      providerConfigRef: props.platformProviderConfigRef,
      labels: { [TENANT_LABEL]: env.tenant },
    };
    new IamRole(this, 'role', {
      ...platform,
      name: role,
      externalName: role,
      forProvider: {
        description: `Crossplane acting for tenant ${env.tenant} on cluster ${env.cluster}`,
        assumeRolePolicy: policyDocument([
          // The session must carry this tenant's tag: the tag the tenant boundary scopes by.
          {
            sid: 'ClusterCrossplane',
            principal: { AWS: crossplaneRoleArn(env) },
            actions: ['sts:AssumeRole', 'sts:TagSession'],
            condition: { StringEquals: { [`aws:RequestTag/${TENANT_TAG}`]: awsPrefixOf(env) } },
          },
        ]),
        tags: tenantTags(env),
      },
    });
    new IamPolicy(this, 'policy', {
      ...platform,
      name: role,
      externalName: role,
      forProvider: { description: `What Crossplane may do for tenant ${env.tenant}`, policy: policyDocument(tenantRoleStatements(env, props.otherTenants, props.aws)), tags: tenantTags(env) },
    });
    new IamRolePolicyAttachment(this, 'attachment', { ...platform, name: role, forProvider: { roleRef: { name: role }, policyArnRef: { name: role } } });
  }
}

/**
 * What the tenant role may do: manage resources whose names start with `<cluster>-<tenant>-` (buckets:
 * `<account>-<region>-<cluster>-<tenant>-`, secrets: under `<cluster>/<tenant>/`), and ID-named resources
 * (KMS keys, security groups, pod identity associations) only when tagged for the tenant. Tenant names may
 * contain `-`, so the prefix of tenant `a` covers every name of tenant `a-b`: for each such tenant among
 * `otherTenants`, a final Deny names exactly the resources that tenant's role is allowed by name. `Delete`
 * of stateful resources is left out on purpose. Roles it creates carry the cluster's tenant boundary (see
 * `roleStatements` and `tenantBoundaryStatements`).
 */
export function tenantRoleStatements(env: TenantAwsEnv, otherTenants: readonly string[] = [], aws?: object): PolicyStatement[] {
  const own = ownStatements(env, aws);
  const prefix = awsPrefixOf(env);
  const nested = [...new Set(otherTenants)].filter((o) => o.startsWith(`${prefix}-`)).sort();
  if (nested.length === 0) return own;
  const actions = [...new Set(nameScoped(own, env).flatMap((s) => s.actions))];
  const resources = nested.flatMap((o) => {
    const other = { ...env, tenant: o, awsPrefix: o };
    return nameScoped(ownStatements(other), other).flatMap((s) => s.resources ?? []);
  });
  return [...own, { sid: 'NotNestedTenants', effect: 'Deny', actions, resources }];
}

/** The statements that grant by name, i.e. whose resources start with the tenant's AWS prefix. */
function nameScoped(statements: readonly PolicyStatement[], env: TenantAwsEnv): PolicyStatement[] {
  const p = awsNamePrefix(env);
  return statements.filter((s) => (s.resources ?? []).some((r) => r.includes(p)));
}

function ownStatements(env: TenantAwsEnv, aws?: object): PolicyStatement[] {
  const p = awsNamePrefix(env);
  const r = `${env.region}:${env.accountId}`;
  const tag = awsPrefixOf(env);
  const tagged = { StringEquals: { [`aws:ResourceTag/${TENANT_TAG}`]: tag } };
  const tagging = { StringEquals: { [`aws:RequestTag/${TENANT_TAG}`]: tag } };
  const named = (sid: string, actions: string[], resources: string[]): PolicyStatement => ({ sid, actions, resources });
  const securityGroups = [`arn:aws:ec2:${r}:security-group/*`, `arn:aws:ec2:${r}:security-group-rule/*`];
  return [
    ...providerRoleStatements(kindScope(env, aws)),
    // ID-named resources (pod identity associations, KMS keys, security groups and their rules) carry the tenant tag,
    // which the grants below test. The tag is set only when the resource is created, so the tenant tag names the
    // creator for good: no tag action may name another resource (say, another team's security group) nor move the
    // tenant tag of an own one (see tagOnlyAtCreation).
    { sid: 'CreateTaggedPodIdentity', actions: ['eks:CreatePodIdentityAssociation'], resources: [`arn:aws:eks:${r}:cluster/${env.cluster}`], condition: tagging },
    { sid: 'ManageTaggedPodIdentity', actions: ['eks:DescribePodIdentityAssociation', 'eks:UpdatePodIdentityAssociation', 'eks:DeletePodIdentityAssociation'], resources: [`arn:aws:eks:${r}:podidentityassociation/${env.cluster}/*`], condition: tagged },
    { sid: 'CreateTaggedKeysAndGroups', actions: ['kms:CreateKey', 'ec2:CreateSecurityGroup'], resources: ['*'], anyResourceBecause: 'a key or group that does not exist yet has no ARN; the request must carry the tenant tag', condition: tagging },
    { sid: 'ManageTaggedKeys', actions: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:PutKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:EnableKeyRotation', 'kms:ListResourceTags', 'kms:CreateGrant', 'kms:UpdateKeyDescription'], resources: [`arn:aws:kms:${r}:key/*`], condition: tagged },
    named('KeyAlias', ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'], [`arn:aws:kms:${r}:alias/${p}*`]),
    { sid: 'ManageTaggedSecurityGroups', actions: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupEgress', 'ec2:DeleteSecurityGroup'], resources: securityGroups, condition: tagged },
    ...tagOnlyAtCreation(env, securityGroups),
    { sid: 'Describe', actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'kms:ListAliases', ...unscopedKindActions()], resources: ['*'], anyResourceBecause: 'these list calls cannot be scoped to a resource' },
    ...roleStatements(env),
  ];
}

/** The EC2 calls that create a tenant's security groups and rules, with their tags (`ec2:CreateAction`). */
export const SECURITY_GROUP_CREATE_ACTIONS = ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress'] as const;

/**
 * Tag actions on ID-named resources, which IAM scopes by the tenant tag:
 * - `ec2:CreateTags` with the tenant's tag only inside the call that creates the group or rule (`ec2:CreateAction`);
 *   a bare CreateTags never names another team's group, so it cannot be re-tagged into this tenant's grants;
 * - afterwards, tags of own resources (tagged for the tenant) may change, but never the tenant tag (`aws:TagKeys`),
 *   so an own resource cannot be handed to another tenant either;
 * - `eks:TagResource` likewise only on own associations, never the tenant tag and never the cluster;
 * - KMS keys the same. KMS authorizes the tags sent with CreateKey as `kms:TagResource` on any key of the account,
 *   and EKS may do the same for CreatePodIdentityAssociation: both are allowed with the tenant's tag on a resource
 *   that has no cluster tag yet, which is only one being created, since every key and association the platform
 *   makes (the cluster's and every tenant's) carries the cluster tag.
 */
function tagOnlyAtCreation(env: TenantAwsEnv, securityGroups: readonly string[]): PolicyStatement[] {
  const r = `${env.region}:${env.accountId}`;
  const own = { [`aws:ResourceTag/${TENANT_TAG}`]: awsPrefixOf(env) };
  const notTenantTag = { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': [TENANT_TAG] } };
  return [
    {
      sid: 'TagSecurityGroupsOnCreate',
      actions: ['ec2:CreateTags'],
      resources: [...securityGroups],
      condition: { StringEquals: { 'ec2:CreateAction': [...SECURITY_GROUP_CREATE_ACTIONS], [`aws:RequestTag/${TENANT_TAG}`]: awsPrefixOf(env) } },
    },
    { sid: 'RetagOwnSecurityGroups', actions: ['ec2:CreateTags', 'ec2:DeleteTags'], resources: [...securityGroups], condition: { StringEquals: own, ...notTenantTag } },
    {
      sid: 'TagKeysAndPodIdentityOnCreate',
      actions: ['kms:TagResource', 'eks:TagResource'],
      resources: [`arn:aws:kms:${r}:key/*`, `arn:aws:eks:${r}:podidentityassociation/${env.cluster}/*`],
      condition: { StringEquals: { [`aws:RequestTag/${TENANT_TAG}`]: awsPrefixOf(env) }, Null: { [`aws:ResourceTag/${CLUSTER_LABEL}`]: 'true' } },
    },
    { sid: 'RetagOwnKeys', actions: ['kms:TagResource', 'kms:UntagResource'], resources: [`arn:aws:kms:${r}:key/*`], condition: { StringEquals: own, ...notTenantTag } },
    { sid: 'RetagOwnPodIdentity', actions: ['eks:TagResource', 'eks:UntagResource'], resources: [`arn:aws:eks:${r}:podidentityassociation/${env.cluster}/*`], condition: { StringEquals: own, ...notTenantTag } },
  ];
}

/**
 * The IAM part of the tenant role: roles `<cluster>-<tenant>-*` only with the tenant's own boundary
 * (`ownBoundaryArn`, never another tenant's) and the tenant's tag, policies `<cluster>-<tenant>-*` attached only to roles with
 * that boundary, workload roles (`-sa-*`) passed only to EKS Pod Identity. Explicit Denys: removing or
 * swapping a boundary, touching any tenant's boundary policy (whatever the tenant's name), and assuming any role,
 * so a role trusting the tenant role is of no use to it.
 */
function roleStatements(env: TenantAwsEnv): PolicyStatement[] {
  const p = awsNamePrefix(env);
  const roles = `arn:aws:iam::${env.accountId}:role/${p}*`;
  const boundary = ownBoundaryArn(env);
  const bounded = { 'iam:PermissionsBoundary': boundary };
  return [
    { sid: 'CreateBoundedRoles', actions: ['iam:CreateRole'], resources: [roles], condition: { StringEquals: { ...bounded, [`aws:RequestTag/${TENANT_TAG}`]: awsPrefixOf(env) } } },
    { sid: 'SetBoundary', actions: ['iam:PutRolePermissionsBoundary'], resources: [roles], condition: { StringEquals: bounded } },
    { sid: 'TagRolesForTenant', actions: ['iam:TagRole'], resources: [roles], condition: { StringEqualsIfExists: { [`aws:RequestTag/${TENANT_TAG}`]: awsPrefixOf(env) } } },
    { sid: 'KeepTenantTag', actions: ['iam:UntagRole'], resources: [roles], condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': [TENANT_TAG] } } },
    {
      sid: 'WorkloadRoles',
      actions: ['iam:GetRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole', 'iam:DetachRolePolicy'],
      resources: [roles],
    },
    {
      sid: 'AttachOnlyTenantPoliciesToBoundedRoles',
      actions: ['iam:AttachRolePolicy'],
      resources: [roles],
      condition: { ArnLike: { 'iam:PolicyARN': `arn:aws:iam::${env.accountId}:policy/${p}*` }, StringEquals: bounded },
    },
    {
      sid: 'WorkloadPolicies',
      actions: ['iam:CreatePolicy', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:ListPolicyVersions', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy'],
      resources: [`arn:aws:iam::${env.accountId}:policy/${p}*`],
    },
    { sid: 'PassWorkloadRolesToPods', actions: ['iam:PassRole'], resources: [`arn:aws:iam::${env.accountId}:role/${p}sa-*`], condition: { StringEquals: { 'iam:PassedToService': 'pods.eks.amazonaws.com' } } },
    { sid: 'NeverUnbound', effect: 'Deny', actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] },
    { sid: 'NoOtherBoundary', effect: 'Deny', actions: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'], resources: ['*'], condition: { StringNotEquals: bounded } },
    {
      sid: 'BoundaryIsFixed',
      effect: 'Deny',
      actions: ['iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy'],
      resources: [tenantBoundariesArn(env)],
    },
    { sid: 'AssumeNothing', effect: 'Deny', actions: ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity'], resources: ['*'] },
  ];
}

import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../src/crossplane/iam/policy-document.js';
import { TENANT_TAG, type TenantAwsEnv, awsPrefixOf, bucketName, ownBoundaryArn } from '../../src/tenant-aws/tenant-aws-env.js';
import { arnOf } from '../../src/tenant-aws/tenant-aws-kinds.js';
import { CLUSTER_LABEL } from '../../src/infra/infra-names.js';
import { TenantProviderConfig, tenantRoleStatements } from '../../src/tenant-aws/tenant-provider-config.js';
import { type Context, isAllowed } from './_iam-eval.js';
import { ENV, newChart, objectsOf } from './_env.js';

/** A request context meeting every condition the role of `env.tenant` sets on its own resources: the most it may do. */
const upTo = (env: TenantAwsEnv): Context => ({
  [`aws:RequestTag/${TENANT_TAG}`]: awsPrefixOf(env),
  [`aws:ResourceTag/${TENANT_TAG}`]: awsPrefixOf(env),
  'iam:PassedToService': 'pods.eks.amazonaws.com',
  'iam:PermissionsBoundary': ownBoundaryArn(env),
});

/** The tenant role's decision for one action on one ARN, in the context of the role's own tenant. */
function allows(statements: readonly PolicyStatement[], action: string, arn: string, context: Context = upTo(ENV)): boolean {
  return isAllowed(statements, { action, resource: arn, context });
}

/** One write action on each name-scoped resource a tenant owns, `x` being the short name. */
function writesOn(env: TenantAwsEnv, x: string): [string, string][] {
  const r = `${env.region}:${env.accountId}`;
  const n = `${env.cluster}-${awsPrefixOf(env)}-${x}`;
  return [
    ['s3:PutBucketPolicy', arnOf('buckets', env, { name: x })],
    ['sqs:SetQueueAttributes', arnOf('queues', env, { name: x })],
    ['sns:Subscribe', arnOf('topics', env, { name: x })],
    ['dynamodb:UpdateTable', arnOf('tables', env, { name: x })],
    ['ecr:SetRepositoryPolicy', arnOf('registries', env, { name: x })],
    ['rds:ModifyDBInstance', arnOf('databases', env, { name: x })],
    ['rds:CreateDBInstanceReadReplica', `arn:aws:rds:${r}:db:${n}-replica-1`],
    ['rds:CreateDBParameterGroup', `arn:aws:rds:${r}:pg:${n}`],
    ['rds:ModifyDBParameterGroup', `arn:aws:rds:${r}:pg:${n}`],
    ['rds:CreateDBCluster', `arn:aws:rds:${r}:cluster:${n}`],
    ['rds:ModifyDBCluster', `arn:aws:rds:${r}:cluster:${n}`],
    ['rds:ModifyDBClusterParameterGroup', `arn:aws:rds:${r}:cluster-pg:${n}`],
    ['elasticache:ModifyReplicationGroup', `arn:aws:elasticache:${r}:replicationgroup:${n}`],
    ['es:UpdateDomainConfig', arnOf('opensearch', env, { name: x })],
    ['iam:UpdateAssumeRolePolicy', `arn:aws:iam::${env.accountId}:role/${n}`],
    ['iam:PassRole', `arn:aws:iam::${env.accountId}:role/${env.cluster}-${awsPrefixOf(env)}-sa-${x}`],
    ['iam:CreatePolicyVersion', `arn:aws:iam::${env.accountId}:policy/${n}`],
    ['kms:UpdateAlias', `arn:aws:kms:${r}:alias/${n}`],
    ['secretsmanager:UpdateSecret', arnOf('secrets', env, { name: x }).replace('??????', 'AbCdEf')],
  ];
}

describe('tenantRoleStatements', () => {
  const a: TenantAwsEnv = { ...ENV, tenant: 'a', namespace: 'a' };
  const ab: TenantAwsEnv = { ...ENV, tenant: 'a-b', namespace: 'a-b' };

  it('GIVEN tenant a WHEN its role is evaluated THEN it may change each of its own resources', () => {
    for (const [action, arn] of writesOn(a, 'x')) expect(allows(tenantRoleStatements(a, ['a-b']), action, arn, upTo(a)), `${action} ${arn}`).toBe(true);
  });

  it('GIVEN a 60-character tenant with a derived AWS prefix WHEN its role is evaluated THEN it may change its own resources under the prefix, and no other tenant may', () => {
    const long: TenantAwsEnv = { ...ENV, tenant: `civil-${'x'.repeat(54)}`, namespace: `civil-${'x'.repeat(54)}` };
    expect(awsPrefixOf(long)).toMatch(/^civil-[0-9a-f]{4}$/);
    for (const [action, arn] of writesOn(long, 'x')) expect(allows(tenantRoleStatements(long), action, arn, upTo(long)), `${action} ${arn}`).toBe(true);
    for (const [action, arn] of writesOn(long, 'x')) expect(allows(tenantRoleStatements(ENV), action, arn, upTo(ENV)), `${action} ${arn}`).toBe(false);
    // Tagged with the tenant's name instead of its prefix, nothing ID-scoped is its own.
    const byName = { ...upTo(long), [`aws:ResourceTag/${TENANT_TAG}`]: long.tenant, [`aws:RequestTag/${TENANT_TAG}`]: long.tenant };
    expect(allows(tenantRoleStatements(long), 'kms:PutKeyPolicy', `arn:aws:kms:${ENV.region}:${ENV.accountId}:key/1234`, byName)).toBe(false);
  });

  it('GIVEN tenants a and a-b WHEN a\'s role is evaluated THEN it can name none of a-b\'s resources, which its prefix "<cluster>-a-" alone would cover', () => {
    const without = writesOn(ab, 'x').filter(([action, arn]) => allows(tenantRoleStatements(a), action, arn, upTo(a))).map(([action]) => action);
    // The overlap is real: without the Deny, every name-scoped grant of a reaches a-b (secrets are under "<cluster>/a/"
    // and stay apart; a passes only its "<cluster>-a-sa-*" roles, which a-b's "<cluster>-a-b-sa-x" is not).
    expect(without).toEqual(writesOn(ab, 'x').map(([action]) => action).filter((x) => !x.startsWith('secretsmanager:') && x !== 'iam:PassRole'));
    for (const [action, arn] of writesOn(ab, 'x')) expect(allows(tenantRoleStatements(a, ['a-b', 'c']), action, arn, upTo(a)), `${action} ${arn}`).toBe(false);
  });

  it('GIVEN tenants a and a-b WHEN a-b\'s role is evaluated THEN it can name none of a\'s resources and gets no nested-tenant Deny of its own', () => {
    for (const [action, arn] of writesOn(a, 'x')) expect(allows(tenantRoleStatements(ab, ['a']), action, arn, upTo(ab)), `${action} ${arn}`).toBe(false);
    expect(tenantRoleStatements(ab, ['a']).some((s) => s.sid === 'NotNestedTenants')).toBe(false);
  });

  it('GIVEN tenant a and a-b WHEN rendered THEN the Deny names exactly a-b\'s name prefixes', () => {
    const deny = tenantRoleStatements(a, ['a-b']).find((s) => s.sid === 'NotNestedTenants')!;
    expect(deny.resources).toContain('arn:aws:s3:::123456789012-eu-west-2-stage-a-b-*');
    expect(deny.resources).toContain('arn:aws:iam::123456789012:role/stage-a-b-*');
    expect(deny.resources).toContain('arn:aws:rds:eu-west-2:123456789012:db:stage-a-b-*');
    expect(deny.resources!.every((r) => r.includes('stage-a-b-'))).toBe(true);
  });

  it('GIVEN the new bucket names WHEN the role is evaluated THEN it covers its bucket by the account-and-region name and not the cluster\'s own buckets', () => {
    expect(bucketName(ENV, 'invoices')).toBe('123456789012-eu-west-2-stage-shop-invoices');
    const statements = tenantRoleStatements(ENV);
    expect(allows(statements, 's3:PutBucketPolicy', 'arn:aws:s3:::123456789012-eu-west-2-stage-shop-invoices')).toBe(true);
    expect(allows(statements, 's3:PutBucketPolicy', 'arn:aws:s3:::123456789012-eu-west-2-stage-logs')).toBe(false);
    expect(allows(statements, 's3:PutBucketPolicy', 'arn:aws:s3:::stage-shop-invoices')).toBe(false);
  });

  it('GIVEN database variants WHEN the role is evaluated THEN it makes its own parameter groups, replicas and Aurora clusters, deletes no instance or cluster, and touches no other tenant\'s or default group', () => {
    const statements = tenantRoleStatements(ENV);
    const rds = `arn:aws:rds:${ENV.region}:${ENV.accountId}`;
    expect(allows(statements, 'rds:CreateDBParameterGroup', `${rds}:pg:stage-shop-ledger`)).toBe(true);
    expect(allows(statements, 'rds:CreateDBInstanceReadReplica', `${rds}:db:stage-shop-ledger-replica-1`)).toBe(true);
    expect(allows(statements, 'rds:ModifyDBParameterGroup', `${rds}:pg:stage-billing-ledger`)).toBe(false);
    expect(allows(statements, 'rds:ModifyDBParameterGroup', `${rds}:pg:default.postgres17`)).toBe(false);
    expect(allows(statements, 'rds:CreateDBInstanceReadReplica', `${rds}:db:stage-billing-ledger`)).toBe(false);
    expect(allows(statements, 'rds:ModifyDBParameterGroup', `${rds}:pg:prod-shop-ledger`)).toBe(false);
    expect(allows(statements, 'rds:DeleteDBInstance', `${rds}:db:stage-shop-ledger-replica-1`)).toBe(false);
    expect(allows(statements, 'rds:PromoteReadReplica', `${rds}:db:stage-shop-ledger-replica-1`)).toBe(false);
    expect(allows(statements, 'rds:CreateDBCluster', `${rds}:cluster:stage-shop-events`)).toBe(true);
    expect(allows(statements, 'rds:CreateDBClusterParameterGroup', `${rds}:cluster-pg:stage-shop-events`)).toBe(true);
    expect(allows(statements, 'rds:ModifyDBCluster', `${rds}:cluster:stage-billing-events`)).toBe(false);
    expect(allows(statements, 'rds:ModifyDBClusterParameterGroup', `${rds}:cluster-pg:default.aurora-postgresql16`)).toBe(false);
    expect(allows(statements, 'rds:DeleteDBCluster', `${rds}:cluster:stage-shop-events`)).toBe(false);
  });

  it('GIVEN pod identity associations WHEN the role is evaluated THEN they are created tagged for the tenant and changed only when so tagged', () => {
    const pod = tenantRoleStatements(ENV).filter((s) => s.actions.some((x) => x.includes('PodIdentityAssociation')));
    expect(pod.map((s) => [s.sid, s.condition])).toEqual([
      ['CreateTaggedPodIdentity', { StringEquals: { 'aws:RequestTag/platform.example.com/tenant': 'shop' } }],
      ['ManageTaggedPodIdentity', { StringEquals: { 'aws:ResourceTag/platform.example.com/tenant': 'shop' } }],
    ]);
  });
});

describe('tenantRoleStatements: tags are set only at creation', () => {
  const statements = tenantRoleStatements(ENV);
  const r = `${ENV.region}:${ENV.accountId}`;
  const sg = `arn:aws:ec2:${r}:security-group/sg-0b0b0b0b0b0b0b0b0`;
  const rule = `arn:aws:ec2:${r}:security-group-rule/sgr-0b0b0b0b0b0b0b0b0`;
  const association = `arn:aws:eks:${r}:podidentityassociation/stage/a-0b0b0b0b0b0b0b0b0`;
  const key = `arn:aws:kms:${r}:key/0b0b0b0b-0000-0000-0000-000000000000`;
  const shopTag = { [`aws:RequestTag/${TENANT_TAG}`]: 'shop', 'aws:TagKeys': [TENANT_TAG] };
  /**
   * The resource as it is: tagged for `tenant`, or the platform's own (no tenant tag). Every key and association the
   * platform makes carries the cluster tag; only a resource being created has no tags at all.
   */
  const taggedFor = (tenant?: string): Context => ({ [`aws:ResourceTag/${CLUSTER_LABEL}`]: 'stage', ...(tenant ? { [`aws:ResourceTag/${TENANT_TAG}`]: tenant } : {}) });
  const may = (action: string, resource: string, context: Context) => isAllowed(statements, { action, resource, context });

  it('GIVEN tenant billing\'s security group WHEN tenant shop re-tags it for shop (ec2:CreateTags) THEN it is denied, so shop never manages its rules', () => {
    expect(may('ec2:CreateTags', sg, { ...taggedFor('billing'), ...shopTag })).toBe(false);
    expect(may('ec2:CreateTags', rule, { ...taggedFor('billing'), ...shopTag })).toBe(false);
    expect(may('ec2:AuthorizeSecurityGroupIngress', sg, taggedFor('billing'))).toBe(false);
  });

  it('GIVEN an untagged security group of the platform WHEN tenant shop tags it for shop THEN it is denied', () => {
    expect(may('ec2:CreateTags', sg, shopTag)).toBe(false);
  });

  it('GIVEN a new security group or rule of shop WHEN its tags are sent with the call that creates it (ec2:CreateAction) THEN they are allowed, with shop\'s tag only', () => {
    for (const action of ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress']) {
      expect(may('ec2:CreateTags', action === 'CreateSecurityGroup' ? sg : rule, { ...shopTag, 'ec2:CreateAction': action }), action).toBe(true);
      expect(may('ec2:CreateTags', sg, { [`aws:RequestTag/${TENANT_TAG}`]: 'billing', 'aws:TagKeys': [TENANT_TAG], 'ec2:CreateAction': action }), `${action} for billing`).toBe(false);
    }
    expect(may('ec2:CreateSecurityGroup', '*', shopTag)).toBe(true);
    expect(may('ec2:CreateSecurityGroup', '*', { [`aws:RequestTag/${TENANT_TAG}`]: 'billing' })).toBe(false);
  });

  it('GIVEN shop\'s own security group, key or association WHEN its tenant tag is changed or removed THEN it is denied; other tags may change', () => {
    for (const [tag, untag, arn] of [['ec2:CreateTags', 'ec2:DeleteTags', sg], ['kms:TagResource', 'kms:UntagResource', key], ['eks:TagResource', 'eks:UntagResource', association]] as const) {
      expect(may(tag, arn, { ...taggedFor('shop'), [`aws:RequestTag/${TENANT_TAG}`]: 'billing', 'aws:TagKeys': [TENANT_TAG] }), `${tag} hand-over`).toBe(false);
      expect(may(untag, arn, { ...taggedFor('shop'), 'aws:TagKeys': [TENANT_TAG] }), untag).toBe(false);
      expect(may(tag, arn, { ...taggedFor('shop'), 'aws:RequestTag/team': 'x', 'aws:TagKeys': ['team'] }), `${tag} other tag`).toBe(true);
    }
  });

  it('GIVEN another tenant\'s pod identity association, an untagged platform one, or the cluster WHEN shop calls eks:TagResource THEN it is denied', () => {
    expect(may('eks:TagResource', association, { ...taggedFor('billing'), ...shopTag })).toBe(false);
    expect(may('eks:TagResource', association, { ...taggedFor(), ...shopTag })).toBe(false);
    expect(may('eks:TagResource', `arn:aws:eks:${r}:cluster/stage`, { ...taggedFor(), ...shopTag })).toBe(false);
    expect(may('eks:UpdatePodIdentityAssociation', association, taggedFor('billing'))).toBe(false);
  });

  it('GIVEN a new pod identity association WHEN created with shop\'s tag THEN it is allowed; with another tenant\'s tag it is denied', () => {
    expect(may('eks:CreatePodIdentityAssociation', `arn:aws:eks:${r}:cluster/stage`, shopTag)).toBe(true);
    expect(may('eks:CreatePodIdentityAssociation', `arn:aws:eks:${r}:cluster/stage`, { [`aws:RequestTag/${TENANT_TAG}`]: 'billing' })).toBe(false);
  });

  it('GIVEN another tenant\'s KMS key WHEN shop tags it for shop THEN it is denied', () => {
    expect(may('kms:TagResource', key, { ...taggedFor('billing'), ...shopTag })).toBe(false);
    expect(may('kms:TagResource', key, { ...taggedFor(), ...shopTag })).toBe(false);
  });

  it('GIVEN a new KMS key or association of shop WHEN its tags are sent with the call that creates it (authorized as TagResource) THEN shop\'s tag is allowed, another tenant\'s is not', () => {
    for (const arn of [key, association]) {
      const tag = arn === key ? 'kms:TagResource' : 'eks:TagResource';
      expect(may(tag, arn, shopTag), tag).toBe(true);
      expect(may(tag, arn, { [`aws:RequestTag/${TENANT_TAG}`]: 'billing', 'aws:TagKeys': [TENANT_TAG] }), `${tag} for billing`).toBe(false);
    }
    expect(may('kms:CreateKey', '*', shopTag)).toBe(true);
  });

  it('GIVEN every tag action the role is allowed WHEN listed THEN each is scoped by name, by creation or by the tenant tag', () => {
    const TAGGING = /^[a-z0-9-]+:(Tag|Untag|CreateTags|DeleteTags|AddTags|RemoveTags)/;
    for (const s of statements.filter((x) => (x.effect ?? 'Allow') === 'Allow' && x.actions.some((a) => TAGGING.test(a)))) {
      const byName = (s.resources ?? []).every((res) => res.includes('stage-shop-') || res.includes('stage/shop/'));
      const condition = JSON.stringify(s.condition ?? {});
      const atCreation = condition.includes('ec2:CreateAction') || (condition.includes('"Null"') && condition.includes(`aws:RequestTag/${TENANT_TAG}`));
      const byTag = condition.includes(`aws:ResourceTag/${TENANT_TAG}`) || atCreation;
      expect(byName || byTag, s.sid).toBe(true);
    }
  });
});

describe('tenantRoleStatements: roles it creates carry the tenant boundary', () => {
  const statements = tenantRoleStatements(ENV);
  const role = (name: string) => `arn:aws:iam::123456789012:role/stage-shop-${name}`;
  const boundary = ownBoundaryArn(ENV);
  const tagged = { [`aws:RequestTag/${TENANT_TAG}`]: 'shop', 'aws:TagKeys': [TENANT_TAG] };
  const may = (action: string, resource: string, context: Context) => isAllowed(statements, { action, resource, context });

  it('GIVEN a new role WHEN created without the boundary, with another one, or untagged THEN it is denied; with the boundary and the tag it is allowed', () => {
    expect(may('iam:CreateRole', role('sa-api'), tagged)).toBe(false);
    expect(may('iam:CreateRole', role('sa-api'), { ...tagged, 'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/AdministratorAccess' })).toBe(false);
    expect(may('iam:CreateRole', role('sa-api'), { 'iam:PermissionsBoundary': boundary })).toBe(false);
    expect(may('iam:CreateRole', role('sa-api'), { [`aws:RequestTag/${TENANT_TAG}`]: 'billing', 'iam:PermissionsBoundary': boundary })).toBe(false);
    expect(may('iam:CreateRole', role('sa-api'), { ...tagged, 'iam:PermissionsBoundary': boundary })).toBe(true);
    expect(may('iam:CreateRole', 'arn:aws:iam::123456789012:role/stage-billing-sa-api', { ...tagged, 'iam:PermissionsBoundary': boundary })).toBe(false);
  });

  it('GIVEN an own role WHEN its boundary is removed or swapped THEN it is denied; set to the tenant boundary it is allowed', () => {
    expect(may('iam:DeleteRolePermissionsBoundary', role('sa-api'), {})).toBe(false);
    expect(may('iam:PutRolePermissionsBoundary', role('sa-api'), { 'iam:PermissionsBoundary': 'arn:aws:iam::123456789012:policy/stage-shop-open' })).toBe(false);
    expect(may('iam:PutRolePermissionsBoundary', role('sa-api'), { 'iam:PermissionsBoundary': boundary })).toBe(true);
    expect(statements.find((s) => s.sid === 'NeverUnbound')).toMatchObject({ effect: 'Deny', resources: ['*'] });
  });

  it('GIVEN the boundary policy WHEN the tenant role, even of a tenant whose prefix covers its name, changes it THEN every change is denied', () => {
    const changes = ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicyVersion', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy'];
    const covering = tenantRoleStatements({ ...ENV, tenant: 'tenant', namespace: 'tenant' });
    for (const action of changes) {
      expect(may(action, boundary, {}), action).toBe(false);
      expect(isAllowed(covering, { action, resource: boundary }), `tenant "tenant": ${action}`).toBe(false);
    }
    // The denial is not vacuous: the same role may change policies of its own prefix.
    expect(isAllowed(covering, { action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::123456789012:policy/stage-tenant-x' })).toBe(true);
    expect(may('iam:CreatePolicyVersion', 'arn:aws:iam::123456789012:policy/stage-crossplane-provider', {})).toBe(false);
  });

  it('GIVEN another tenant\'s boundary WHEN tenant shop creates, re-bounds or changes roles and boundaries with it THEN every attempt is denied', () => {
    const billing = ownBoundaryArn({ ...ENV, tenant: 'billing' });
    expect(billing).toBe('arn:aws:iam::123456789012:policy/stage-boundary-billing');
    expect(boundary).toBe('arn:aws:iam::123456789012:policy/stage-boundary-shop');
    expect(may('iam:CreateRole', role('sa-api'), { ...tagged, 'iam:PermissionsBoundary': billing })).toBe(false);
    expect(may('iam:CreateRole', role('sa-api'), { ...tagged, 'iam:PermissionsBoundary': 'arn:aws:iam::123456789012:policy/stage-tenant-boundary' })).toBe(false);
    expect(may('iam:PutRolePermissionsBoundary', role('sa-api'), { 'iam:PermissionsBoundary': billing })).toBe(false);
    expect(may('iam:AttachRolePolicy', role('sa-api'), { 'iam:PolicyARN': 'arn:aws:iam::123456789012:policy/stage-shop-sa-api', 'iam:PermissionsBoundary': billing })).toBe(false);
    // No boundary, own or other, may be changed, even by a tenant whose names cover `<cluster>-boundary-*`.
    const covering = tenantRoleStatements({ ...ENV, tenant: 'boundary', namespace: 'boundary' });
    for (const action of ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicyVersion', 'iam:DeletePolicy', 'iam:TagPolicy', 'iam:UntagPolicy']) {
      for (const b of [boundary, billing]) {
        expect(may(action, b, {}), `${action} ${b}`).toBe(false);
        expect(isAllowed(covering, { action, resource: b }), `tenant "boundary": ${action} ${b}`).toBe(false);
      }
    }
    expect(isAllowed(covering, { action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::123456789012:policy/stage-boundary-x' })).toBe(false);
    // The denial is not vacuous: without BoundaryIsFixed that tenant's name-scoped grants would reach every boundary.
    expect(isAllowed(covering.filter((s) => s.sid !== 'BoundaryIsFixed'), { action: 'iam:CreatePolicyVersion', resource: billing })).toBe(true);
  });

  it('GIVEN policies WHEN attached THEN only own policies, only to roles that carry the boundary', () => {
    const own = 'arn:aws:iam::123456789012:policy/stage-shop-sa-api';
    expect(may('iam:AttachRolePolicy', role('sa-api'), { 'iam:PolicyARN': own, 'iam:PermissionsBoundary': boundary })).toBe(true);
    expect(may('iam:AttachRolePolicy', role('sa-old'), { 'iam:PolicyARN': own })).toBe(false);
    expect(may('iam:AttachRolePolicy', role('sa-api'), { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess', 'iam:PermissionsBoundary': boundary })).toBe(false);
  });

  it('GIVEN own roles WHEN passed or assumed THEN only workload roles pass, only to EKS Pod Identity, and none is assumed', () => {
    expect(may('iam:PassRole', role('sa-api'), { 'iam:PassedToService': 'pods.eks.amazonaws.com' })).toBe(true);
    expect(may('iam:PassRole', role('sa-api'), { 'iam:PassedToService': 'ec2.amazonaws.com' })).toBe(false);
    expect(may('iam:PassRole', role('ci-web'), { 'iam:PassedToService': 'pods.eks.amazonaws.com' })).toBe(false);
    for (const action of ['sts:AssumeRole', 'sts:TagSession']) expect(may(action, role('sa-api'), {}), action).toBe(false);
  });

  it('GIVEN the tenant tag on own roles WHEN retagged or untagged THEN it cannot name another tenant or be removed', () => {
    expect(may('iam:TagRole', role('sa-api'), { [`aws:RequestTag/${TENANT_TAG}`]: 'billing' })).toBe(false);
    expect(may('iam:TagRole', role('sa-api'), { 'aws:RequestTag/team': 'x' })).toBe(true);
    expect(may('iam:UntagRole', role('sa-api'), { 'aws:TagKeys': [TENANT_TAG] })).toBe(false);
    expect(may('iam:UntagRole', role('sa-api'), { 'aws:TagKeys': ['team'] })).toBe(true);
  });

  it('GIVEN the tenant role WHEN rendered THEN it carries the tenant tag and trusts only sessions of the cluster Crossplane tagged for its tenant', () => {
    const chart = newChart();
    new TenantProviderConfig(chart, 'pc', { env: ENV });
    const roleObj = objectsOf(chart).find((o) => o.kind === 'Role')!;
    const forProvider = roleObj.spec.forProvider as { tags: Record<string, string>; assumeRolePolicy: string };
    expect(forProvider.tags[TENANT_TAG]).toBe('shop');
    expect(JSON.parse(forProvider.assumeRolePolicy).Statement).toEqual([{
      Sid: 'ClusterCrossplane',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:role/stage-crossplane-provider' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { StringEquals: { 'aws:RequestTag/platform.example.com/tenant': 'shop' } },
    }]);
  });
});

import { describe, expect, it } from 'vitest';
import { ADDON_AWS_POLICIES, type AddonPolicyEnv, addonAwsPolicy } from '../../src/infra/addon-policies.js';
import { ADDONS } from '../../src/addons/catalog.js';
import { checkStatement, type PolicyStatement } from '../../src/crossplane/iam/policy-document.js';
import type { TenantZone } from '../../src/tenancy/tenant-zones.js';
import { tenantRoleStatements } from '../../src/tenant-aws/tenant-provider-config.js';
import { type Context, isAllowed } from '../tenant-aws/_iam-eval.js';
import { ENV } from '../tenant-aws/_env.js';

const env: AddonPolicyEnv = {
  cluster: 'prod',
  accountId: '333333333333',
  region: 'eu-west-1',
  hostedZoneId: 'Z0PROD',
  logsBucket: '333333333333-eu-west-1-prod-logs',
  metricsBucket: '333333333333-eu-west-1-prod-metrics',
  lokiBucket: '333333333333-eu-west-1-prod-loki',
  autoscalingGroups: ['prod-general', 'prod-batch'],
  enabled: () => true,
  crossplaneAssumeRoleArns: [],
  tenantSecretRoleArns: ['arn:aws:iam::333333333333:role/prod-payments-secrets'],
};

/** Two tenants' zones: payments under the cluster domain, shop under a partner domain with its own parent zone. */
const ZONES: TenantZone[] = [
  { tenant: 'payments', name: 'pay.example.com', parentDomain: 'example.com', parentZoneId: 'Z0PROD' },
  { tenant: 'shop', name: 'shop.partner.example', parentDomain: 'partner.example', parentZoneId: 'Z0PARTNER' },
];

const statements = (addon: string, e: AddonPolicyEnv = env) => addonAwsPolicy(addon).statements(e);
const bySid = (list: readonly PolicyStatement[], sid: string) => list.find((s) => s.sid === sid);
const resources = (list: readonly PolicyStatement[]) => list.flatMap((s) => s.resources ?? []);

describe('ADDON_AWS_POLICIES', () => {
  it('GIVEN the catalog WHEN an add-on declares ServiceAccounts THEN it has a policy, and no policy is left without an add-on', () => {
    const withAccounts = ADDONS.filter((a) => (a.serviceAccounts ?? []).length > 0).map((a) => a.name).sort();
    expect(Object.keys(ADDON_AWS_POLICIES).sort()).toEqual(withAccounts);
  });

  it.each(Object.keys(ADDON_AWS_POLICIES))('GIVEN add-on %s WHEN its policy is built THEN no statement grants * actions and * resources carry a reason', (addon) => {
    const list = statements(addon, { ...env, crossplaneAssumeRoleArns: ['arn:aws:iam::222222222222:role/staging-crossplane'], tenantZones: ZONES });
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(() => checkStatement(s)).not.toThrow();
      for (const a of s.actions) expect(a, `${addon} ${s.sid}`).not.toMatch(/^\*$|:\*$/);
      if ((s.resources ?? []).includes('*')) expect(s.actions.every((a) => /:(Describe|List)|^route53:CreateHostedZone$/.test(a)), `${addon} ${s.sid}`).toBe(true);
    }
  });

  it('GIVEN external-dns and cert-manager WHEN built THEN record changes name only the cluster zone, and cert-manager only TXT challenge records', () => {
    expect(bySid(statements('external-dns'), 'ChangeClusterZone')?.resources).toEqual(['arn:aws:route53:::hostedzone/Z0PROD']);
    const challenge = bySid(statements('cert-manager'), 'ChallengeRecords')!;
    expect(challenge.resources).toEqual(['arn:aws:route53:::hostedzone/Z0PROD']);
    expect(challenge.condition).toEqual({
      'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': 'TXT' },
      'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': '_acme-challenge.*' },
    });
    expect(bySid(statements('cert-manager'), 'ReadChanges')?.resources).toEqual(['arn:aws:route53:::change/*']);
  });

  it('GIVEN no hosted zone id WHEN external-dns is built THEN it falls back to every zone of the account', () => {
    const { hostedZoneId: _, ...noZone } = env;
    expect(bySid(statements('external-dns', noZone), 'ChangeClusterZone')?.resources).toEqual(['arn:aws:route53:::hostedzone/*']);
  });

  it("GIVEN cluster-autoscaler WHEN built THEN it scales only the cluster's ASGs, and only when tagged owned by the cluster", () => {
    expect(bySid(statements('cluster-autoscaler'), 'ScaleOwnGroups')).toEqual({
      sid: 'ScaleOwnGroups',
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      resources: [
        'arn:aws:autoscaling:eu-west-1:333333333333:autoScalingGroup:*:autoScalingGroupName/prod-general',
        'arn:aws:autoscaling:eu-west-1:333333333333:autoScalingGroup:*:autoScalingGroupName/prod-batch',
      ],
      condition: { StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/prod': 'owned' } },
    });
  });

  it('GIVEN thanos and fluent-bit WHEN built THEN they name their own bucket and the cluster key through S3', () => {
    expect(resources(statements('thanos'))).toEqual([
      'arn:aws:s3:::333333333333-eu-west-1-prod-metrics',
      'arn:aws:s3:::333333333333-eu-west-1-prod-metrics/*',
      'arn:aws:kms:eu-west-1:333333333333:key/*',
    ]);
    expect(bySid(statements('thanos'), 'MetricsObjects')?.actions).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    const logs = statements('fluent-bit');
    expect(bySid(logs, 'WriteLogs')).toEqual({ sid: 'WriteLogs', actions: ['s3:PutObject'], resources: ['arn:aws:s3:::333333333333-eu-west-1-prod-logs/*'] });
    expect(bySid(logs, 'UseClusterKey')?.condition).toEqual({
      'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/prod-platform' },
      StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' },
    });
  });

  it('GIVEN loki WHEN evaluated THEN it reads, writes and deletes objects of its own bucket only, and never deletes the bucket', async () => {
    const { isAllowed } = await import('../tenant-aws/_iam-eval.js');
    const loki = statements('loki');
    const bucket = 'arn:aws:s3:::333333333333-eu-west-1-prod-loki';
    const key = { 'kms:ResourceAliases': ['alias/prod-platform'], 'kms:ViaService': 's3.eu-west-1.amazonaws.com' };
    for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) expect(isAllowed(loki, { action, resource: `${bucket}/fake/chunk` }), action).toBe(true);
    expect(isAllowed(loki, { action: 's3:ListBucket', resource: bucket })).toBe(true);
    expect(isAllowed(loki, { action: 'kms:GenerateDataKey', resource: 'arn:aws:kms:eu-west-1:333333333333:key/k', context: key })).toBe(true);
    expect(isAllowed(loki, { action: 's3:DeleteBucket', resource: bucket })).toBe(false);
    expect(isAllowed(loki, { action: 's3:GetObject', resource: 'arn:aws:s3:::333333333333-eu-west-1-prod-logs/x' })).toBe(false);
    expect(isAllowed(loki, { action: 's3:GetObject', resource: 'arn:aws:s3:::333333333333-eu-west-1-prod-metrics/x' })).toBe(false);
  });

  it('GIVEN kube-prometheus-stack WHEN thanos is off THEN it needs no AWS, and with thanos its sidecar may not delete', () => {
    expect(statements('kube-prometheus-stack', { ...env, enabled: (a) => a !== 'thanos' })).toEqual([]);
    expect(bySid(statements('kube-prometheus-stack'), 'MetricsObjects')?.actions).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it("GIVEN external-secrets WHEN built THEN it reads platform/<cluster>/ secrets and assumes only the cluster's tenant reader roles", () => {
    const list = statements('external-secrets');
    expect(bySid(list, 'ReadPlatformSecrets')?.resources).toEqual(['arn:aws:secretsmanager:eu-west-1:333333333333:secret:platform/prod/*']);
    expect(bySid(list, 'TenantSecretStores')).toEqual({ sid: 'TenantSecretStores', actions: ['sts:AssumeRole'], resources: ['arn:aws:iam::333333333333:role/prod-payments-secrets'] });
    expect(bySid(statements('external-secrets', { ...env, tenantSecretRoleArns: [] }), 'TenantSecretStores')).toBeUndefined();
  });

  it("GIVEN crossplane WHEN built for a workload and the management cluster THEN it acts for tenants, and management also assumes every cluster's role", () => {
    const workload = statements('crossplane');
    expect(bySid(workload, 'ManageClusterInfrastructure')).toBeUndefined();
    expect(bySid(workload, 'ActForTenants')?.resources).toEqual(['arn:aws:iam::333333333333:role/prod-tenant-*']);
    expect(bySid(workload, 'AttachOnlyTenantPolicies')?.condition).toEqual({ ArnLike: { 'iam:PolicyARN': 'arn:aws:iam::333333333333:policy/prod-tenant-*' } });
    // The tenants' boundaries prod-boundary-* are the infrastructure's: the cluster's own Crossplane must never change them.
    expect(bySid(workload, 'TenantBoundaryIsFixed')).toMatchObject({ effect: 'Deny', resources: ['arn:aws:iam::333333333333:policy/prod-boundary-*'] });
    expect(bySid(workload, 'TenantBoundaryIsFixed')?.actions).toEqual(expect.arrayContaining(['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy']));
    const roles = ['arn:aws:iam::2:role/b-crossplane', 'arn:aws:iam::1:role/a-crossplane', 'arn:aws:iam::1:role/a-crossplane'];
    expect(bySid(statements('crossplane', { ...env, crossplaneAssumeRoleArns: roles }), 'ManageClusterInfrastructure')?.resources).toEqual([
      'arn:aws:iam::1:role/a-crossplane',
      'arn:aws:iam::2:role/b-crossplane',
    ]);
  });

  it('GIVEN an add-on without a policy WHEN looked up THEN fails naming it', () => {
    expect(() => addonAwsPolicy('reloader')).toThrow(/^add-on "reloader" declares 'serviceAccounts' but has no AWS policy; allowed: aws-load-balancer-controller, /);
  });
});

describe('ADDON_AWS_POLICIES for tenant zones', () => {
  const withZones: AddonPolicyEnv = { ...env, tenantZones: ZONES };
  const ANY_ZONE = 'arn:aws:route53:::hostedzone/Z0NEWTENANTZONE';
  const CLUSTER_ZONE = 'arn:aws:route53:::hostedzone/Z0PROD';
  const PARTNER_ZONE = 'arn:aws:route53:::hostedzone/Z0PARTNER';
  const OTHER_ZONE = 'arn:aws:route53:::hostedzone/Z0SOMEONEELSE';
  /** A ChangeResourceRecordSets call as Route53 presents it to IAM: the normalized names and types of every change. */
  const change = (names: string[], types: string[]): Context => ({
    'route53:ChangeResourceRecordSetsNormalizedRecordNames': names,
    'route53:ChangeResourceRecordSetsRecordTypes': types,
    'route53:ChangeResourceRecordSetsActions': names.map(() => 'UPSERT'),
  });
  const may = (addon: string, resource: string, context: Context, action = 'route53:ChangeResourceRecordSets') =>
    isAllowed(statements(addon, withZones), { action, resource, context });

  it('GIVEN tenant zones WHEN external-dns changes records THEN it may write names inside the zones in any zone (their ids are unknown) and nothing outside them', () => {
    // the tenant zone's id is assigned by AWS: any zone, but only names inside the declared zones
    expect(may('external-dns', ANY_ZONE, change(['pay.example.com', 'acme-shoes.pay.example.com', 'a-acme-shoes.pay.example.com'], ['A', 'TXT', 'TXT']))).toBe(true);
    expect(may('external-dns', ANY_ZONE, change(['*.pay.example.com'], ['A']))).toBe(true);
    expect(may('external-dns', ANY_ZONE, change(['x.shop.partner.example'], ['CNAME']))).toBe(true);
    // a name outside every tenant zone, alone or slipped into a batch, in a zone other than the cluster's
    expect(may('external-dns', OTHER_ZONE, change(['www.partner.example'], ['A']))).toBe(false);
    expect(may('external-dns', OTHER_ZONE, change(['acme.pay.example.com', 'bank.example.org'], ['A', 'A']))).toBe(false);
    expect(may('external-dns', PARTNER_ZONE, change(['partner.example'], ['NS']))).toBe(false);
    expect(may('external-dns', OTHER_ZONE, change(['evilpay.example.com'], ['A']))).toBe(false);
    // the cluster zone stays fully its own (the TXT registry record of a zone apex, a-pay.example.com, lands there)
    expect(may('external-dns', CLUSTER_ZONE, change(['a-pay.example.com'], ['TXT']))).toBe(true);
  });

  it('GIVEN no tenant zones WHEN external-dns is built THEN it gets no statement on other zones', () => {
    expect(resources(statements('external-dns'))).not.toContain('arn:aws:route53:::hostedzone/*');
    expect(isAllowed(statements('external-dns'), { action: 'route53:ChangeResourceRecordSets', resource: ANY_ZONE, context: change(['pay.example.com'], ['A']) })).toBe(false);
  });

  it('GIVEN tenant zones WHEN cert-manager solves DNS-01 THEN it writes only TXT _acme-challenge names inside the zones', () => {
    expect(may('cert-manager', ANY_ZONE, change(['_acme-challenge.pay.example.com'], ['TXT']))).toBe(true);
    expect(may('cert-manager', ANY_ZONE, change(['_acme-challenge.acme.pay.example.com'], ['TXT']))).toBe(true);
    expect(may('cert-manager', ANY_ZONE, change(['_acme-challenge.pay.example.com'], ['A']))).toBe(false);
    expect(may('cert-manager', ANY_ZONE, change(['pay.example.com'], ['TXT']))).toBe(false);
    expect(may('cert-manager', OTHER_ZONE, change(['_acme-challenge.bank.example.org'], ['TXT']))).toBe(false);
  });

  it("GIVEN tenant zones WHEN the cluster's Crossplane acts THEN it creates zones, writes only their NS records in their own parent zone, and deletes no zone", () => {
    const crossplane = (resource: string, context: Context, action?: string) => may('crossplane', resource, context, action);
    expect(crossplane('*', {}, 'route53:CreateHostedZone')).toBe(true);
    expect(crossplane(CLUSTER_ZONE, change(['pay.example.com'], ['NS']))).toBe(true);
    expect(crossplane(PARTNER_ZONE, change(['shop.partner.example'], ['NS']))).toBe(true);
    // not another tenant's zone through the wrong parent, not another name, not another type, not inside a zone
    expect(crossplane(CLUSTER_ZONE, change(['shop.partner.example'], ['NS']))).toBe(false);
    expect(crossplane(CLUSTER_ZONE, change(['evil.example.com'], ['NS']))).toBe(false);
    expect(crossplane(CLUSTER_ZONE, change(['pay.example.com'], ['A']))).toBe(false);
    expect(crossplane(CLUSTER_ZONE, change(['pay.example.com', 'www.example.com'], ['NS', 'A']))).toBe(false);
    expect(crossplane(ANY_ZONE, change(['acme.pay.example.com'], ['A']))).toBe(false);
    for (const zone of [ANY_ZONE, CLUSTER_ZONE]) expect(crossplane(zone, {}, 'route53:DeleteHostedZone')).toBe(false);
    expect(crossplane(ANY_ZONE, {}, 'route53:GetHostedZone')).toBe(true);
  });

  it("GIVEN a tenant's own Crossplane role WHEN it acts on Route53 THEN it can touch no zone: neither its own nor another tenant's", () => {
    const tenant = tenantRoleStatements(ENV);
    for (const [action, resource] of [
      ['route53:CreateHostedZone', '*'],
      ['route53:DeleteHostedZone', ANY_ZONE],
      ['route53:ChangeResourceRecordSets', ANY_ZONE],
      ['route53:ChangeResourceRecordSets', CLUSTER_ZONE],
      ['route53:ChangeTagsForResource', ANY_ZONE],
    ] as const) {
      expect(isAllowed(tenant, { action, resource, context: change(['pay.example.com'], ['NS']) }), action).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { TENANT_TAG, type TenantAwsEnv } from '../../src/tenant-aws/tenant-aws-env.js';
import { workloadAccess, workloadStatements } from '../../src/tenant-aws/tenant-aws-kinds.js';
import { tenantBoundaryStatements } from '../../src/tenant-aws/tenant-boundary.js';
import { EMAIL_IDENTITIES, TenantEmailIdentity, emailIdentityArn } from '../../src/tenant-aws/tenant-email-identity.js';
import { tenantRoleStatements } from '../../src/tenant-aws/tenant-provider-config.js';
import { type Context, EVERYTHING, isAllowed } from './_iam-eval.js';
import { ENV, newChart, objectsOf, one } from './_env.js';

const BILLING: TenantAwsEnv = { ...ENV, tenant: 'billing', namespace: 'billing' };
const SHOP_MAIL = { name: 'mail', domain: 'shop.example.com' };
const BILLING_MAIL = { name: 'mail', domain: 'billing.example.com' };
const shopIdentity = emailIdentityArn(ENV, SHOP_MAIL.domain);
const billingIdentity = emailIdentityArn(BILLING, BILLING_MAIL.domain);

/** A shop pod's session, sending From `from` through an identity tagged for `owner`. */
const send = (from: string, owner: string): Context => ({
  'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/stage-shop-sa-api',
  [`aws:PrincipalTag/${TENANT_TAG}`]: 'shop',
  [`aws:ResourceTag/${TENANT_TAG}`]: owner,
  'ses:FromAddress': from,
});

describe('TenantEmailIdentity', () => {
  it('GIVEN a domain WHEN rendered THEN a retained Easy DKIM identity named after it, tagged for the tenant, and a ConfigMap for apps', () => {
    const chart = newChart();
    new TenantEmailIdentity(chart, 'mail', { env: ENV, ...SHOP_MAIL });
    const objs = objectsOf(chart);
    const identity = one(objs, 'EmailIdentity');
    expect(identity.metadata).toMatchObject({ name: 'email-mail', namespace: 'shop', annotations: { 'crossplane.io/external-name': 'shop.example.com' } });
    expect(identity.spec.managementPolicies).not.toContain('Delete');
    expect(identity.spec.forProvider).toEqual({
      region: 'eu-west-2', dkimSigningAttributes: { nextSigningKeyLength: 'RSA_2048_BIT' }, tags: { [TENANT_TAG]: 'shop', 'platform.example.com/cluster': 'stage' },
    });
    expect(one(objs, 'ConfigMap')).toMatchObject({
      metadata: { name: 'mail-email', namespace: 'shop' },
      data: { domain: 'shop.example.com', identity_arn: 'arn:aws:ses:eu-west-2:123456789012:identity/shop.example.com', region: 'eu-west-2' },
    });
  });
});

describe('EMAIL_IDENTITIES', () => {
  const workload = workloadStatements(workloadAccess(ENV, { emailIdentities: [SHOP_MAIL] }, true));
  const boundary = tenantBoundaryStatements(ENV);

  it('GIVEN a workload WHEN it sends from its own identity and domain THEN SES allows it, through the boundary too', () => {
    for (const action of ['ses:SendEmail', 'ses:SendRawEmail']) {
      expect(isAllowed(workload, { action, resource: shopIdentity, context: send('activation@shop.example.com', 'shop') }, boundary), action).toBe(true);
    }
  });

  it('GIVEN a workload WHEN it sends From another domain, via another tenant\'s identity, or manages SES THEN it is denied', () => {
    expect(isAllowed(workload, { action: 'ses:SendEmail', resource: shopIdentity, context: send('ceo@pay.example.com', 'shop') })).toBe(false);
    expect(isAllowed(workload, { action: 'ses:SendEmail', resource: shopIdentity, context: send('x@sub.shop.example.com', 'shop') })).toBe(false);
    expect(isAllowed(workload, { action: 'ses:SendEmail', resource: billingIdentity, context: send('x@billing.example.com', 'billing') })).toBe(false);
    for (const action of ['ses:CreateEmailIdentity', 'ses:DeleteEmailIdentity', 'ses:PutEmailIdentityDkimSigningAttributes']) {
      expect(isAllowed(workload, { action, resource: shopIdentity, context: send('a@shop.example.com', 'shop') }), action).toBe(false);
    }
  });

  it('GIVEN a role a tenant created with any policy WHEN it sends through another tenant\'s identity THEN the boundary denies it', () => {
    expect(isAllowed(EVERYTHING, { action: 'ses:SendEmail', resource: billingIdentity, context: send('x@billing.example.com', 'billing') }, boundary)).toBe(false);
    expect(isAllowed(EVERYTHING, { action: 'ses:SendEmail', resource: shopIdentity, context: send('x@shop.example.com', 'shop') }, boundary)).toBe(true);
  });

  it('GIVEN the tenant role WHEN it manages identities THEN only those of its declared domains, created with its tag, never deleted', () => {
    const role = tenantRoleStatements(ENV, [], { emailIdentities: [SHOP_MAIL] });
    const own: Context = { [`aws:RequestTag/${TENANT_TAG}`]: 'shop', [`aws:ResourceTag/${TENANT_TAG}`]: 'shop' };
    expect(isAllowed(role, { action: 'ses:CreateEmailIdentity', resource: shopIdentity, context: own })).toBe(true);
    expect(isAllowed(role, { action: 'ses:GetEmailIdentity', resource: shopIdentity, context: own })).toBe(true);
    expect(isAllowed(role, { action: 'ses:CreateEmailIdentity', resource: shopIdentity, context: { [`aws:RequestTag/${TENANT_TAG}`]: 'billing' } })).toBe(false);
    expect(isAllowed(role, { action: 'ses:CreateEmailIdentity', resource: billingIdentity, context: own })).toBe(false);
    expect(isAllowed(role, { action: 'ses:CreateEmailIdentity', resource: emailIdentityArn(ENV, 'example.com'), context: own })).toBe(false);
    expect(isAllowed(role, { action: 'ses:DeleteEmailIdentity', resource: shopIdentity, context: own })).toBe(false);
    // no identities declared: no SES at all
    expect(tenantRoleStatements(ENV).some((s) => s.actions.some((a) => a.startsWith('ses:')))).toBe(false);
  });

  it('GIVEN the descriptor WHEN read THEN the identity ARN is the domain\'s and workloads get that ARN only', () => {
    expect(EMAIL_IDENTITIES.arn(ENV, SHOP_MAIL)).toBe('arn:aws:ses:eu-west-2:123456789012:identity/shop.example.com');
    expect(workload.flatMap((s) => s.resources)).toEqual([shopIdentity]);
  });
});

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { SesEmailIdentity } from '../crossplane/sesv2/email-identity.js';
import { TENANT_TAG, type TenantAwsEnv, mrCommon, tenantTags } from './tenant-aws-env.js';
import type { KindScope, TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';

/** What a workload may do with its tenant's identities: send mail (SES v2 `SendEmail`; v1 `SendEmail`, `SendRawEmail`). */
const SEND = ['ses:SendEmail', 'ses:SendRawEmail'];
/** What the tenant role may do to its identities: create, read, set DKIM and tags. Never delete: the DKIM keys go with it. */
const MANAGE = ['ses:GetEmailIdentity', 'ses:PutEmailIdentityDkimSigningAttributes', 'ses:ListTagsForResource'];

type Region = Pick<TenantAwsEnv, 'region' | 'accountId'>;

/** The ARN of the SES identity of `domain` (SES identities are named after the domain, not the tenant). */
export const emailIdentityArn = (env: Region, domain: string) => `arn:aws:ses:${env.region}:${env.accountId}:identity/${domain}`;

/** `<name>-email`: the ConfigMap with what an app needs to send from the identity (nothing in it is secret). */
export const emailConfigMapName = (name: string) => `${name}-email`;

/** The domain of an identity ARN (`...:identity/<domain>`). */
const domainOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export interface TenantEmailIdentityProps {
  readonly env: TenantAwsEnv;
  /** Short name: the managed resource is `email-<name>`, the ConfigMap `<name>-email`. */
  readonly name: string;
  /** The domain mail is sent from; the loader checks the tenant owns it. */
  readonly domain: string;
}

/**
 * An SES domain identity with Easy DKIM (2048-bit keys, rotated by SES), tagged for the tenant and retained (deleting
 * it loses the DKIM keys, and mail stops until new DNS records are published). The ConfigMap `<name>-email` holds the
 * domain, the identity ARN and the region, for apps that send from it (nothing in it is secret). SES reports the three DKIM tokens in the
 * identity's `status.atProvider.dkimSigningAttributes[0].tokens`; the CNAME records `<token>._domainkey.<domain>` →
 * `<token>.dkim.amazonses.com` are published by hand (see docs/tenants.md).
 */
export class TenantEmailIdentity extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TenantEmailIdentityProps) {
    super(scope, id);
    const { env, name, domain } = props;
    const common = mrCommon(env, `email-${name}`);
    this.arn = emailIdentityArn(env, domain);
    new SesEmailIdentity(this, 'identity', {
      ...common,
      retain: true,
      externalName: domain,
      forProvider: { region: env.region, dkimSigningAttributes: { nextSigningKeyLength: 'RSA_2048_BIT' }, tags: tenantTags(env) },
    });
    // Nothing here is secret, and out/ holds no Secret with data: a ConfigMap, for envFrom.
    new ApiObject(this, 'config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: emailConfigMapName(name), namespace: env.namespace, labels: common.labels },
      data: { domain, identity_arn: this.arn, region: env.region },
    });
  }
}

/** The identity ARNs of the tenant of `scope`, when the scope carries its `aws` section (its tenant role). */
function ownIdentityArns(scope: KindScope): string[] {
  const items = (scope.aws?.emailIdentities ?? []) as readonly TenantAwsItem<'emailIdentities'>[];
  return items.map((e) => emailIdentityArn(scope, e.domain)).sort();
}

/** The tenant AWS kind `aws.emailIdentities`. */
export const EMAIL_IDENTITIES: TenantAwsKind<TenantAwsItem<'emailIdentities'>> = {
  field: 'emailIdentities',
  title: 'SES email identity',
  mrPrefix: 'email',
  // Named after the domain, which the loader checks against the tenant's hostnames: no `<cluster>-<prefix>-` name.
  names: [],
  arn: (env, e) => emailIdentityArn(env, e.domain),
  workloadArns: (env, e) => [emailIdentityArn(env, e.domain)],
  // Sending is scoped to the identity and, on top, to From addresses of exactly its domain (not a subdomain that
  // another identity might cover).
  workloadActions: (arns) => [{ sid: 'SendEmail', actions: SEND, resources: [...arns], condition: { StringLike: { 'ses:FromAddress': arns.map((a) => `*@${domainOf(a)}`) } } }],
  // The boundary cannot name domains: it admits identities tagged for the caller's tenant.
  dataPlane: (patterns, scope) => [{ sid: 'OwnEmailIdentities', actions: SEND, resources: [...patterns], condition: { StringEquals: { [`aws:ResourceTag/${TENANT_TAG}`]: scope.prefix } } }],
  // The tenant role names its own domains: it can neither create nor change an identity of a domain it does not own.
  providerRole: (_patterns, scope): PolicyStatement[] => {
    const arns = ownIdentityArns(scope);
    if (arns.length === 0) return [];
    return [
      { sid: 'CreateEmailIdentities', actions: ['ses:CreateEmailIdentity', 'ses:TagResource'], resources: arns, condition: { StringEquals: { [`aws:RequestTag/${TENANT_TAG}`]: scope.prefix } } },
      { sid: 'EmailIdentities', actions: MANAGE, resources: arns, condition: { StringEquals: { [`aws:ResourceTag/${TENANT_TAG}`]: scope.prefix } } },
    ];
  },
  unscopedActions: [],
  patterns: (s) => [`arn:aws:ses:${s.region}:${s.accountId}:identity/*`],
  vpc: null,
  publicEndpoint: true,
  stateful: [{ service: 'sesv2', kind: 'EmailIdentity', title: 'SES email identity', loss: 'the domain\'s verification and DKIM keys: no mail is sent until new DKIM records are published' }],
  providerPackages: ['sesv2'],
  summary: 'a domain identity (Easy DKIM) for a hostname of the tenant or a parent of one, on the cluster whose zone holds it; workloads send only From that domain; the ConfigMap `<name>-email` holds domain, identity ARN and region',
  render: (scope, ctx, e) => {
    new TenantEmailIdentity(scope, `email-${e.name}`, { env: ctx.env, name: e.name, domain: e.domain });
  },
};

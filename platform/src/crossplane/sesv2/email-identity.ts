import { STR, STR_MAP, obj, oneOf, regional } from '../_fields.js';
import type { TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const sesv2 = kindsOf('sesv2.aws.m.upbound.io/v1beta1');

/**
 * sesv2.aws.m.upbound.io/v1beta1 EmailIdentity. Name-identified: the external name is the identity itself (a domain
 * or an address; forProvider has no name field). With no `domainSigningPrivateKeySecretRef`, SES generates the DKIM
 * keys (Easy DKIM) and reports the three tokens in `status.atProvider.dkimSigningAttributes[0].tokens`.
 */
export const SESV2_EMAIL_IDENTITY = sesv2('EmailIdentity', regional({
  configurationSetName: STR,
  dkimSigningAttributes: obj({ domainSigningSelector: STR, nextSigningKeyLength: oneOf('RSA_1024_BIT', 'RSA_2048_BIT') }),
  tags: STR_MAP,
}));

export interface SesEmailIdentityForProvider extends TaggedForProvider {
  /** Easy DKIM: the length of the keys SES generates. */
  readonly dkimSigningAttributes?: { readonly nextSigningKeyLength: 'RSA_1024_BIT' | 'RSA_2048_BIT' };
  readonly configurationSetName?: string;
}

/** An SES identity. Set `externalName` to the domain. Its verification and DKIM keys are lost on deletion: emit it with `retain: true`. */
export const SesEmailIdentity = managedResourceClass<SesEmailIdentityForProvider>(SESV2_EMAIL_IDENTITY);

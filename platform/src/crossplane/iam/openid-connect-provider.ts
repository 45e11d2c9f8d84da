import { STR, STR_MAP, arr, global } from '../_fields.js';
import type { Tags } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const iam = kindsOf('iam.aws.m.upbound.io/v1beta1');

/**
 * iam OpenIDConnectProvider: an OIDC identity provider of the account, e.g. an EKS cluster's issuer
 * for IRSA. Global (no region). The provider identifies it by its ARN
 * (`arn:aws:iam::<account>:oidc-provider/<issuer>`), so an explicit external name adopts one that exists.
 */
export const IAM_OPENID_CONNECT_PROVIDER = iam('OpenIDConnectProvider', global(
  { clientIdList: arr(STR), tags: STR_MAP, thumbprintList: arr(STR), url: STR },
  ['clientIdList', 'url'],
));

export interface IamOpenIdConnectProviderForProvider {
  /** The issuer URL (the `iss` claim), starting with `https://`. */
  readonly url: string;
  /** Audiences allowed to present tokens, e.g. `sts.amazonaws.com` for IRSA. */
  readonly clientIdList: readonly string[];
  /** Server certificate thumbprints. @default - none: IAM trusts the EKS issuer through its own CA library */
  readonly thumbprintList?: readonly string[];
  readonly tags?: Tags;
}

export const IamOpenIdConnectProvider = managedResourceClass<IamOpenIdConnectProviderForProvider>(IAM_OPENID_CONNECT_PROVIDER);

/** The ARN of the OIDC provider of an issuer (`oidc.eks.<region>.amazonaws.com/id/<id>`, no scheme). */
export const oidcProviderArn = (accountId: string, issuer: string) => `arn:aws:iam::${accountId}:oidc-provider/${issuer}`;

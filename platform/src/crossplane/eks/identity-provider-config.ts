import { STR, STR_MAP, obj, referable, regional } from '../_fields.js';
import type { TaggedForProvider, Referable } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

/**
 * eks IdentityProviderConfig: an OIDC identity provider the cluster's API server trusts besides IAM. Name-identified:
 * the external name is the provider's name in EKS (ID `<cluster>:<name>`). EKS allows one OIDC provider per cluster, and changing any `oidc` field replaces it.
 */
export const EKS_IDENTITY_PROVIDER_CONFIG = defineManagedResourceKind({
  apiVersion: 'eks.aws.m.upbound.io/v1beta1',
  kind: 'IdentityProviderConfig',
  forProvider: regional(
    {
      ...referable('clusterName'),
      oidc: obj(
        {
          clientId: STR,
          groupsClaim: STR,
          groupsPrefix: STR,
          issuerUrl: STR,
          requiredClaims: STR_MAP,
          usernameClaim: STR,
          usernamePrefix: STR,
        },
        ['clientId', 'issuerUrl'],
      ),
      tags: STR_MAP,
    },
    ['oidc'],
  ),
});

/** The OIDC settings EKS validates ID tokens with. */
export interface EksOidcSettings {
  /** The `aud` of the ID tokens: the client id kubectl logs in with. */
  readonly clientId: string;
  /** `https://` URL whose `/.well-known/openid-configuration` EKS reads; must be reachable from AWS. */
  readonly issuerUrl: string;
  /** @default 'sub' */
  readonly usernameClaim?: string;
  /** @default - EKS puts the issuer URL in front of every claim but `email` */
  readonly usernamePrefix?: string;
  /** @default - no groups */
  readonly groupsClaim?: string;
  /** @default - group names as the token has them */
  readonly groupsPrefix?: string;
}

export interface EksIdentityProviderConfigForProvider extends TaggedForProvider, Referable<'clusterName'> {
  readonly oidc: EksOidcSettings;
}

export const EksIdentityProviderConfig = managedResourceClass<EksIdentityProviderConfigForProvider>(EKS_IDENTITY_PROVIDER_CONFIG);

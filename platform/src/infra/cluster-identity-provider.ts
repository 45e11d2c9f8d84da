import { Construct } from 'constructs';
import { EksIdentityProviderConfig } from '../crossplane/eks/identity-provider-config.js';
import { GROUPS_CLAIM, KUBECTL_CLIENT, dexIssuerUrl } from '../addons/dex.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { EKS_CLUSTER_NAME } from './eks-control-plane.js';

export interface ClusterIdentityProviderProps extends InfraProps {
  /** The cluster's DNS domain: Dex is its issuer at `https://dex.<domain>`. */
  readonly domain: string;
  /** Prefix of group and user names (`kubernetes.oidcGroupPrefix`), e.g. `github:`. */
  readonly groupPrefix: string;
}

/** metadata.name (and EKS name) of the cluster's OIDC identity provider. */
export const IDENTITY_PROVIDER = 'dex';

/**
 * The EKS cluster's OIDC identity provider: Dex in the cluster, which logs people in with GitHub. The API server
 * accepts Dex ID tokens issued to the kubectl client; the user is `<prefix><github login>` and the groups are the
 * person's GitHub teams, `<prefix><org>:<team-slug>`, which the tenants' RoleBindings name (see teamGroup()).
 * IAM access (platform admins' access entries) keeps working beside it.
 */
export class ClusterIdentityProvider extends Construct {
  constructor(scope: Construct, id: string, props: ClusterIdentityProviderProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    new EksIdentityProviderConfig(this, 'config', {
      ...mrBase(infra, IDENTITY_PROVIDER),
      externalName: IDENTITY_PROVIDER,
      forProvider: {
        region: infra.region,
        clusterNameRef: { name: EKS_CLUSTER_NAME },
        oidc: {
          clientId: KUBECTL_CLIENT,
          issuerUrl: dexIssuerUrl(props.domain),
          usernameClaim: 'preferred_username',
          usernamePrefix: props.groupPrefix,
          groupsClaim: GROUPS_CLAIM,
          groupsPrefix: props.groupPrefix,
        },
        tags: infra.tags,
      },
    });
  }
}

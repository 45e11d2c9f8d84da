import { describe, expect, it } from 'vitest';
import { ClusterIdentityProvider } from '../../src/infra/cluster-identity-provider.js';
import { teamGroup } from '../../src/tenancy/tenant-role-bindings.js';
import { find, renderObjects } from './_render.js';

describe('ClusterIdentityProvider', () => {
  const objects = renderObjects((c) => new ClusterIdentityProvider(c, 'idp', { cluster: 'staging', accountId: '222222222222', region: 'eu-west-2', domain: 'staging.example.com', groupPrefix: 'github:' }));

  it('GIVEN a cluster WHEN rendered THEN one IdentityProviderConfig trusts Dex for ID tokens of the kubectl client', () => {
    const idp = find(objects, 'IdentityProviderConfig', 'dex');
    expect(idp.apiVersion).toBe('eks.aws.m.upbound.io/v1beta1');
    expect(idp.metadata).toMatchObject({ namespace: 'infra-staging', annotations: { 'crossplane.io/external-name': 'dex' } });
    expect(idp.spec.forProvider).toMatchObject({
      region: 'eu-west-2',
      clusterNameRef: { name: 'cluster' },
      oidc: { clientId: 'kubernetes', issuerUrl: 'https://dex.staging.example.com', usernameClaim: 'preferred_username', usernamePrefix: 'github:', groupsClaim: 'groups', groupsPrefix: 'github:' },
    });
  });

  it("GIVEN Dex's GitHub group acme:payments WHEN EKS prefixes it THEN it is exactly the group the tenant RoleBindings name for acme/payments", () => {
    const oidc = find(objects, 'IdentityProviderConfig').spec.forProvider.oidc;
    expect(`${oidc.groupsPrefix}acme:payments`).toBe(teamGroup('github:', 'acme/payments'));
  });
});

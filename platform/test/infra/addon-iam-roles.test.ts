import { describe, expect, it } from 'vitest';
import { AddonIamRoles, type AddonIamRolesProps } from '../../src/infra/addon-iam-roles.js';
import { find, renderObjects } from './_render.js';

const props: AddonIamRolesProps = {
  cluster: 'prod',
  accountId: '333333333333',
  region: 'eu-west-1',
  hostedZoneId: 'Z0PROD',
  logsBucket: '333333333333-eu-west-1-prod-logs',
  metricsBucket: '333333333333-eu-west-1-prod-metrics',
  lokiBucket: '333333333333-eu-west-1-prod-loki',
  autoscalingGroups: ['prod-general'],
};
const render = (p: Partial<AddonIamRolesProps> = {}) => renderObjects((c) => new AddonIamRoles(c, 'roles', { ...props, ...p }));
const names = (objects: Record<string, any>[], kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name).sort();

describe('AddonIamRoles', () => {
  const objects = render();

  it('GIVEN every add-on on WHEN rendered THEN each add-on that needs AWS gets one role, one policy and its attachment', () => {
    const roles = ['aws-load-balancer-controller', 'cert-manager', 'cluster-autoscaler', 'crossplane-provider', 'external-dns', 'external-secrets', 'fluent-bit', 'kube-prometheus-stack', 'loki', 'thanos'];
    expect(names(objects, 'Role')).toEqual(roles);
    expect(names(objects, 'Policy')).toEqual(roles);
    expect(names(objects, 'RolePolicyAttachment')).toEqual(roles.map((r) => `${r}-own`));
    expect(find(objects, 'Role', 'crossplane-provider').metadata.annotations).toEqual({ 'crossplane.io/external-name': 'prod-crossplane-provider' });
    expect(find(objects, 'Policy', 'external-dns').spec.forProvider.description).toBe('prod: external-dns: Route53 records of the cluster zone');
  });

  it('GIVEN thanos with two ServiceAccounts WHEN rendered THEN one role trusts Pod Identity for exactly those accounts of this cluster, with one association each', () => {
    expect(JSON.parse(find(objects, 'Role', 'thanos').spec.forProvider.assumeRolePolicy).Statement).toEqual([
      {
        Sid: 'EksPodIdentity',
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: {
            'aws:RequestTag/eks-cluster-name': 'prod',
            'aws:RequestTag/kubernetes-namespace': 'thanos',
            'aws:RequestTag/kubernetes-service-account': ['thanos-storegateway', 'thanos-compactor'],
          },
        },
      },
    ]);
    expect(find(objects, 'PodIdentityAssociation', 'thanos-compactor').spec.forProvider).toEqual({
      region: 'eu-west-1',
      clusterNameRef: { name: 'cluster' },
      roleArnRef: { name: 'thanos' },
      namespace: 'thanos',
      serviceAccount: 'thanos-compactor',
      tags: { 'platform.example.com/cluster': 'prod', 'platform.example.com/managed-by': 'crossplane' },
    });
    expect(names(objects, 'PodIdentityAssociation')).toContain('crossplane-provider-aws');
  });

  it('GIVEN Crossplane on IRSA WHEN rendered THEN its role trusts the cluster OIDC provider, which is rendered, and it gets no association; other add-ons keep Pod Identity', () => {
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
    const irsa = render({ irsa: { oidcIssuer: issuer, addons: ['crossplane'] } });
    const trust = JSON.parse(find(irsa, 'Role', 'crossplane-provider').spec.forProvider.assumeRolePolicy).Statement;
    expect(trust).toEqual([
      {
        Sid: 'EksIrsa',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::333333333333:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:crossplane-system:provider-aws', [`${issuer}:aud`]: 'sts.amazonaws.com' } },
      },
    ]);
    expect(find(irsa, 'Role', 'crossplane-provider').spec.forProvider.description).toBe('prod: crossplane (IRSA)');
    expect(names(irsa, 'PodIdentityAssociation')).not.toContain('crossplane-provider-aws');
    expect(names(irsa, 'PodIdentityAssociation')).toContain('external-dns');
    expect(find(irsa, 'OpenIDConnectProvider', 'oidc-provider')).toEqual({
      apiVersion: 'iam.aws.m.upbound.io/v1beta1',
      kind: 'OpenIDConnectProvider',
      metadata: {
        name: 'oidc-provider',
        namespace: 'infra-prod',
        labels: { 'platform.example.com/cluster': 'prod' },
        annotations: { 'crossplane.io/external-name': `arn:aws:iam::333333333333:oidc-provider/${issuer}` },
      },
      spec: {
        forProvider: {
          url: `https://${issuer}`,
          clientIdList: ['sts.amazonaws.com'],
          tags: { 'platform.example.com/cluster': 'prod', 'platform.example.com/managed-by': 'crossplane' },
        },
        providerConfigRef: { kind: 'ClusterProviderConfig', name: 'infra-prod' },
      },
    });
    expect(names(objects, 'OpenIDConnectProvider')).toEqual([]);
  });

  it('GIVEN Crossplane on IRSA WHEN Crossplane is off THEN there is no role and no OIDC provider', () => {
    const off = render({ addons: { crossplane: { enabled: false } }, irsa: { oidcIssuer: 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF', addons: ['crossplane'] } });
    expect(names(off, 'Role')).not.toContain('crossplane-provider');
    expect(names(off, 'OpenIDConnectProvider')).toEqual([]);
  });

  it('GIVEN add-ons switched off WHEN rendered THEN they get no role and no association', () => {
    const off = render({ addons: { 'external-dns': { enabled: false }, thanos: { enabled: false } } });
    expect(names(off, 'Role')).not.toContain('external-dns');
    expect(names(off, 'Role')).not.toContain('thanos');
    expect(names(off, 'PodIdentityAssociation').filter((n) => /external-dns|thanos/.test(n))).toEqual([]);
    // Without Thanos, Prometheus uploads nothing: kube-prometheus-stack needs no role either.
    expect(names(off, 'Role')).not.toContain('kube-prometheus-stack');
    expect(names(off, 'Role')).toContain('cert-manager');
  });

  it("GIVEN the roles WHEN rendered THEN each policy names the cluster's zone, buckets, key alias and autoscaler tag", () => {
    const policy = (name: string) => find(objects, 'Policy', name).spec.forProvider.policy as string;
    expect(policy('external-dns')).toContain('arn:aws:route53:::hostedzone/Z0PROD');
    expect(policy('cert-manager')).toContain('arn:aws:route53:::hostedzone/Z0PROD');
    expect(policy('thanos')).toContain('arn:aws:s3:::333333333333-eu-west-1-prod-metrics/*');
    expect(policy('thanos')).toContain('"kms:ResourceAliases":"alias/prod-platform"');
    expect(policy('fluent-bit')).toContain('arn:aws:s3:::333333333333-eu-west-1-prod-logs/*');
    expect(policy('cluster-autoscaler')).toContain('"aws:ResourceTag/k8s.io/cluster-autoscaler/prod":"owned"');
    expect(policy('aws-load-balancer-controller')).toContain('"aws:RequestTag/elbv2.k8s.aws/cluster":"prod"');
  });
});

import { describe, expect, it } from 'vitest';
import { identityReferences, podIdentityServiceAccounts } from '../../../src/validate/links/pod-identity-service-accounts.js';
import { links, obj } from './_objects.js';

const association = (namespace: string, serviceAccount: string) =>
  obj('eks.aws.m.upbound.io/v1beta1', 'PodIdentityAssociation', 'infra-staging', serviceAccount, { spec: { forProvider: { namespace, serviceAccount } } });
const irsaRole = (subject: string) =>
  obj('iam.aws.m.upbound.io/v1beta1', 'Role', 'infra-staging', 'r', {
    spec: { forProvider: { assumeRolePolicy: JSON.stringify({ Statement: [{ Condition: { StringEquals: { 'oidc.eks.eu-west-2.amazonaws.com/id/X:sub': subject } } }] }) } },
  });
const run = (...args: Parameters<typeof links>) => podIdentityServiceAccounts.run(links(...args)).map((p) => `${p.path}: ${p.message}`);

describe('podIdentityServiceAccounts', () => {
  it('GIVEN an association for a ServiceAccount the chart creates WHEN checked THEN it passes', () => {
    expect(run([association('external-dns', 'external-dns'), obj('v1', 'ServiceAccount', 'external-dns', 'external-dns', {}, 'external-dns')])).toEqual([]);
  });

  it('GIVEN an association for a ServiceAccount nothing creates WHEN checked THEN it names the account and the cluster', () => {
    expect(run([association('cluster-autoscaler', 'cluster-autoscaler'), obj('v1', 'ServiceAccount', 'cluster-autoscaler', 'cluster-autoscaler-aws-cluster-autoscaler', {}, 'cluster-autoscaler')])).toEqual([
      'spec.forProvider.serviceAccount: names ServiceAccount cluster-autoscaler/cluster-autoscaler, which neither out/ nor any chart creates in cluster staging',
    ]);
  });

  it('GIVEN an IRSA trust for a missing ServiceAccount WHEN checked THEN it is a problem; the account a Crossplane runtime config makes is not', () => {
    expect(run([irsaRole('system:serviceaccount:crossplane-system:provider-aws')])).toEqual([
      'spec.forProvider.assumeRolePolicy: names ServiceAccount crossplane-system/provider-aws, which neither out/ nor any chart creates in cluster staging',
    ]);
    const runtime = obj('pkg.crossplane.io/v1beta1', 'DeploymentRuntimeConfig', '', 'aws', { spec: { serviceAccountTemplate: { metadata: { name: 'provider-aws' } } } });
    expect(run([irsaRole('system:serviceaccount:crossplane-system:provider-aws'), runtime])).toEqual([]);
  });

  it('GIVEN the namespace of a chart that was not rendered WHEN checked THEN the reference is not judged', () => {
    expect(run([association('thanos', 'thanos-compactor')], ['thanos'])).toEqual([]);
  });

  it('GIVEN a wildcard IRSA subject WHEN read THEN it names no single account', () => {
    expect(identityReferences(irsaRole('system:serviceaccount:team:*').object)).toEqual([]);
  });
});

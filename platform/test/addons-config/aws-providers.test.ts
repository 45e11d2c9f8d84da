import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AwsProviders } from '../../src/addons-config/aws-providers.js';
import { AwsClusterProviderConfig } from '../../src/addons-config/aws-cluster-provider-config.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

type Obj = Record<string, unknown> & { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

describe('AwsProviders', () => {
  it('installs the family and every service package at one pinned version, with the ServiceAccount pinned', () => {
    const chart = new Chart(Testing.app(), 'test');
    new AwsProviders(chart, 'aws', { services: ['ec2', 's3'] });
    const objs = chart.toJson() as Obj[];
    expect(objs.map((o) => `${o.kind} ${o.metadata.name} ${String(o.spec.package ?? '')}`)).toEqual([
      'DeploymentRuntimeConfig provider-aws ',
      'Provider crossplane-contrib-provider-family-aws xpkg.crossplane.io/crossplane-contrib/provider-family-aws:v2.6.0',
      'Provider crossplane-contrib-provider-aws-ec2 xpkg.crossplane.io/crossplane-contrib/provider-aws-ec2:v2.6.0',
      'Provider crossplane-contrib-provider-aws-s3 xpkg.crossplane.io/crossplane-contrib/provider-aws-s3:v2.6.0',
    ]);
    expect(objs[0]!.spec).toEqual({ serviceAccountTemplate: { metadata: { name: 'provider-aws' } } });
    expect(objs[1]!.spec.runtimeConfigRef).toEqual({ apiVersion: 'pkg.crossplane.io/v1beta1', kind: 'DeploymentRuntimeConfig', name: 'provider-aws' });
    for (const o of objs) expect(validateManifest(o)).toEqual([]);
  });

  it('annotates the ServiceAccount with the role for IRSA', () => {
    const chart = new Chart(Testing.app(), 'test');
    new AwsProviders(chart, 'aws', { irsaRoleArn: 'arn:aws:iam::111111111111:role/x', services: [] });
    const [drc] = chart.toJson() as Obj[];
    expect(drc!.spec).toEqual({ serviceAccountTemplate: { metadata: { name: 'provider-aws', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111111111111:role/x' } } } });
  });
});

describe('AwsClusterProviderConfig', () => {
  it('assumes the role chain into another account', () => {
    const chart = new Chart(Testing.app(), 'test');
    new AwsClusterProviderConfig(chart, 'pc', { name: 'infra-prod', credentials: 'PodIdentity', assumeRoleChain: ['arn:aws:iam::333333333333:role/prod-crossplane'] });
    const [pc] = chart.toJson() as Obj[];
    expect(pc!.spec).toEqual({ credentials: { source: 'PodIdentity' }, assumeRoleChain: [{ roleARN: 'arn:aws:iam::333333333333:role/prod-crossplane' }] });
    expect(validateManifest(pc!)).toEqual([]);
  });

  it('fails validation for a malformed role ARN', () => {
    const chart = new Chart(Testing.app(), 'test');
    new AwsClusterProviderConfig(chart, 'pc', { name: 'x', credentials: 'IRSA', assumeRoleChain: ['not-an-arn'] });
    const [pc] = chart.toJson() as Obj[];
    expect(validateManifest(pc!)).toEqual(['spec.assumeRoleChain.0.roleARN: must match pattern "^arn:aws:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$"']);
  });
});

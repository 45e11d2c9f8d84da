import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import '../../src/index.js';
import {
  ManagedResourceActivationPolicy,
  managedResourceDefinitionNames,
  managedResourceDefinitionName,
  pluralOf,
} from '../../src/addons-config/managed-resource-activation-policy.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

const CRDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'crds', 'crossplane');

describe('pluralOf', () => {
  it('derives plural resource names as Kubernetes does', () => {
    expect(['VPC', 'Policy', 'Alias', 'Key', 'BucketOwnershipControls', 'AccessEntry', 'Address'].map(pluralOf)).toEqual([
      'vpcs', 'policies', 'aliases', 'keys', 'bucketownershipcontrols', 'accessentries', 'addresses',
    ]);
  });

  it.runIf(existsSync(CRDS))('matches the plural of every namespaced AWS CRD in the reference set', () => {
    const files = readdirSync(CRDS).filter((n) => n.includes('.aws.m.upbound.io_'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      // Only spec.names is needed: parse that block, not the whole (large) schema.
      const block = /^ {2}names:\n((?: {4}.*\n)+)/m.exec(readFileSync(join(CRDS, f), 'utf8'))?.[1] ?? '';
      const names = parse(block) as { kind: string; plural: string };
      expect(`${names.kind} → ${pluralOf(names.kind)}`, f).toBe(`${names.kind} → ${names.plural}`);
    }
    // Parses some 200 CRDs (2 s alone); the whole suite runs the workspaces side by side on shared cores.
  }, 30_000);
});

describe('ManagedResourceActivationPolicy', () => {
  it('activates exactly the namespaced AWS kinds the platform defines, by MRD name', () => {
    const names = managedResourceDefinitionNames();
    expect(names).toContain('vpcs.ec2.aws.m.upbound.io');
    expect(names).toContain('buckets.s3.aws.m.upbound.io');
    expect(names.every((n) => n.endsWith('.aws.m.upbound.io'))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it('renders a valid policy', () => {
    const chart = new Chart(Testing.app(), 'test');
    new ManagedResourceActivationPolicy(chart, 'mrap', { activate: ['vpcs.ec2.aws.m.upbound.io'] });
    const [obj] = chart.toJson() as Record<string, unknown>[];
    expect(obj).toEqual({
      apiVersion: 'apiextensions.crossplane.io/v1alpha1',
      kind: 'ManagedResourceActivationPolicy',
      metadata: { name: 'platform-aws' },
      spec: { activate: ['vpcs.ec2.aws.m.upbound.io'] },
    });
    expect(validateManifest(obj!)).toEqual([]);
  });

  it('GIVEN an excluded kind WHEN rendered THEN its MRD stays inactive and the others are activated', () => {
    const chart = new Chart(Testing.app(), 'test');
    const oidc = { apiVersion: 'iam.aws.m.upbound.io/v1beta1', kind: 'OpenIDConnectProvider' };
    expect(managedResourceDefinitionName(oidc)).toBe('openidconnectproviders.iam.aws.m.upbound.io');
    new ManagedResourceActivationPolicy(chart, 'mrap', { activate: ['openidconnectproviders.iam.aws.m.upbound.io', 'roles.iam.aws.m.upbound.io'], exclude: [oidc] });
    expect((chart.toJson()[0] as { spec: unknown }).spec).toEqual({ activate: ['roles.iam.aws.m.upbound.io'] });
  });

  it('refuses an empty activation list', () => {
    const chart = new Chart(Testing.app(), 'test');
    expect(() => new ManagedResourceActivationPolicy(chart, 'mrap', { activate: [] })).toThrow(`'activate' is empty`);
  });
});

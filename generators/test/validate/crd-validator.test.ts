import { beforeAll, describe, expect, test } from 'vitest';
import { newCelStats } from '../../src/validate/cel-rules.js';
import { loadCrdIndex } from '../../src/validate/crd-index.js';
import { RULES_NOT_CHECKED, splitApiVersion, validateAgainstCrds } from '../../src/validate/crd-validator.js';
import { FIXTURE_CRDS, HAS_REAL_CRDS, REAL_CRDS_NOTE, realCrds } from './real-crds.js';

const fixtures = loadCrdIndex(FIXTURE_CRDS);

function widget(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'w', namespace: 'team-a' }) {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata, spec };
}

const validSpec = { size: 3, region: 'eu-west-1' };

describe('validateAgainstCrds with the fixture CRDs', () => {
  test('a valid object has no problem', () => {
    expect(validateAgainstCrds(fixtures, widget(validSpec))).toEqual([]);
  });

  test('unknown field, wrong type, missing required and enum are reported by path', () => {
    // GIVEN a Widget with one mistake of each kind
    const obj = widget({ sise: 3, region: 'mars-1', ratio: 'high' });
    // WHEN validated
    const problems = validateAgainstCrds(fixtures, obj);
    // THEN each is reported with kubectl-like wording
    expect(problems).toEqual([
      { path: 'spec.sise', message: 'unknown field' },
      { path: 'spec.region', message: 'Unsupported value: "mars-1": supported values: "eu-west-1", "us-east-1"' },
      { path: 'spec.ratio', message: 'Invalid value: "string": must be of type number' },
      { path: 'spec.size', message: 'Required value' },
      { path: '', message: RULES_NOT_CHECKED },
    ]);
  });

  test('validation rules do not run on an object with type errors, as in the API server', () => {
    const stats = newCelStats();
    const problems = validateAgainstCrds(fixtures, widget({ ...validSpec, mode: 'slow', size: 'big' }), stats);
    expect(problems).toEqual([
      { path: 'spec.size', message: 'Invalid value: "string": must be of type integer' },
      { path: '', message: 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation' },
    ]);
    expect(stats).toMatchObject({ evaluated: 0, notEvaluated: 0 });
  });

  test('pattern', () => {
    expect(validateAgainstCrds(fixtures, widget({ ...validSpec, name: 'Bad1' }))).toEqual([
      { path: 'spec.name', message: `Invalid value: "Bad1": should match '^[a-z]+$'` },
    ]);
  });

  test('a default is applied before the CEL rules, so rules see it', () => {
    // GIVEN the rule `self.mode == 'fast' || has(self.tier)` and `mode` defaulting to fast
    const stats = newCelStats();
    // WHEN mode is left out
    const problems = validateAgainstCrds(fixtures, widget(validSpec), stats);
    // THEN the rule sees mode == 'fast' and holds
    expect(problems).toEqual([]);
    expect(stats).toMatchObject({ evaluated: 2, notEvaluated: 0 });
  });

  test('a CEL rule that evaluates to false reports its message', () => {
    expect(validateAgainstCrds(fixtures, widget({ ...validSpec, mode: 'slow' }))).toEqual([
      { path: 'spec', message: 'Invalid value: "object": tier is required unless mode is fast' },
    ]);
    expect(validateAgainstCrds(fixtures, widget({ ...validSpec, limit: '2Gi' }))).toEqual([
      { path: 'spec.limit', message: 'Invalid value: "object": limit must be below 1Gi' },
    ]);
  });

  test('a CEL rule with an unsupported function is counted as not evaluated, not as a pass or a failure', () => {
    const stats = newCelStats();
    const problems = validateAgainstCrds(fixtures, widget({ ...validSpec, label: 'x' }), stats);
    expect(problems).toEqual([]);
    expect(stats).toMatchObject({ evaluated: 2, notEvaluated: 1 });
  });

  test('a namespaced kind needs metadata.namespace', () => {
    expect(validateAgainstCrds(fixtures, widget(validSpec, { name: 'w' }))).toEqual([{ path: 'metadata.namespace', message: 'Required value' }]);
  });

  test('a cluster-scoped kind must not have metadata.namespace; transition rules are skipped', () => {
    const gadget = { apiVersion: 'example.com/v1beta1', kind: 'Gadget', metadata: { name: 'g' }, spec: { immutable: 'x' } };
    const stats = newCelStats();
    expect(validateAgainstCrds(fixtures, gadget, stats)).toEqual([]);
    expect(stats.transitionRules).toBe(1);
    expect(validateAgainstCrds(fixtures, { ...gadget, metadata: { name: 'g', namespace: 'team-a' } })).toEqual([
      { path: 'metadata.namespace', message: 'Forbidden: not allowed on this type' },
    ]);
  });

  test('metadata.name is required and must be a DNS subdomain', () => {
    expect(validateAgainstCrds(fixtures, widget(validSpec, { namespace: 'team-a' }))).toEqual([{ path: 'metadata.name', message: 'Required value' }]);
    expect(validateAgainstCrds(fixtures, widget(validSpec, { name: 'Big_Name', namespace: 'team-a' }))[0]).toMatchObject({
      path: 'metadata.name',
      message: expect.stringMatching(/^Invalid value: "Big_Name": a lowercase RFC 1123 subdomain/),
    });
  });

  test('a version that is declared but not served is rejected', () => {
    const obj = { ...widget(validSpec), apiVersion: 'example.com/v1alpha1' };
    expect(validateAgainstCrds(fixtures, obj)).toEqual([
      {
        path: 'apiVersion',
        message: `no CRD serves example.com/v1alpha1 Widget in ${FIXTURE_CRDS} (version v1alpha1 is declared but not served; served versions: v1)`,
      },
    ]);
  });

  test('a kind no CRD knows is rejected', () => {
    const obj = { apiVersion: 'example.com/v1', kind: 'Sprocket', metadata: { name: 's' } };
    expect(validateAgainstCrds(fixtures, obj)).toEqual([{ path: 'apiVersion', message: `no CRD serves example.com/v1 Sprocket in ${FIXTURE_CRDS}` }]);
  });

  test('built-in Kubernetes groups are not CRDs and are skipped', () => {
    for (const apiVersion of ['v1', 'apps/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'policy/v1', 'autoscaling/v2', 'kustomize.config.k8s.io/v1beta1']) {
      expect(validateAgainstCrds(fixtures, { apiVersion, kind: 'Anything', metadata: {} })).toEqual([]);
    }
  });

  test('splitApiVersion', () => {
    expect(splitApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(splitApiVersion('ec2.aws.m.upbound.io/v1beta1')).toEqual({ group: 'ec2.aws.m.upbound.io', version: 'v1beta1' });
  });
});

describe.skipIf(!HAS_REAL_CRDS)(`validateAgainstCrds with the real CRDs${REAL_CRDS_NOTE}`, () => {
  beforeAll(() => void realCrds().servedCount, 60_000);

  const vpc = (forProvider: Record<string, unknown>) => ({
    apiVersion: 'ec2.aws.m.upbound.io/v1beta1',
    kind: 'VPC',
    metadata: { name: 'staging', namespace: 'infra-staging', annotations: { 'crossplane.io/external-name': 'vpc-0abc' } },
    spec: {
      forProvider,
      providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' },
      managementPolicies: ['Observe', 'Create', 'Update', 'LateInitialize'],
    },
  });

  test('a valid provider-upjet-aws VPC passes', () => {
    const stats = newCelStats();
    const problems = validateAgainstCrds(
      realCrds(),
      vpc({ region: 'eu-west-1', cidrBlock: '10.10.0.0/16', enableDnsHostnames: true, enableDnsSupport: true, tags: { cluster: 'staging' } }),
      stats,
    );
    expect(problems).toEqual([]);
    expect(stats.notEvaluated).toBe(0);
  });

  test("a VPC with a typo'd field fails with unknown field", () => {
    const problems = validateAgainstCrds(realCrds(), vpc({ region: 'eu-west-1', cidrBlok: '10.10.0.0/16' }));
    expect(problems).toEqual([{ path: 'spec.forProvider.cidrBlok', message: 'unknown field' }]);
  });

  test('a VPC without its region misses a required field', () => {
    expect(validateAgainstCrds(realCrds(), vpc({ cidrBlock: '10.10.0.0/16' }))).toEqual([
      { path: 'spec.forProvider.region', message: 'Required value' },
    ]);
  });

  test('a managed resource relying on the default managementPolicies (*) must set its required parameters', () => {
    // GIVEN an IAM Role without assumeRolePolicy and without managementPolicies, which defaults to ['*']
    const role = (forProvider: Record<string, unknown>) => ({
      apiVersion: 'iam.aws.m.upbound.io/v1beta1',
      kind: 'Role',
      metadata: { name: 'node', namespace: 'infra-staging' },
      spec: { forProvider },
    });
    const stats = newCelStats();
    // WHEN validated
    const problems = validateAgainstCrds(realCrds(), role({ description: 'nodes' }), stats);
    // THEN the provider's CEL rule sees the default and reports the missing parameter
    expect(problems).toEqual([{ path: 'spec', message: 'Invalid value: "object": spec.forProvider.assumeRolePolicy is a required parameter' }]);
    expect(stats).toMatchObject({ evaluated: 1, notEvaluated: 0 });
    expect(validateAgainstCrds(realCrds(), role({ assumeRolePolicy: '{}' }))).toEqual([]);
  });

  test('a valid Flux Kustomization passes', () => {
    const stats = newCelStats();
    const problems = validateAgainstCrds(
      realCrds(),
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'apps-team-a', namespace: 'flux-system' },
        spec: {
          interval: '10m',
          retryInterval: '1m',
          path: './out/staging/apps/team-a',
          prune: true,
          wait: true,
          timeout: '5m',
          serviceAccountName: 'flux-team-a',
          targetNamespace: 'team-a',
          dependsOn: [{ name: 'tenant-team-a' }],
          sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        },
      },
      stats,
    );
    expect(problems).toEqual([]);
  });

  test('a Flux Kustomization with a bad sourceRef kind and a missing interval fails', () => {
    const problems = validateAgainstCrds(realCrds(), {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: { prune: true, sourceRef: { kind: 'HelmRepository', name: 'x' } },
    });
    expect(problems).toEqual([
      { path: 'spec.sourceRef.kind', message: 'Unsupported value: "HelmRepository": supported values: "OCIRepository", "GitRepository", "Bucket", "ExternalArtifact"' },
      { path: 'spec.interval', message: 'Required value' },
    ]);
  });
});

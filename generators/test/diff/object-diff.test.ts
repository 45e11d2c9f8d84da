import { describe, expect, it, test } from 'vitest';
import { Chart, Testing } from 'cdk8s';
import { TenantWorkloadRole, externalAccessGrant } from '@platform/platform';
import { addedFields, diffFields, diffTrees, formatPath, objectKey } from '../../src/diff/object-diff.js';
import { managed, namespace, outObject, quota } from './git-fixture.js';

function deployment(containers: Record<string, unknown>[]): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'team-a' },
    spec: { template: { spec: { containers } } },
  };
}

describe('diffFields', () => {
  test('a changed leaf shows exactly that field', () => {
    // GIVEN a quota whose CPU request changes
    // WHEN diffed
    const fields = diffFields(quota('team-a', '4'), quota('team-a', '8'));
    // THEN only that field is reported, with both values
    expect(fields).toEqual([{ path: 'spec.hard["requests.cpu"]', action: 'changed', before: '4', after: '8' }]);
  });

  test('key order is not a change', () => {
    const a = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { a: '1', b: '2' } }, data: { k: 'v' } };
    const b = { data: { k: 'v' }, metadata: { labels: { b: '2', a: '1' }, name: 'x' }, kind: 'ConfigMap', apiVersion: 'v1' };
    expect(diffFields(a, b)).toEqual([]);
  });

  test('named list items are matched by name, whatever their order', () => {
    // GIVEN a sidecar inserted before the app container, whose image also changes
    const before = deployment([{ name: 'app', image: 'app:1' }]);
    const after = deployment([{ name: 'proxy', image: 'envoy:1' }, { name: 'app', image: 'app:2' }]);
    // THEN the sidecar is one addition and the app container one change
    expect(diffFields(before, after)).toEqual([
      { path: 'spec.template.spec.containers[name=app].image', action: 'changed', before: 'app:1', after: 'app:2' },
      { path: 'spec.template.spec.containers[name=proxy]', action: 'added', after: { name: 'proxy', image: 'envoy:1' } },
    ]);
    // AND reordering named items alone is no change
    const swapped = deployment([{ name: 'app', image: 'app:2' }, { name: 'proxy', image: 'envoy:1' }]);
    expect(diffFields(after, swapped)).toEqual([]);
  });

  test('lists of scalars are reported whole', () => {
    const before = managed('s3', 'Bucket', 'team-a', 'b', {});
    const after = managed('s3', 'Bucket', 'team-a', 'b', {}, { managementPolicies: ['Observe', 'Create', 'Update', 'LateInitialize', 'Delete'] });
    expect(diffFields(before, after)).toEqual([
      {
        path: 'spec.managementPolicies',
        action: 'changed',
        before: ['Observe', 'Create', 'Update', 'LateInitialize'],
        after: ['Observe', 'Create', 'Update', 'LateInitialize', 'Delete'],
      },
    ]);
  });

  test('an added map shows one line per entry', () => {
    const before = namespace('team-a');
    const after = { ...before, metadata: { ...(before.metadata as object), annotations: { 'acme.io/owner': 'team-a', 'acme.io/slack': '#a' } } };
    expect(diffFields(before, after)).toEqual([
      { path: 'metadata.annotations["acme.io/owner"]', action: 'added', after: 'team-a' },
      { path: 'metadata.annotations["acme.io/slack"]', action: 'added', after: '#a' },
    ]);
  });

  test('removed fields carry only the old value', () => {
    const before = namespace('team-a', { extra: 'yes' });
    expect(diffFields(before, namespace('team-a'))).toEqual([{ path: 'metadata.labels.extra', action: 'removed', before: 'yes' }]);
  });
});

describe('formatPath', () => {
  test('quotes keys that are not identifiers', () => {
    expect(formatPath(['metadata', 'annotations', 'crossplane.io/external-name'])).toBe(
      'metadata.annotations["crossplane.io/external-name"]',
    );
    expect(formatPath(['spec', 'ingress', 0, 'from', { itemName: 'x' }])).toBe('spec.ingress[0].from[name=x]');
  });
});

describe('diffTrees', () => {
  test('matches by group, so a version bump is a change of apiVersion', () => {
    const v1 = outObject('staging', 'infra', { apiVersion: 'ec2.aws.m.upbound.io/v1beta1', kind: 'VPC', metadata: { name: 'vpc' } });
    const v2 = outObject('staging', 'infra', { apiVersion: 'ec2.aws.m.upbound.io/v1beta2', kind: 'VPC', metadata: { name: 'vpc' } });
    expect(objectKey(v1)).toBe(objectKey(v2));
    const [change, ...rest] = diffTrees([v1], [v2]);
    expect(rest).toEqual([]);
    expect(change?.action).toBe('changed');
    expect(change?.fields).toEqual([
      { path: 'apiVersion', action: 'changed', before: 'ec2.aws.m.upbound.io/v1beta1', after: 'ec2.aws.m.upbound.io/v1beta2' },
    ]);
  });

  test('a rename is a removal plus an addition, and clusters never match each other', () => {
    const a = outObject('staging', 'tenants/team-a', namespace('team-a'));
    const b = outObject('staging', 'tenants/team-b', namespace('team-b'));
    const prod = outObject('prod', 'tenants/team-a', namespace('team-a'));
    const changes = diffTrees([a, prod], [b, prod]);
    expect(changes.map((c) => `${c.action} ${c.ref.cluster} ${c.ref.layer} ${c.ref.name}`)).toEqual([
      'removed staging tenants/team-a team-a',
      'added staging tenants/team-b team-b',
    ]);
  });

  test('an unchanged tree has no changes', () => {
    const objects = [outObject('staging', 'tenants/team-a', namespace('team-a')), outObject('staging', 'tenants/team-a', quota('team-a', '4'))];
    expect(diffTrees(objects, structuredClone(objects))).toEqual([]);
  });
});

describe('diffFields on JSON held in strings', () => {
  const policy = (actions: string[], extra: object[] = []) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Buckets', Effect: 'Allow', Action: actions, Resource: ['arn:aws:s3:::stage-shop-*'] }, ...extra] });
  const role = (p: string) => ({ apiVersion: 'iam.aws.m.upbound.io/v1beta1', kind: 'Policy', metadata: { name: 'p' }, spec: { forProvider: { policy: p } } });

  it('GIVEN an IAM policy whose statement gains an action WHEN diffed THEN the change names the statement by Sid and shows only its actions', () => {
    expect(diffFields(role(policy(['s3:GetObject'])), role(policy(['s3:GetObject', 's3:PutObject'])))).toEqual([
      { path: 'spec.forProvider.policy » Statement[Sid=Buckets].Action', action: 'changed', before: ['s3:GetObject'], after: ['s3:GetObject', 's3:PutObject'] },
    ]);
  });

  it('GIVEN a statement added to a policy WHEN diffed THEN it is one added entry, keyed by its Sid', () => {
    const added = { Sid: 'Queues', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:*'] };
    const changes = diffFields(role(policy(['s3:GetObject'])), role(policy(['s3:GetObject'], [added])));
    expect(changes.map((c) => [c.path, c.action])).toEqual([['spec.forProvider.policy » Statement[Sid=Queues]', 'added']]);
  });

  it("GIVEN a tenant that picks an external access entry WHEN its rendered workload policy is diffed THEN the review sees the new statement with its actions and ARNs", () => {
    const entry = { name: 'partner-exports', description: 'partner', actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::partner-exports/*'] };
    const env = { cluster: 'stage', tenant: 'shop', namespace: 'shop', accountId: '123456789012', region: 'eu-west-2', environment: 'staging' as const };
    const policyOf = (externalAccess: ReturnType<typeof externalAccessGrant>[]) => {
      const chart = new Chart(Testing.app(), 'c');
      new TenantWorkloadRole(chart, 'role', { env, serviceAccount: 'api', access: { buckets: ['arn:aws:s3:::123456789012-eu-west-2-stage-shop-media'] }, externalAccess });
      return chart.toJson().find((o) => o.kind === 'Policy') as Record<string, unknown>;
    };
    const changes = diffFields(policyOf([]), policyOf([externalAccessGrant([entry], { name: 'partner-exports', actions: ['s3:GetObject'] })]));
    expect(changes.find((c) => c.path === 'spec.forProvider.policy » Statement[Sid=ExternalPartnerExports]')).toEqual({
      path: 'spec.forProvider.policy » Statement[Sid=ExternalPartnerExports]',
      action: 'added',
      after: { Sid: 'ExternalPartnerExports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-exports/*' },
    });
  });

  it('GIVEN a string that only looks like JSON WHEN diffed THEN it is compared as a string', () => {
    expect(diffFields(role('{not json'), role('{still not'))).toEqual([
      { path: 'spec.forProvider.policy', action: 'changed', before: '{not json', after: '{still not' },
    ]);
  });
});

describe('addedFields', () => {
  test('an added object shows every field it sets, by name and statement, without repeating its identity', () => {
    // GIVEN a new Deployment and a new IAM role policy
    const web = deployment([{ name: 'app', image: 'web:1', args: ['--port', '8080'] }]);
    const policy = {
      apiVersion: 'iam.aws.m.upbound.io/v1beta1',
      kind: 'RolePolicy',
      metadata: { name: 'workload', namespace: 'team-a' },
      spec: { forProvider: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Queues', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: 'arn:aws:sqs:eu-west-2:1:q' }] }) } },
    };
    // WHEN their fields are listed
    // THEN containers are keyed by name, lists of scalars are whole, the policy reads statement by statement
    expect(addedFields(web)).toEqual([
      { path: 'spec.template.spec.containers[name=app].args', action: 'added', after: ['--port', '8080'] },
      { path: 'spec.template.spec.containers[name=app].image', action: 'added', after: 'web:1' },
    ]);
    expect(addedFields(policy).map((f) => f.path)).toEqual([
      'spec.forProvider.policy » Statement[Sid=Queues].Action',
      'spec.forProvider.policy » Statement[Sid=Queues].Effect',
      'spec.forProvider.policy » Statement[Sid=Queues].Resource',
      'spec.forProvider.policy » Version',
    ]);
  });

  test('the values of an added Secret are redacted', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'team-a' }, stringData: { password: 'hunter2' } };
    const [field] = addedFields(secret);
    expect(field?.path).toBe('stringData.password');
    expect(JSON.stringify(field)).not.toContain('hunter2');
  });

  test('diffTrees gives added objects their fields and removed ones none', () => {
    const changes = diffTrees([outObject('a', 'tenants/t', namespace('old'))], [outObject('a', 'tenants/t', namespace('new'))]);
    expect(changes.map((c) => [c.action, c.fields.map((f) => f.path)])).toEqual([
      ['added', ['metadata.labels["platform.io/tenant"]']],
      ['removed', []],
    ]);
  });
});

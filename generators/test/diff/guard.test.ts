import { describe, expect, test } from 'vitest';
import { findDestructive } from '../../src/diff/guard.js';
import { diffTrees } from '../../src/diff/object-diff.js';
import type { OutObject } from '../../src/out-tree.js';
import { managed, namespace, outObject, quota, type K8sObject } from './git-fixture.js';

const vpc = (cidrBlock: string, extra: K8sObject = {}) => managed('ec2', 'VPC', 'infra-staging', 'staging', { cidrBlock }, extra);
const subnet = (cidrBlock: string, availabilityZone: string) =>
  managed('ec2', 'Subnet', 'infra-staging', 'compute-a', { cidrBlock, availabilityZone });
const db = (engine: string, identifier = 'team-a-db') => managed('rds', 'Instance', 'team-a', 'db', { engine, identifier });
const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'team-a' }, spec: { resources: { requests: { storage: '10Gi' } } } };

function findings(before: OutObject[], after: OutObject[]): string[] {
  return findDestructive(diffTrees(before, after)).map((f) => `${f.what} | ${f.loss}`);
}

const infra = (o: K8sObject) => outObject('staging', 'infra', o);
const tenant = (o: K8sObject) => outObject('staging', 'tenants/team-a', o);

describe('findDestructive', () => {
  test('deleting a Namespace says what goes with it', () => {
    const [finding, ...rest] = findings([tenant(namespace('team-a'))], []);
    expect(rest).toEqual([]);
    expect(finding).toMatch(/^Namespace team-a is deleted \| Flux prunes it, and with it every object in the namespace/);
  });

  test('a Namespace rename is flagged as the deletion it is', () => {
    const [finding] = findings([tenant(namespace('team-a'))], [tenant(namespace('team-a2'))]);
    expect(finding).toContain('A Namespace cannot be renamed: if this is a rename to team-a2, the old one is still deleted.');
  });

  test('deleting a PersistentVolumeClaim', () => {
    expect(findings([tenant(pvc)], [])).toEqual([
      expect.stringMatching(/^PersistentVolumeClaim team-a\/data is deleted \| .*the volume and its data/),
    ]);
  });

  test.each([
    ['S3 bucket', managed('s3', 'Bucket', 'team-a', 'team-a-data', {}), 'every object stored in the bucket'],
    ['KMS key', managed('kms', 'Key', 'infra-staging', 'staging', {}), 'everything encrypted with it'],
    ['RDS instance', db('postgres'), 'the database'],
    ['RDS cluster', managed('rds', 'Cluster', 'team-a', 'postgres-events', { engine: 'aurora-postgresql' }), 'the database cluster'],
    ['EKS cluster', managed('eks', 'Cluster', 'infra-staging', 'staging', {}), 'etcd'],
    ['VPC', vpc('10.0.0.0/16'), 'every subnet'],
    ['subnet', subnet('10.0.0.0/20', 'eu-west-1a'), 'the nodes'],
    ['Route53 hosted zone', managed('route53', 'Zone', 'crossplane-system', 'tenant-zone-pay.staging.example.com', { name: 'pay.staging.example.com' }), 'every record in the zone'],
  ])('removing a stateful managed resource: %s', (title, object, loss) => {
    const [finding, ...rest] = findings([tenant(object)], []);
    expect(rest).toEqual([]);
    expect(finding).toContain(`${title} `);
    expect(finding).toContain('is removed from Git');
    expect(finding).toContain('orphaned, not deleted');
    // AND with a policy that allows deletion, the finding names what is lost
    const deletable = structuredClone(object);
    (deletable.spec as K8sObject).managementPolicies = ['*'];
    expect(findings([tenant(deletable)], [])[0]).toContain(loss);
  });

  test('a tenant database moving from an RDS instance to an Aurora cluster is flagged as the removal of the instance', () => {
    const aurora = managed('rds', 'Cluster', 'team-a', 'db', { engine: 'aurora-postgresql' });
    expect(findings([tenant(db('postgres'))], [tenant(aurora)])).toEqual([expect.stringMatching(/^RDS instance team-a\/db is removed from Git/)]);
  });

  test('adding Delete to the management policies of a stateful resource', () => {
    const before = managed('kms', 'Key', 'infra-staging', 'staging', {});
    const after = managed('kms', 'Key', 'infra-staging', 'staging', {}, { managementPolicies: ['Observe', 'Create', 'Update', 'LateInitialize', 'Delete'] });
    expect(findings([infra(before)], [infra(after)])).toEqual([
      expect.stringMatching(/^KMS key infra-staging\/staging: managementPolicies \[Observe, Create, Update, LateInitialize\] → \[.*Delete\] \| Crossplane may now delete/),
    ]);
    // AND dropping the field (the default is '*') counts too
    const unset = structuredClone(before);
    delete (unset.spec as K8sObject).managementPolicies;
    expect(findings([infra(before)], [infra(unset)])).toHaveLength(1);
  });

  test.each([
    ['VPC CIDR', vpc('10.0.0.0/16'), vpc('10.1.0.0/16'), 'spec.forProvider.cidrBlock changes 10.0.0.0/16 → 10.1.0.0/16'],
    ['subnet CIDR', subnet('10.0.0.0/20', 'eu-west-1a'), subnet('10.0.16.0/20', 'eu-west-1a'), 'spec.forProvider.cidrBlock changes'],
    ['subnet AZ', subnet('10.0.0.0/20', 'eu-west-1a'), subnet('10.0.0.0/20', 'eu-west-1b'), 'spec.forProvider.availabilityZone changes eu-west-1a → eu-west-1b'],
    ['database engine', db('postgres'), db('mysql'), 'spec.forProvider.engine changes postgres → mysql'],
    ['database identifier', db('postgres'), db('postgres', 'team-a-db2'), 'spec.forProvider.identifier changes'],
    [
      'hosted zone name',
      managed('route53', 'Zone', 'crossplane-system', 'tenant-zone-pay', { name: 'pay.staging.example.com' }),
      managed('route53', 'Zone', 'crossplane-system', 'tenant-zone-pay', { name: 'payments.staging.example.com' }),
      'spec.forProvider.name changes pay.staging.example.com → payments.staging.example.com',
    ],
  ])('a field that forces replacement: %s', (_case, before, after, what) => {
    const [finding, ...rest] = findings([infra(before)], [infra(after)]);
    expect(rest).toEqual([]);
    expect(finding).toContain(what);
    expect(finding).toContain('This forces replacement');
  });

  test('changing the external name of a stateful resource', () => {
    const before = managed('s3', 'Bucket', 'team-a', 'data', {});
    const after = structuredClone(before);
    (after.metadata as { annotations: Record<string, string> }).annotations['crossplane.io/external-name'] = 'team-a-data-v2';
    expect(findings([tenant(before)], [tenant(after)])).toEqual([
      expect.stringContaining('S3 bucket team-a/data: metadata.annotations["crossplane.io/external-name"] changes data → team-a-data-v2'),
    ]);
  });

  test('ordinary changes are not destructive', () => {
    const before = [tenant(namespace('team-a')), tenant(quota('team-a', '4')), infra(vpc('10.0.0.0/16'))];
    const after = [tenant(namespace('team-a', { owner: 'x' })), tenant(quota('team-a', '8')), infra(vpc('10.0.0.0/16', { initProvider: { tags: { a: 'b' } } }))];
    after.push(tenant(managed('s3', 'Bucket', 'team-a', 'new', {})));
    expect(findings(before, after)).toEqual([]);
    // AND removing a non-stateful object is not either
    expect(findings([tenant(quota('team-a', '4'))], [])).toEqual([]);
  });
});

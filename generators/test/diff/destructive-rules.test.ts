import { describe, expect, test } from 'vitest';
import { REPLACEMENT_FIELDS, statefulKind, statefulKinds } from '../../src/diff/destructive-rules.js';

describe('statefulKind', () => {
  test.each([
    ['s3.aws.m.upbound.io', 'Bucket', 'S3 bucket'],
    ['kms.aws.m.upbound.io', 'Key', 'KMS key'],
    ['rds.aws.m.upbound.io', 'Cluster', 'RDS cluster'],
    ['eks.aws.m.upbound.io', 'Cluster', 'EKS cluster'],
    ['ec2.aws.upbound.io', 'VPC', 'VPC'],
    ['route53.aws.m.upbound.io', 'Zone', 'Route53 hosted zone'],
  ])('%s %s is a %s', (group, kind, title) => expect(statefulKind(group, kind)?.title).toBe(title));

  test.each([
    ['s3.aws.m.upbound.io', 'BucketPolicy'],
    ['ec2.aws.m.upbound.io', 'RouteTable'],
    ['route53.aws.m.upbound.io', 'Record'],
    ['source.toolkit.fluxcd.io', 'Bucket'],
    ['', 'Secret'],
    ['kms.aws.m.upbound.io.evil.example', 'Key'],
  ])('%s %s is not stateful', (group, kind) => expect(statefulKind(group, kind)).toBeUndefined());
});

describe('the rule tables', () => {
  test('every stateful kind says what is lost, and kinds are unique', () => {
    const keys = statefulKinds().map((k) => `${k.service}/${k.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of statefulKinds()) expect(k.loss.length).toBeGreaterThan(10);
  });

  test('replacement fields are differ paths with a reason', () => {
    for (const r of REPLACEMENT_FIELDS) {
      expect(r.path).toMatch(/^(spec|metadata)\.[\w.[\]"/-]+$/);
      expect(r.why.length).toBeGreaterThan(10);
    }
  });
});

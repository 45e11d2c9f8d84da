import { describe, expect, it } from 'vitest';
import { TenantBucket } from '../../src/tenant-aws/tenant-bucket.js';
import { bucketName } from '../../src/tenant-aws/tenant-aws-env.js';
import { workloadStatements } from '../../src/tenant-aws/tenant-aws-kinds.js';
import { TenantWorkloadRole } from '../../src/tenant-aws/tenant-workload-role.js';
import { ENV, PROD, byKind, newChart, objectsOf, one } from './_env.js';

describe('TenantBucket', () => {
  it('GIVEN bucket invoices of tenant shop WHEN rendered on two clusters THEN its S3 name leads with the account and region, like the cluster buckets', () => {
    const names = [ENV, PROD].map((env) => {
      const chart = newChart();
      const bucket = new TenantBucket(chart, 'b', { env, name: 'invoices', kmsKeyRef: { name: 'tenant-key' } });
      const obj = one(objectsOf(chart), 'Bucket');
      return [obj.metadata.annotations as Record<string, string>, bucket.arn] as const;
    });
    expect(names.map(([a]) => a['crossplane.io/external-name'])).toEqual(['123456789012-eu-west-2-stage-shop-invoices', '123456789012-eu-west-2-prod-shop-invoices']);
    expect(names.map(([, arn]) => arn)).toEqual(['arn:aws:s3:::123456789012-eu-west-2-stage-shop-invoices', 'arn:aws:s3:::123456789012-eu-west-2-prod-shop-invoices']);
  });

  it('GIVEN a bucket WHEN a workload role is rendered THEN its policy names the bucket by its S3 name', () => {
    const chart = newChart();
    const arn = new TenantBucket(chart, 'b', { env: ENV, name: 'invoices', kmsKeyRef: { name: 'tenant-key' } }).arn;
    new TenantWorkloadRole(chart, 'r', { env: ENV, serviceAccount: 'api', access: { buckets: [arn] } });
    const policy = JSON.parse(String(byKind(objectsOf(chart), 'Policy')[0]!.spec.forProvider!.policy));
    expect(policy.Statement.map((s: { Resource: unknown }) => s.Resource)).toEqual([
      'arn:aws:s3:::123456789012-eu-west-2-stage-shop-invoices',
      'arn:aws:s3:::123456789012-eu-west-2-stage-shop-invoices/*',
    ]);
    expect(workloadStatements({ buckets: [arn] })).toHaveLength(2);
  });

  it('GIVEN tenant shop on stage in eu-west-2 WHEN a name fits 63 characters exactly or is one longer THEN the first is kept and the second shortened with a stable hash', () => {
    // "123456789012-eu-west-2-stage-shop-" is 34 characters, leaving 29.
    expect(bucketName(ENV, 'a'.repeat(29))).toBe(`123456789012-eu-west-2-stage-shop-${'a'.repeat(29)}`);
    const long = bucketName(ENV, 'a'.repeat(30));
    expect(long).toHaveLength(63);
    expect(long).toMatch(/^123456789012-eu-west-2-stage-shop-a{24}-[0-9a-f]{4}$/);
    expect(bucketName(ENV, 'a'.repeat(30))).toBe(long);
  });
});

import { describe, expect, it } from 'vitest';
import { FleetMetricsReader, metricsReaderStatements } from '../../src/infra/fleet-metrics-reader.js';
import { isAllowed } from '../tenant-aws/_iam-eval.js';
import { find, renderObjects } from './_render.js';

const BUCKET = '222222222222-eu-west-2-staging-metrics';
const management = { cluster: 'management', accountId: '111111111111', region: 'eu-west-2', roleArn: 'arn:aws:iam::111111111111:role/management-thanos-fleet' };
const objects = renderObjects((c) => new FleetMetricsReader(c, 'reader', { cluster: 'staging', accountId: '222222222222', region: 'eu-west-2', metricsBucket: BUCKET, management }));
const statements = () => metricsReaderStatements({ cluster: 'staging', accountId: '222222222222', region: 'eu-west-2' }, BUCKET);
const KEY = { 'kms:ResourceAliases': ['alias/staging-platform'], 'kms:ViaService': 's3.eu-west-2.amazonaws.com' };

describe('FleetMetricsReader', () => {
  it("GIVEN the management cluster's fleet role WHEN rendered THEN staging-metrics-reader trusts only that role", () => {
    const role = find(objects, 'Role', 'metrics-reader');
    expect(role.metadata.annotations).toEqual({ 'crossplane.io/external-name': 'staging-metrics-reader' });
    expect(JSON.parse(role.spec.forProvider.assumeRolePolicy).Statement).toEqual([
      {
        Sid: 'ManagementFleetStore',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:role/management-thanos-fleet' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ]);
  });

  it('GIVEN the rendered policy WHEN compared THEN it is exactly the reader statements', () => {
    expect(JSON.parse(find(objects, 'Policy', 'metrics-reader').spec.forProvider.policy).Statement.map((x: { Sid: string }) => x.Sid)).toEqual(statements().map((x) => x.sid));
  });

  it('GIVEN the IAM evaluator WHEN the reader asks THEN it may list and read the metrics bucket and decrypt through S3 with the cluster key, and nothing else', () => {
    const s = statements();
    expect(isAllowed(s, { action: 's3:ListBucket', resource: `arn:aws:s3:::${BUCKET}` })).toBe(true);
    expect(isAllowed(s, { action: 's3:GetObject', resource: `arn:aws:s3:::${BUCKET}/01HXYZ/meta.json` })).toBe(true);
    expect(isAllowed(s, { action: 'kms:Decrypt', resource: 'arn:aws:kms:eu-west-2:222222222222:key/abc', context: KEY })).toBe(true);
    // Not writes, deletes, other buckets, or the key outside S3.
    expect(isAllowed(s, { action: 's3:PutObject', resource: `arn:aws:s3:::${BUCKET}/x` })).toBe(false);
    expect(isAllowed(s, { action: 's3:DeleteObject', resource: `arn:aws:s3:::${BUCKET}/x` })).toBe(false);
    expect(isAllowed(s, { action: 's3:GetObject', resource: 'arn:aws:s3:::222222222222-eu-west-2-staging-logs/x' })).toBe(false);
    expect(isAllowed(s, { action: 'kms:Decrypt', resource: 'arn:aws:kms:eu-west-2:222222222222:key/abc', context: { ...KEY, 'kms:ViaService': 'secretsmanager.eu-west-2.amazonaws.com' } })).toBe(false);
    expect(isAllowed(s, { action: 'kms:GenerateDataKey', resource: 'arn:aws:kms:eu-west-2:222222222222:key/abc', context: KEY })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { FleetMetricsRole, fleetMetricsStatements } from '../../src/infra/fleet-metrics-role.js';
import { isAllowed } from '../tenant-aws/_iam-eval.js';
import { find, renderObjects } from './_render.js';

const base = { cluster: 'management', accountId: '111111111111', region: 'eu-west-2' };
const STAGING = { cluster: 'staging', region: 'eu-west-2', bucket: '222222222222-eu-west-2-staging-metrics', readerRoleArn: 'arn:aws:iam::222222222222:role/staging-metrics-reader' };
const PRODUCTION = { cluster: 'production', region: 'eu-west-1', bucket: '333333333333-eu-west-1-production-metrics', readerRoleArn: 'arn:aws:iam::333333333333:role/production-metrics-reader' };
const render = (sources: (typeof STAGING)[]) => renderObjects((c) => new FleetMetricsRole(c, 'fleet', { ...base, sources }));

describe('FleetMetricsRole', () => {
  it('GIVEN no other cluster WHEN rendered THEN nothing is rendered', () => {
    expect(render([])).toEqual([]);
  });

  it('GIVEN two clusters WHEN rendered THEN one Pod Identity role for their store gateways, and one association each chaining into its own reader role', () => {
    const objects = render([STAGING, PRODUCTION]);
    expect(JSON.parse(find(objects, 'Role', 'thanos-fleet').spec.forProvider.assumeRolePolicy).Statement[0].Condition.StringEquals).toEqual({
      'aws:RequestTag/eks-cluster-name': 'management',
      'aws:RequestTag/kubernetes-namespace': 'thanos',
      'aws:RequestTag/kubernetes-service-account': ['thanos-store-staging', 'thanos-store-production'],
    });
    expect(find(objects, 'PodIdentityAssociation', 'thanos-store-staging').spec.forProvider).toMatchObject({
      namespace: 'thanos', serviceAccount: 'thanos-store-staging', roleArnRef: { name: 'thanos-fleet' }, targetRoleArn: STAGING.readerRoleArn,
    });
    expect(find(objects, 'PodIdentityAssociation', 'thanos-store-production').spec.forProvider.targetRoleArn).toBe(PRODUCTION.readerRoleArn);
  });

  it("GIVEN the IAM evaluator WHEN the fleet role acts THEN it may only assume the clusters' reader roles, never read a bucket itself", () => {
    const s = fleetMetricsStatements([STAGING, PRODUCTION]);
    expect(JSON.parse(find(render([STAGING, PRODUCTION]), 'Policy', 'thanos-fleet').spec.forProvider.policy).Statement[0].Resource).toEqual([PRODUCTION.readerRoleArn, STAGING.readerRoleArn].sort());
    expect(isAllowed(s, { action: 'sts:AssumeRole', resource: STAGING.readerRoleArn })).toBe(true);
    expect(isAllowed(s, { action: 'sts:TagSession', resource: PRODUCTION.readerRoleArn })).toBe(true);
    expect(isAllowed(s, { action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/staging-crossplane' })).toBe(false);
    expect(isAllowed(s, { action: 's3:GetObject', resource: `arn:aws:s3:::${STAGING.bucket}/x` })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { TENANT_TAG } from '../../src/tenant-aws/tenant-aws-env.js';
import { tenantBoundaryStatements } from '../../src/tenant-aws/tenant-boundary.js';
import { workloadStatements } from '../../src/tenant-aws/tenant-aws-kinds.js';
import {
  type ExternalAccessEntry, externalAccessBoundaryStatements, externalAccessGrant, externalAccessStatements, resourceCovers,
} from '../../src/tenant-aws/tenant-external-access.js';
import { TenantWorkloadRole } from '../../src/tenant-aws/tenant-workload-role.js';
import { TenantAwsResources } from '../../src/tenant-aws/tenant-aws-resources.js';
import { type Context, EVERYTHING, isAllowed } from './_iam-eval.js';
import { ENV, newChart, objectsOf } from './_env.js';

const PARTNER: ExternalAccessEntry = {
  name: 'partner-exports',
  description: "Partner Ltd's exports",
  actions: ['s3:GetObject', 's3:ListBucket'],
  resources: ['arn:aws:s3:::partner-exports', 'arn:aws:s3:::partner-exports/*'],
};
const ATHENA: ExternalAccessEntry = {
  name: 'athena',
  description: 'Athena in the primary workgroup',
  actions: ['athena:StartQueryExecution', 'athena:GetQueryResults'],
  resources: ['arn:aws:athena:eu-west-2:123456789012:workgroup/primary'],
};
const LABELS: ExternalAccessEntry = {
  name: 'image-labels',
  description: 'Rekognition labels',
  actions: ['rekognition:DetectLabels'],
  resources: ['*'],
  anyResourceBecause: 'DetectLabels takes the image with the call',
};
const ENTRIES = [PARTNER, ATHENA, LABELS];

/** shop reads only reports/ of the partner bucket and runs Athena; billing takes the labels entry whole. */
const SHOP = [
  externalAccessGrant(ENTRIES, { name: 'partner-exports', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::partner-exports/reports/*'] }),
  externalAccessGrant(ENTRIES, { name: 'athena' }),
];
const BILLING = [externalAccessGrant(ENTRIES, { name: 'image-labels' })];
const boundary = tenantBoundaryStatements(ENV, [], [], { shop: SHOP, billing: BILLING });

const session = (tenant: string): Context => ({
  'aws:PrincipalArn': `arn:aws:iam::123456789012:role/stage-${tenant}-sa-api`,
  [`aws:PrincipalTag/${TENANT_TAG}`]: tenant,
  'aws:RequestedRegion': 'eu-west-2',
});
/** A request by a workload of `tenant` whose role has `identity`, under the cluster's boundary. */
const can = (tenant: string, identity: Parameters<typeof isAllowed>[0], action: string, resource: string) => isAllowed(identity, { action, resource, context: session(tenant) }, boundary);

describe('resourceCovers', () => {
  it('GIVEN entry patterns WHEN an ARN is the same, narrower or wider THEN only the same and narrower are covered', () => {
    expect(resourceCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/reports/*')).toBe(true);
    expect(resourceCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/a.csv')).toBe(true);
    expect(resourceCovers('arn:aws:s3:::b', 'arn:aws:s3:::b')).toBe(true);
    expect(resourceCovers('*', 'arn:aws:s3:::anything')).toBe(true);
    expect(resourceCovers('arn:aws:s3:::b', 'arn:aws:s3:::b*')).toBe(false);
    expect(resourceCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b*')).toBe(false);
    expect(resourceCovers('arn:aws:s3:::b/?', 'arn:aws:s3:::b/*')).toBe(false);
    expect(resourceCovers('arn:aws:s3:::b/?', 'arn:aws:s3:::b/?')).toBe(false);
    expect(resourceCovers('arn:aws:s3:::b/*', '*')).toBe(false);
  });
});

describe('externalAccessGrant', () => {
  it('GIVEN a pick by name only WHEN resolved THEN it is the whole entry', () => {
    expect(externalAccessGrant(ENTRIES, { name: 'athena' })).toEqual(ATHENA);
  });

  it('GIVEN a pick beyond the entry or of an unknown entry WHEN resolved THEN it throws naming what is allowed', () => {
    expect(() => externalAccessGrant(ENTRIES, { name: 'partner-exports', actions: ['s3:PutObject'] })).toThrow(/action s3:PutObject is not permitted; allowed: s3:GetObject, s3:ListBucket/);
    expect(() => externalAccessGrant(ENTRIES, { name: 'partner-exports', resources: ['arn:aws:s3:::other/*'] })).toThrow(/resource arn:aws:s3:::other\/\* is not permitted/);
    expect(() => externalAccessGrant([], { name: 'athena' })).toThrow(/names "athena"; allowed: none/);
  });
});

describe('external access through the workload role and the boundary', () => {
  const shopRole = [...workloadStatements({}), ...externalAccessStatements(SHOP)];
  const billingRole = externalAccessStatements(BILLING);

  it('GIVEN shop\'s grants WHEN its workload uses them THEN IAM allows exactly the asked-for actions on the asked-for ARNs', () => {
    expect(can('shop', shopRole, 's3:GetObject', 'arn:aws:s3:::partner-exports/reports/2026-12.csv')).toBe(true);
    expect(can('shop', shopRole, 'athena:StartQueryExecution', 'arn:aws:athena:eu-west-2:123456789012:workgroup/primary')).toBe(true);
    // The entry allows more than shop asked for: shop does not get it.
    expect(can('shop', shopRole, 's3:GetObject', 'arn:aws:s3:::partner-exports/private/keys.csv')).toBe(false);
    expect(can('shop', shopRole, 's3:ListBucket', 'arn:aws:s3:::partner-exports')).toBe(false);
    expect(can('shop', shopRole, 'athena:StartQueryExecution', 'arn:aws:athena:eu-west-2:123456789012:workgroup/admin')).toBe(false);
    expect(can('shop', shopRole, 'rekognition:DetectLabels', '*')).toBe(false);
  });

  it('GIVEN a role of shop with a "*" policy WHEN it reaches beyond shop\'s grants THEN the boundary blocks it', () => {
    expect(can('shop', EVERYTHING, 's3:GetObject', 'arn:aws:s3:::partner-exports/reports/a.csv')).toBe(true);
    expect(can('shop', EVERYTHING, 's3:GetObject', 'arn:aws:s3:::partner-exports/private/a.csv')).toBe(false);
    expect(can('shop', EVERYTHING, 's3:PutObject', 'arn:aws:s3:::partner-exports/reports/a.csv')).toBe(false);
    expect(can('shop', EVERYTHING, 's3:ListBucket', 'arn:aws:s3:::partner-exports')).toBe(false);
    expect(can('shop', EVERYTHING, 'athena:StopQueryExecution', 'arn:aws:athena:eu-west-2:123456789012:workgroup/primary')).toBe(false);
    expect(can('shop', EVERYTHING, 'rekognition:DetectLabels', '*')).toBe(false);
    expect(can('shop', EVERYTHING, 's3:GetObject', 'arn:aws:s3:::someone-elses-bucket/a')).toBe(false);
  });

  it('GIVEN another tenant WHEN it reaches shop\'s external grants, even with a "*" policy or shop\'s own statements THEN it is denied', () => {
    expect(can('billing', billingRole, 'rekognition:DetectLabels', '*')).toBe(true);
    for (const identity of [EVERYTHING, shopRole]) {
      expect(can('billing', identity, 's3:GetObject', 'arn:aws:s3:::partner-exports/reports/a.csv')).toBe(false);
      expect(can('billing', identity, 'athena:StartQueryExecution', 'arn:aws:athena:eu-west-2:123456789012:workgroup/primary')).toBe(false);
    }
    // A session of billing's role carrying shop's tag is a forgery: the boundary's role-name check refuses it.
    const forged = { ...session('billing'), [`aws:PrincipalTag/${TENANT_TAG}`]: 'shop' };
    expect(isAllowed(EVERYTHING, { action: 's3:GetObject', resource: 'arn:aws:s3:::partner-exports/reports/a.csv', context: forged }, boundary)).toBe(false);
  });

  it('GIVEN two tenants granted the same thing WHEN the boundary is built THEN one statement names both tags, and no tenant means no statement', () => {
    const both = externalAccessBoundaryStatements({ shop: BILLING, billing: BILLING, books: [] });
    expect(both).toEqual([expect.objectContaining({ sid: 'ExternalImageLabels1', actions: ['rekognition:DetectLabels'], resources: ['*'], condition: { StringEquals: { [`aws:PrincipalTag/${TENANT_TAG}`]: ['billing', 'shop'] } } })]);
    expect(externalAccessBoundaryStatements({})).toEqual([]);
  });

  it('GIVEN a tenant file\'s external access WHEN its workload role renders THEN the policy carries one statement per entry', () => {
    const chart = newChart();
    new TenantWorkloadRole(chart, 'role', { env: ENV, serviceAccount: 'api', access: {}, externalAccess: SHOP });
    const policy = objectsOf(chart).find((o) => o.kind === 'Policy')!;
    const forProvider = policy.spec.forProvider as { policy: string; description: string };
    expect(forProvider.description).toBe("What shop/api may use: the tenant's own resources, and partner-exports, athena");
    expect(JSON.parse(forProvider.policy).Statement).toEqual([
      { Sid: 'ExternalPartnerExports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-exports/reports/*' },
      { Sid: 'ExternalAthena', Effect: 'Allow', Action: ['athena:StartQueryExecution', 'athena:GetQueryResults'], Resource: 'arn:aws:athena:eu-west-2:123456789012:workgroup/primary' },
    ]);
  });

  it('GIVEN a grant for one ServiceAccount WHEN the tenant\'s AWS resources render THEN only that workload role carries it', () => {
    const chart = newChart();
    const aws = { serviceAccounts: [{ name: 'api', namespace: '' }, { name: 'worker', namespace: 'jobs' }, { name: 'web', namespace: '' }] } as unknown as ConstructorParameters<typeof TenantAwsResources>[2]['aws'];
    const empty = { buckets: [], databases: [], registries: [], redis: [], queues: [], topics: [], secrets: [], opensearch: [], tables: [], externalAccess: [] };
    const labels = externalAccessGrant(ENTRIES, { name: 'image-labels', serviceAccounts: ['jobs/worker'] });
    new TenantAwsResources(chart, 'aws', { env: ENV, aws: { ...empty, ...aws }, externalAccess: [labels, externalAccessGrant(ENTRIES, { name: 'athena', serviceAccounts: ['api'] })] });
    const sids = (name: string) => {
      const policy = objectsOf(chart).find((o) => o.kind === 'Policy' && o.metadata.name === name);
      return policy ? (JSON.parse((policy.spec.forProvider as { policy: string }).policy).Statement as { Sid: string }[]).map((x) => x.Sid) : [];
    };
    expect(sids('sa-api')).toEqual(['ExternalAthena']);
    expect(sids('sa-jobs-worker')).toEqual(['ExternalImageLabels']);
    expect(sids('sa-web')).toEqual([]);
  });
});

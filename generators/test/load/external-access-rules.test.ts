import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, writeFleet } from './_fixtures.js';

/** The platform's allowlist on cluster stage: a partner's bucket and Rekognition. */
const ALLOWLIST = `tenancy:
  externalAccess:
    - name: partner-exports
      description: Partner Ltd's nightly exports (ticket 1234)
      actions: [s3:GetObject, s3:ListBucket]
      resources: ["arn:aws:s3:::partner-exports", "arn:aws:s3:::partner-exports/*"]
    - name: image-labels
      description: Label uploaded images
      actions: [rekognition:DetectLabels]
      resources: ["*"]
      anyResourceBecause: rekognition:DetectLabels works on images sent with the call, not on a resource
`;

/** Problems of a fleet with clusters mgmt and stage (`stageExtra` after its dns block) and tenant shop on stage with `picks` under aws. */
function problems(picks: string, stageExtra = ALLOWLIST, clusters = '[stage]'): string[] {
  const tenant = `name: shop\nowners:\n  - team: acme/shop\ncontact:\n  slackChannel: "#shop"\nclusters: ${clusters}\naws:\n  serviceAccounts: [{ name: api }]\n  externalAccess:\n${picks}`;
  return loadProblems(writeFleet('external-access-', {
    'clusters/mgmt.yaml': clusterYaml('mgmt', { extra: 'tenancy:\n  allowTenants: true\n' }),
    'clusters/stage.yaml': clusterYaml('stage', { extra: stageExtra }),
    'tenants/shop.yaml': tenant,
  }));
}

describe('tenantExternalAccess', () => {
  it('GIVEN picks of allowlisted entries, whole or narrowed WHEN loaded THEN there is no problem', () => {
    expect(problems('    - name: image-labels\n    - name: partner-exports\n      actions: [s3:GetObject]\n      resources: ["arn:aws:s3:::partner-exports/reports/*"]\n')).toEqual([]);
  });

  it('GIVEN an unknown entry name WHEN loaded THEN the error names the cluster file and its entries', () => {
    expect(problems('    - name: partner-export\n')).toEqual([
      'tenants/shop.yaml:10:13: aws.externalAccess[0].name: unknown entry "partner-export" on cluster "stage" (clusters/stage.yaml); allowed: the entries of its tenancy.externalAccess: "partner-exports", "image-labels"',
    ]);
  });

  it('GIVEN a tenant on a cluster whose file declares no allowlist WHEN loaded THEN that cluster is named', () => {
    expect(problems('    - name: partner-exports\n', ALLOWLIST, '[stage, mgmt]')).toEqual([
      'tenants/shop.yaml:10:13: aws.externalAccess[0].name: unknown entry "partner-exports" on cluster "mgmt" (clusters/mgmt.yaml); allowed: the entries of its tenancy.externalAccess: none (it declares no tenancy.externalAccess)',
    ]);
  });

  it('GIVEN an action or an ARN beyond the entry WHEN loaded THEN each is an error naming the entry and what it allows', () => {
    expect(problems('    - name: partner-exports\n      actions: [s3:GetObject, s3:PutObject]\n      resources: ["arn:aws:s3:::partner-exports-private/*", "arn:aws:s3:::partner-*", "arn:aws:s3:::partner-exports/?"]\n')).toEqual([
      'tenants/shop.yaml:11:31: aws.externalAccess[0].actions[1]: action s3:PutObject is not in entry "partner-exports" on cluster "stage" (clusters/stage.yaml); allowed: s3:GetObject, s3:ListBucket',
      'tenants/shop.yaml:12:19: aws.externalAccess[0].resources[0]: resource arn:aws:s3:::partner-exports-private/* is not covered by entry "partner-exports" on cluster "stage" (clusters/stage.yaml); allowed: arn:aws:s3:::partner-exports, arn:aws:s3:::partner-exports/* or narrower ARNs under them',
      'tenants/shop.yaml:12:61: aws.externalAccess[0].resources[1]: resource arn:aws:s3:::partner-* is not covered by entry "partner-exports" on cluster "stage" (clusters/stage.yaml); allowed: arn:aws:s3:::partner-exports, arn:aws:s3:::partner-exports/* or narrower ARNs under them',
    ]);
  });

  it('GIVEN an entry given to a ServiceAccount that is not one of the tenant\'s workloads WHEN loaded THEN the error lists its workloads', () => {
    expect(problems('    - name: image-labels\n      serviceAccounts: [api]\n')).toEqual([]);
    expect(problems('    - name: image-labels\n      serviceAccounts: [api, jobs/api]\n')).toEqual([
      'tenants/shop.yaml:11:30: aws.externalAccess[0].serviceAccounts[1]: unknown workload ServiceAccount "jobs/api"; allowed: api',
    ]);
  });

  it('GIVEN the same entry twice WHEN loaded THEN the second is a duplicate', () => {
    expect(problems('    - name: image-labels\n    - name: image-labels\n')).toEqual(['tenants/shop.yaml:11:13: aws.externalAccess[1].name: duplicate entry "image-labels"; allowed: each entry once']);
  });
});

describe('clusterExternalAccess', () => {
  const entry = (resources: string, reason = '') => `tenancy:\n  externalAccess:\n    - name: labels\n      description: labels\n      actions: [rekognition:DetectLabels]\n      resources: ${resources}\n${reason}`;

  it('GIVEN "*" without a reason, "*" among ARNs, a reason on scoped ARNs, or a wildcard action WHEN loaded THEN each is an error', () => {
    const cases: [string, string[]][] = [
      [entry('["*"]'), ['clusters/stage.yaml:16:18: tenancy.externalAccess[0].resources: found "*" without anyResourceBecause; allowed: ARNs, or "*" with anyResourceBecause saying why rekognition:DetectLabels cannot be scoped']],
      [entry('["*", "arn:aws:s3:::x"]', '      anyResourceBecause: x\n'), ['clusters/stage.yaml:16:18: tenancy.externalAccess[0].resources: found "*" among ARNs; allowed: ARNs, or "*" alone for actions AWS cannot scope to a resource']],
      [entry('["arn:aws:s3:::x"]', '      anyResourceBecause: x\n'), ['clusters/stage.yaml:17:27: tenancy.externalAccess[0].anyResourceBecause: found a reason for "*" on an entry scoped to ARNs; allowed: anyResourceBecause only with resources: ["*"]']],
    ];
    for (const [extra, expected] of cases) expect(problems('    - name: labels\n', extra)).toEqual(expected);
    expect(problems('    - name: labels\n', entry('["*"]').replace('rekognition:DetectLabels', 's3:*'))[0]).toMatch(/^clusters\/stage\.yaml:15:17: tenancy\.externalAccess\[0\]\.actions\[0\]: .*s3:\*/);
  });
});

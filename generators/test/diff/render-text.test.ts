import { describe, expect, test } from 'vitest';
import { renderText } from '../../src/diff/render-text.js';
import { sampleReport } from './sample-report.js';

describe('renderText', () => {
  test('lists clusters, layers, objects and field changes, then the destructive findings', () => {
    expect(renderText(sampleReport())).toMatchInlineSnapshot(`
      "Changes in out/ against main: 2 clusters, 1 added, 2 changed, 2 removed, 2 destructive

        prod     +0 ~1 -0
        staging  +1 ~1 -2, 2 destructive

      prod, staging  (the same in each)
        tenants/team-a
          ~ ResourceQuota team-a/compute
              ~ spec.hard["requests.cpu"]: 4 → 8

      staging
        tenants/team-b
          - Bucket team-b/team-b-data ⚠ destructive
          - Namespace team-b ⚠ destructive
        tenants/team-c
          + Namespace team-c
              + metadata.labels["platform.io/tenant"]: team-c

      Destructive changes (2):
        ✖ staging: S3 bucket team-b/team-b-data is removed from Git
          Flux prunes the managed resource; its managementPolicies leave out Delete, so the AWS resource is orphaned, not deleted, but nothing manages it any more (no drift correction, no tags or policies enforced) and bringing it back needs adoption by external name.
        ✖ staging: Namespace team-b is deleted
          Flux prunes it, and with it every object in the namespace: workloads, Secrets, ConfigMaps, and the volumes of its PersistentVolumeClaims. A Namespace cannot be renamed: if this is a rename to team-c, the old one is still deleted.

      To take a team off the platform without losing data, set \`decommissioned: true\` in tenants/team-b.yaml instead: its namespaces and stateful resources stay while it moves out (docs/tenants.md, "Leaving the platform").

      Refusing: pass --allow-destructive (in a PR: add the label allow-destructive) to accept them.
      "
    `);
  });

  test('says when destructive changes were accepted', () => {
    expect(renderText(sampleReport(), { allowDestructive: true })).toContain('Accepted with --allow-destructive.');
  });

  test('is plain unless color is asked for', () => {
    expect(renderText(sampleReport())).not.toMatch(/\u001b\[/);
    expect(renderText(sampleReport(), { color: true })).toMatch(/\u001b\[3\dm/);
  });

  test('an empty report says so', () => {
    expect(renderText({ base: 'main', changes: [], findings: [] })).toBe('No changes in out/ against main.\n');
  });
});

import { describe, expect, test } from 'vitest';
import { MARKDOWN_LIMIT, renderMarkdown } from '../../src/diff/render-markdown.js';
import { largeReport, sampleReport } from './sample-report.js';

describe('renderMarkdown', () => {
  test('a summary table, the findings, then a collapsible section per cluster', () => {
    expect(renderMarkdown(sampleReport(), { fullDiffUrl: 'https://github.com/acme/fleet/actions/runs/1' })).toMatchInlineSnapshot(`
      "### Changes to \`out/\` against \`main\`

      | cluster | added | changed | removed | destructive |
      |---|--:|--:|--:|--:|
      | prod | 0 | 1 | 0 | 0 |
      | staging | 1 | 1 | 2 | **2** |
      | **total** | **1** | **2** | **2** | **2** |

      > [!CAUTION]
      > **2 destructive changes.** This check fails until they are removed or a maintainer adds the label \`allow-destructive\` to this PR.
      >
      > - **staging**: S3 bucket team-b/team-b-data is removed from Git. Flux prunes the managed resource; its managementPolicies leave out Delete, so the AWS resource is orphaned, not deleted, but nothing manages it any more (no drift correction, no tags or policies enforced) and bringing it back needs adoption by external name.
      > - **staging**: Namespace team-b is deleted. Flux prunes it, and with it every object in the namespace: workloads, Secrets, ConfigMaps, and the volumes of its PersistentVolumeClaims. A Namespace cannot be renamed: if this is a rename to team-c, the old one is still deleted.
      >
      > To take a team off the platform without losing data, set \`decommissioned: true\` in tenants/team-b.yaml instead: its namespaces and stateful resources stay while it moves out (docs/tenants.md, "Leaving the platform").

      <details><summary><b>prod, staging</b>: the same 1 change in each</summary>

      \`\`\`diff
      @@ tenants/team-a @@
      ! ResourceQuota team-a/compute
            spec.hard["requests.cpu"]: 4 → 8
      \`\`\`

      </details>

      <details><summary><b>staging</b>: 1 added, 1 changed, 2 removed, ⚠️ 2 destructive (the rest above)</summary>

      \`\`\`diff
      @@ tenants/team-b @@
      - Bucket team-b/team-b-data   ⚠ destructive
      - Namespace team-b   ⚠ destructive
      @@ tenants/team-c @@
      + Namespace team-c
      +     metadata.labels["platform.io/tenant"]: team-c
      \`\`\`

      </details>

      <sub>Full text diff: the \`platform-diff\` artifact of [this workflow run](https://github.com/acme/fleet/actions/runs/1). Values of secret-looking fields are redacted.</sub>
      "
    `);
  });

  test('a change touching thousands of objects in several clusters stays under the cap', () => {
    // GIVEN 5 clusters × 2,000 changed quotas (two fields each)
    const report = largeReport(5, 2_000);
    // WHEN rendered
    const md = renderMarkdown(report, { fullDiffUrl: 'https://github.com/acme/fleet/actions/runs/1' });
    // THEN it fits in a GitHub comment, every cluster gets a share, and the rest is counted
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.length).toBeGreaterThan(MARKDOWN_LIMIT * 0.8);
    for (let c = 0; c < 5; c++) {
      expect(md).toContain(`<b>cluster-${c}</b>: 0 added, 2000 changed, 0 removed`);
      expect(md).toMatch(new RegExp(`… and \\d+ more changes in cluster-${c}\\n`));
    }
    const shown = md.split('\n').filter((l) => l.startsWith('! ResourceQuota')).length;
    expect(md).toContain(`… and ${10_000 - shown} more changes not shown here.`);
    expect(md).toContain('[this workflow run](https://github.com/acme/fleet/actions/runs/1)');
  });

  test('the same change in every cluster is shown once, and what is left out counts every cluster', () => {
    const report = largeReport(5, 2_000, true);
    const md = renderMarkdown(report);
    expect(md).toContain('<b>cluster-0, cluster-1, cluster-2, cluster-3, cluster-4</b>: the same 2000 changes in each');
    expect(md).not.toContain('<b>cluster-0</b>:');
    const shown = md.split('\n').filter((l) => l.startsWith('! ResourceQuota')).length;
    expect(md).toContain(`… and ${10_000 - 5 * shown} more changes not shown here.`);
  });

  test('a small cluster is shown whole next to a huge one', () => {
    const big = largeReport(1, 5_000);
    const small = largeReport(2, 3);
    const report = { ...big, changes: [...big.changes, ...small.changes.filter((c) => c.ref.cluster === 'cluster-1')] };
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).not.toContain('more changes in cluster-1');
    expect(md).toContain('more changes in cluster-0');
  });

  test('no changes', () => {
    expect(renderMarkdown({ base: 'main', changes: [], findings: [] })).toBe(
      '### Changes to `out/` against `main`\n\nNo changes to rendered objects.\n',
    );
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { fleetMetricsReaderOf, fleetMetricsSources } from '../../src/render/fleet-metrics.js';

/** The small fixture fleet (mgmt and prod), with `extra` appended to the given cluster files. */
function fleet(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-metrics-'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'fleet-small'), dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) {
    const file = join(dir, 'clusters', `${name}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8') + text);
  }
  return loadFleet(dir);
}

describe('fleetMetricsSources', () => {
  it("GIVEN a management cluster running Thanos WHEN the fleet view is planned THEN it reads every other cluster's metrics bucket through that cluster's reader role", () => {
    const f = fleet();
    expect(fleetMetricsSources(f)).toEqual([
      { cluster: 'prod', region: 'eu-west-1', bucket: '210987654321-eu-west-1-prod-metrics', readerRoleArn: 'arn:aws:iam::210987654321:role/prod-metrics-reader' },
    ]);
    const mgmt = f.clusters.find((c) => c.spec.management)!.spec;
    expect(fleetMetricsReaderOf(f, f.clusters.find((c) => c.spec.name === 'prod')!.spec)).toEqual({
      cluster: 'mgmt', accountId: mgmt.aws.accountId, region: mgmt.aws.region, roleArn: `arn:aws:iam::${mgmt.aws.accountId}:role/mgmt-thanos-fleet`,
    });
    expect(fleetMetricsReaderOf(f, mgmt)).toBeUndefined();
  });

  it('GIVEN thanos off in a cluster, or in the management cluster WHEN planned THEN that cluster, or every cluster, is left out', () => {
    const off = 'addons:\n  thanos:\n    enabled: false\n';
    expect(fleetMetricsSources(fleet({ prod: off }))).toEqual([]);
    const noView = fleet({ mgmt: off });
    expect(fleetMetricsSources(noView)).toEqual([]);
    expect(fleetMetricsReaderOf(noView, noView.clusters.find((c) => c.spec.name === 'prod')!.spec)).toBeUndefined();
  });
});

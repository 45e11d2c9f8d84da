import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { tenantDashboardPath } from '../../src/load/tenant-dashboards.js';
import { readFileSync } from 'node:fs';
import { FIXTURES, loadProblems, writeFleet } from './_fixtures.js';

const cluster = (name: string) => readFileSync(join(FIXTURES, 'fleet-small', 'clusters', `${name}.yaml`), 'utf8');
const TENANT = 'name: team-a\nowners:\n  - team: acme/team-a\n    role: admin\ncontact:\n  slackChannel: "#team-a"\nclusters: [prod]\ndashboards: [api, jobs]\n';

/** The small fleet's clusters and team-a, which names the dashboards `api` and `jobs`, with the given dashboard files. */
const fleetWith = (files: Record<string, string>) =>
  writeFleet('tenant-dashboards-', { 'clusters/mgmt.yaml': cluster('mgmt'), 'clusters/prod.yaml': cluster('prod'), 'tenants/team-a.yaml': TENANT, ...Object.fromEntries(Object.entries(files).map(([n, t]) => [tenantDashboardPath('team-a', n), t])) });

describe('loadTenantDashboards', () => {
  it("GIVEN both files WHEN loaded THEN the fleet carries each dashboard's JSON as written, by tenant", () => {
    const api = '{\n  "title": "API",\n  "panels": []\n}\n';
    const dir = fleetWith({ api, jobs: '{"panels":[{"type":"text"}]}' });
    expect(loadProblems(dir)).toEqual([]);
    const fleet = loadFleet(dir);
    expect(fleet.dashboards?.get('team-a')).toEqual([
      { name: 'api', path: 'tenants/team-a/dashboards/api.json', json: api },
      { name: 'jobs', path: 'tenants/team-a/dashboards/jobs.json', json: '{"panels":[{"type":"text"}]}' },
    ]);
  });

  it('GIVEN a missing file, a file that is not JSON and one that is not a dashboard WHEN loaded THEN each is an error at its dashboards entry', () => {
    expect(loadProblems(fleetWith({ api: '{"title": ' }))).toEqual([
      'tenants/team-a.yaml:8:14: dashboards[0]: found "api", but tenants/team-a/dashboards/api.json is not JSON (Unexpected end of JSON input); allowed: the name of a Grafana dashboard JSON file tenants/team-a/dashboards/api.json',
      'tenants/team-a.yaml:8:19: dashboards[1]: found "jobs", but tenants/team-a/dashboards/jobs.json does not exist; allowed: the name of a Grafana dashboard JSON file tenants/team-a/dashboards/jobs.json',
    ]);
    expect(loadProblems(fleetWith({ api: '[]', jobs: '{"title": "no panels"}' }))).toEqual([
      'tenants/team-a.yaml:8:14: dashboards[0]: found "api", but tenants/team-a/dashboards/api.json is not a dashboard (a JSON object with "panels"); allowed: the name of a Grafana dashboard JSON file tenants/team-a/dashboards/api.json',
      'tenants/team-a.yaml:8:19: dashboards[1]: found "jobs", but tenants/team-a/dashboards/jobs.json is not a dashboard (a JSON object with "panels"); allowed: the name of a Grafana dashboard JSON file tenants/team-a/dashboards/jobs.json',
    ]);
  });
});

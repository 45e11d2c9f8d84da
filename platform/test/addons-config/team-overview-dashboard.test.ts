import { describe, expect, it } from 'vitest';
import { teamOverviewDashboard } from '../../src/addons-config/team-overview-dashboard.js';

const parse = (logs: boolean) => JSON.parse(teamOverviewDashboard({ tenant: 'payments', namespaces: ['payments-jobs', 'payments'], logs }));

describe('teamOverviewDashboard', () => {
  it("GIVEN a tenant with two namespaces WHEN built THEN every query is held to the tenant's namespaces and the chosen clusters", () => {
    const d = parse(false);
    expect(d).toMatchObject({ uid: 'team-payments', title: 'payments: overview', editable: false });
    expect(d.templating.list[1]).toMatchObject({ name: 'namespace', type: 'custom', query: 'payments,payments-jobs' });
    expect(d.templating.list[0].query).toBe('label_values(kube_namespace_status_phase{namespace=~"payments|payments-jobs"}, cluster)');
    for (const p of d.panels) for (const t of p.targets) expect(t.expr).toContain('cluster=~"$cluster", namespace=~"$namespace"');
    expect(d.panels.map((p: { title: string }) => p.title)).toEqual(['CPU (cores)', 'Memory (working set)', 'Container restarts (1h)', 'Pods not ready']);
  });

  it('GIVEN Loki WHEN built THEN a logs panel reads the same namespaces; the output is the same every time', () => {
    expect(parse(true).panels.at(-1)).toMatchObject({ type: 'logs', datasource: { type: 'loki', uid: 'logs' }, targets: [{ expr: '{cluster=~"$cluster", namespace=~"$namespace"}' }] });
    expect(teamOverviewDashboard({ tenant: 'a', namespaces: ['a'] })).toBe(teamOverviewDashboard({ tenant: 'a', namespaces: ['a'] }));
  });
});

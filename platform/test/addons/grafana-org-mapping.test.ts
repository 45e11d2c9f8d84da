import { describe, expect, it } from 'vitest';
import type { ObservabilityTeam } from '../../src/addons/_addon.js';
import { grafanaOrgMapping } from '../../src/addons/grafana-org-mapping.js';

const team = (name: string, owners: [string, string][]): ObservabilityTeam => ({ name, namespaces: [name], owners: owners.map(([t, role]) => ({ team: t, role })) });
const teams = [
  team('a', [['acme/a-team', 'edit'], ['acme/support', 'read-only-logs']]),
  team('a-b', [['acme/b-team', 'admin'], ['acme/auditors', 'view']]),
];

/** Grafana's reading of `org_mapping` (pkg/login/social/connectors/org_role_mapper.go): split on spaces, then on unescaped `:`. */
function parse(mapping: string): { group: string; org: string; role: string }[] {
  return mapping.split(' ').map((e) => {
    const parts = e.split(/(?<!\\):/).map((p) => p.replaceAll('\\:', ':'));
    expect(parts, e).toHaveLength(3);
    return { group: parts[0]!, org: parts[1]!, role: parts[2]! };
  });
}

/** The organisations and roles a person with these Dex groups gets (the higher role wins where two entries meet). */
function rolesOf(groups: string[], mapping: string): Record<string, string> {
  const rank = ['None', 'Viewer', 'Editor', 'Admin'];
  const out: Record<string, string> = {};
  for (const e of parse(mapping).filter((x) => groups.includes(x.group))) {
    if (rank.indexOf(e.role) > rank.indexOf(out[e.org] ?? 'None')) out[e.org] = e.role;
  }
  return out;
}

describe('grafanaOrgMapping', () => {
  const mapping = grafanaOrgMapping(teams, ['acme/platform']);

  it("GIVEN Dex's groups <org>:<team> WHEN mapped THEN the group's ':' is escaped, so Grafana reads three fields per entry", () => {
    expect(mapping.split(' ')).toContain('acme\\:a-team:a:Editor');
    expect(parse(mapping).map((e) => e.group)).toContain('acme:a-team');
  });

  it("GIVEN owner roles WHEN mapped THEN admin and edit teams are Editors, view and catalog roles Viewers, each in its tenant's organisation", () => {
    expect(rolesOf(['acme:a-team'], mapping)).toEqual({ a: 'Editor' });
    expect(rolesOf(['acme:support'], mapping)).toEqual({ a: 'Viewer' });
    expect(rolesOf(['acme:b-team'], mapping)).toEqual({ 'a-b': 'Editor' });
    expect(rolesOf(['acme:auditors'], mapping)).toEqual({ 'a-b': 'Viewer' });
  });

  it("GIVEN a member of team A (even of tenant a, whose name prefixes a-b) WHEN logging in THEN they get no role in team B's organisation nor in the main one", () => {
    for (const group of ['acme:a-team', 'acme:support']) {
      const roles = rolesOf([group], mapping);
      expect(roles['a-b'], group).toBeUndefined();
      expect(roles['1'], group).toBeUndefined();
      expect(roles['*'], group).toBeUndefined();
    }
    // a group Grafana does not know (another GitHub team, or the EKS-prefixed name) maps to nothing
    expect(rolesOf(['acme:someone-else', 'github:acme:a-team'], mapping)).toEqual({});
  });

  it('GIVEN the platform teams WHEN mapped THEN they are Editors of the main organisation and Viewers of every other', () => {
    expect(rolesOf(['acme:platform'], mapping)).toEqual({ '1': 'Editor', '*': 'Viewer' });
  });

  it('GIVEN the same input in another order WHEN mapped THEN the value is the same (sorted, no duplicates)', () => {
    expect(grafanaOrgMapping([...teams].reverse(), ['acme/platform'])).toBe(mapping);
    expect(new Set(mapping.split(' ')).size).toBe(mapping.split(' ').length);
  });
});

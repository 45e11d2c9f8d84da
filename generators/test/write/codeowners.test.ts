import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCodeowners } from '../../src/write/codeowners.js';
import { clusterYaml, loadProblems, writeFleet } from '../load/_fixtures.js';

describe('renderCodeowners', () => {
  it('GIVEN the management cluster names the platform team WHEN CODEOWNERS is rendered THEN that team owns everything but the tenants\' files', () => {
    const fleet = loadFleet(join(import.meta.dirname, '..', 'fixtures', 'fleet-small'));
    const text = renderCodeowners(fleet);
    expect(text.split('\n')[2]).toBe('* @acme/platform');
    expect(text).toContain('/tenants/team-a.yaml @acme/team-a');
  });

  it("GIVEN tenants, even one named like a cluster WHEN CODEOWNERS is rendered THEN the cluster files (and the external access allowlist in them) and the rendered boundary stay the platform team's", () => {
    const dir = writeFleet('codeowners-clusters-', {
      'clusters/mgmt.yaml': clusterYaml('mgmt'),
      'clusters/stage.yaml': clusterYaml('stage'),
      'tenants/stage.yaml': 'name: stage\nowners:\n  - team: acme/stage-team\ncontact:\n  slackChannel: "#s"\nclusters: [stage]\n',
    });
    const text = renderCodeowners(loadFleet(dir));
    for (const path of ['clusters/stage.yaml', 'clusters/mgmt.yaml', 'out/stage/infra/policy-boundary-shop.yaml', 'out/stage/tenants/stage/policy-sa-api.yaml', 'schemas/cluster.schema.json']) {
      expect(ownersOf(text, path), path).toBe('@acme/platform');
    }
    expect(ownersOf(text, 'tenants/stage.yaml')).toBe('@acme/stage-team');
  });

  it('GIVEN the example fleet, whose tenants give other teams catalog roles WHEN CODEOWNERS is rendered THEN only admin and edit teams own a tenant\'s files', () => {
    const text = renderCodeowners(loadFleet(join(import.meta.dirname, '..', '..', '..')));
    expect(text).toContain('/tenants/payments.yaml @acme/payments\n');
    expect(text).toContain('/tenants/checkout.yaml @acme/checkout\n');
    expect(text).not.toMatch(/@acme\/(sre|support|finance)/);
  });

  it('GIVEN no platformTeams on the management cluster, or some on another cluster WHEN loaded THEN each is a located error', () => {
    const mgmt = clusterYaml('mgmt').replace('platformTeams: [acme/platform]\n', '');
    const stage = `${clusterYaml('stage', { network: '  vpcCidr: 10.1.0.0/16\n' })}platformTeams: [acme/ops]\n`;
    expect(loadProblems(writeFleet('codeowners-', { 'clusters/mgmt.yaml': mgmt, 'clusters/stage.yaml': stage }))).toEqual([
      "clusters/mgmt.yaml:3:13: management: found no platformTeams in the management cluster; allowed: platformTeams: [<org>/<team>] naming the platform team, the code owners of everything that is not a tenant's",
      "clusters/stage.yaml:11:16: platformTeams: found platformTeams in a cluster that is not the management cluster; allowed: only in the management cluster's file",
    ]);
  });
});

/**
 * The owners GitHub gives `path` under a CODEOWNERS text: the last matching line wins. Patterns as the file uses them:
 * `*` (everything), `/file` (that file) and `/dir/` (everything under it), `*` in a pattern standing for one path segment.
 */
function ownersOf(codeowners: string, path: string): string | undefined {
  let owners: string | undefined;
  for (const line of codeowners.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [pattern = '', ...teams] = line.split(/\s+/);
    const body = pattern.replace(/^\//, '').split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
    const matches = pattern === '*' || new RegExp(`^${body}${pattern.endsWith('/') ? '' : '$'}`).test(path);
    if (matches) owners = teams.join(' ');
  }
  return owners;
}

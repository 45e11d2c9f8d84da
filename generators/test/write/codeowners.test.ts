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

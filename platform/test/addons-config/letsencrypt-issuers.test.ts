import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { LetsEncryptIssuers } from '../../src/addons-config/letsencrypt-issuers.js';

const issuers = (tenantZones?: string[]) => {
  const chart = new Chart(Testing.app(), 'test');
  new LetsEncryptIssuers(chart, 'le', { domain: 'staging.example.com', region: 'eu-west-2', hostedZoneId: 'Z0STAGING', tenantZones });
  return chart.toJson() as { metadata: { name: string }; spec: { acme: { solvers: unknown[] } } }[];
};

describe('LetsEncryptIssuers', () => {
  it('GIVEN a cluster zone WHEN rendered THEN both issuers solve DNS-01 in that zone only', () => {
    const all = issuers();
    expect(all.map((i) => i.metadata.name)).toEqual(['letsencrypt-staging', 'letsencrypt-production']);
    for (const i of all) expect(i.spec.acme.solvers).toEqual([{ selector: { dnsZones: ['staging.example.com'] }, dns01: { route53: { region: 'eu-west-2', hostedZoneID: 'Z0STAGING' } } }]);
  });

  it("GIVEN tenant zones WHEN rendered THEN names inside them get a solver that finds their zone by name, not the cluster's (which delegates them away)", () => {
    for (const i of issuers(['shop.staging.example.com', 'pay.staging.example.com'])) {
      expect(i.spec.acme.solvers[1]).toEqual({ selector: { dnsZones: ['pay.staging.example.com', 'shop.staging.example.com'] }, dns01: { route53: { region: 'eu-west-2' } } });
    }
  });
});

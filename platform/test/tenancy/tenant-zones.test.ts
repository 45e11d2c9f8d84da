import { describe, expect, it } from 'vitest';
import { type ClusterDns, hostMatches, inDomain, resolveTenantZone, tenantZoneProblem, tenantZonesOn, wildcardBase } from '../../src/tenancy/tenant-zones.js';

const DNS: ClusterDns = {
  domain: 'staging.example.com',
  hostedZoneId: 'Z0STAGING',
  tenantZones: {
    delegationSetId: 'N0SET',
    nameServers: ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net', 'ns-3.awsdns-03.org', 'ns-4.awsdns-04.co.uk'],
    parents: [{ name: 'partner', domain: 'staging.partner.example', hostedZoneId: 'Z0PARTNER' }],
  },
};

describe('tenant zones', () => {
  it('GIVEN zone entries WHEN resolved on a cluster THEN the name is relative to the cluster domain or to the named parent, with that parent zone', () => {
    expect(resolveTenantZone(DNS, 'payments', { name: 'pay' })).toEqual({ tenant: 'payments', name: 'pay.staging.example.com', parentDomain: 'staging.example.com', parentZoneId: 'Z0STAGING' });
    expect(resolveTenantZone(DNS, 'shop', { name: 'shop', parent: 'partner' })).toEqual({ tenant: 'shop', name: 'shop.staging.partner.example', parentDomain: 'staging.partner.example', parentZoneId: 'Z0PARTNER' });
    expect(tenantZonesOn(DNS, [{ name: 'payments', dns: { zones: [{ name: 'pay' }] } }, { name: 'empty' }]).map((z) => z.name)).toEqual(['pay.staging.example.com']);
  });

  it('GIVEN a cluster that does not allow a zone WHEN resolved THEN there is no zone and the problem says why', () => {
    expect(tenantZoneProblem({ domain: 'example.com', hostedZoneId: 'Z0' }, { name: 'pay' })).toMatch(/does not allow tenant zones/);
    expect(tenantZoneProblem({ ...DNS, hostedZoneId: undefined }, { name: 'pay' })).toMatch(/no dns.hostedZoneId/);
    expect(tenantZoneProblem(DNS, { name: 'pay', parent: 'elsewhere' })).toBe('parent "elsewhere" is not one of the cluster\'s dns.tenantZones.parents (partner)');
    expect(resolveTenantZone(DNS, 'x', { name: 'pay', parent: 'elsewhere' })).toBeUndefined();
  });

  it('GIVEN a wildcard hostname WHEN hosts are matched THEN it covers exactly one label, as an Ingress wildcard does', () => {
    expect(hostMatches('acme.pay.example.com', '*.pay.example.com')).toBe(true);
    expect(hostMatches('*.pay.example.com', '*.pay.example.com')).toBe(true);
    expect(hostMatches('pay.example.com', '*.pay.example.com')).toBe(false);
    expect(hostMatches('a.b.pay.example.com', '*.pay.example.com')).toBe(false);
    expect(hostMatches('evilpay.example.com', '*.pay.example.com')).toBe(false);
    expect(hostMatches('acme.pay.example.com', 'pay.example.com')).toBe(false);
    expect(wildcardBase('*.pay.example.com')).toBe('pay.example.com');
    expect(wildcardBase('pay.example.com')).toBeUndefined();
    expect(inDomain('x.pay.example.com', 'pay.example.com') && !inDomain('xpay.example.com', 'pay.example.com')).toBe(true);
  });
});

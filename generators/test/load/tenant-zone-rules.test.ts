import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, tenantFiles, writeFleet } from './_fixtures.js';

const tenant = (name: string, extra = '', clusters = '[stage]') => `name: ${name}
owners:
  - team: acme/${name}
    role: admin
contact:
  slackChannel: "#${name}"
clusters: ${clusters}
${extra}`;

/** stage allows tenant zones under its domain and under the `partner` parent; prod allows none. */
const ZONES = `  hostedZoneId: Z0STAGE
  tenantZones:
    delegationSetId: N0STAGESET
    nameServers: [ns-1.awsdns-01.com, ns-2.awsdns-02.net, ns-3.awsdns-03.org, ns-4.awsdns-04.co.uk]
    parents:
      - { name: partner, domain: stage.partner.example, hostedZoneId: Z0PARTNER }
`;

function problemsOf(tenants: Record<string, string>, prodDns = ''): string[] {
  const files = {
    'clusters/mgmt.yaml': clusterYaml('mgmt'),
    'clusters/stage.yaml': clusterYaml('stage', { dns: ZONES }),
    'clusters/prod.yaml': clusterYaml('prod', { environment: 'production', domain: 'example.com', network: '  vpcCidr: 10.2.0.0/16\n', dns: prodDns }),
    ...tenantFiles(tenants),
  };
  return loadProblems(writeFleet('tenant-zone-rules-', files));
}

const zones = (...entries: string[]) => `dns:\n  zones:\n${entries.map((e) => `    - ${e}\n`).join('')}`;

describe('tenant zone rules', () => {
  it('GIVEN a zone under the cluster domain and one under an allowed parent, with hostnames and wildcards inside them WHEN loaded THEN there is no problem', () => {
    const pay = tenant('pay', `hostnames: [pay.stage.example.com, "*.pay.stage.example.com", "*.pay.stage.partner.example", x.pay.stage.partner.example]\n${zones('{ name: pay }', '{ name: pay, parent: partner }')}`);
    expect(problemsOf({ pay, shop: tenant('shop', 'hostnames: [shop.stage.example.com]\n') })).toEqual([]);
  });

  it('GIVEN a zone on a cluster that allows none, or under a parent it does not list WHEN loaded THEN the zone is outside the allowed domains', () => {
    expect(problemsOf({ pay: tenant('pay', zones('{ name: pay }'), '[stage, prod]'), shop: tenant('shop', zones('{ name: shop, parent: elsewhere }')) })).toEqual([
      'tenants/pay.yaml:10:7: dns.zones[0]: zone "pay" is outside the domains cluster "prod" allows for tenant zones: the cluster does not allow tenant zones (no dns.tenantZones in its file); allowed: a zone under none (the cluster allows no tenant zones)',
      'tenants/shop.yaml:10:7: dns.zones[0]: zone "shop" is outside the domains cluster "stage" allows for tenant zones: parent "elsewhere" is not one of the cluster\'s dns.tenantZones.parents (partner); allowed: a zone under "stage.example.com" (no parent) or "stage.partner.example" (parent: partner)',
    ]);
  });

  it('GIVEN a zone that is the internal ingress name WHEN loaded THEN it is refused', () => {
    expect(problemsOf({ a: tenant('a', zones('{ name: ingress-internal }')) })).toEqual([
      'tenants/a.yaml:10:7: dns.zones[0]: zone "ingress-internal.stage.example.com" (cluster "stage") holds the domain of cluster "stage" or its internal ingress name; allowed: a zone below every cluster domain',
    ]);
  });

  it("GIVEN a zone on prod (example.com) named like the stage cluster's domain WHEN loaded THEN it would take stage's zone and is refused", () => {
    expect(problemsOf({ a: tenant('a', zones('{ name: stage }'), '[prod]') }, ZONES.replace('Z0STAGE', 'Z0PROD'))).toEqual([
      'tenants/a.yaml:10:7: dns.zones[0]: zone "stage.example.com" (cluster "prod") holds the domain of cluster "stage" or its internal ingress name; allowed: a zone below every cluster domain',
    ]);
  });

  it('GIVEN two clusters whose partner parent is the same domain WHEN a tenant on both has a zone under it THEN the name would be delegated twice and is refused', () => {
    expect(problemsOf({ a: tenant('a', zones('{ name: a, parent: partner }'), '[stage, prod]') }, ZONES.replace('Z0STAGE', 'Z0PROD'))).toEqual([
      'tenants/a.yaml:10:7: dns.zones[0]: zone "a.stage.partner.example" is made on clusters prod and stage; allowed: a zone name on one cluster only (a parent with another domain per cluster)',
    ]);
  });

  it('GIVEN a zone claimed by two tenants WHEN loaded THEN each file names the other', () => {
    expect(problemsOf({ a: tenant('a', zones('{ name: web }')), b: tenant('b', zones('{ name: web }')) })).toEqual([
      'tenants/a.yaml:10:7: dns.zones[0]: zone "web.stage.example.com" (cluster "stage") is also a zone of tenant "b" (tenants/b.yaml); allowed: a zone no other tenant has, above or below',
      'tenants/b.yaml:10:7: dns.zones[0]: zone "web.stage.example.com" (cluster "stage") is also a zone of tenant "a" (tenants/a.yaml); allowed: a zone no other tenant has, above or below',
    ]);
  });

  it("GIVEN a zone under another tenant's zone WHEN loaded THEN both files are named", () => {
    expect(problemsOf({ a: tenant('a', zones('{ name: web }')), b: tenant('b', zones('{ name: api.web }')) })).toEqual([
      'tenants/a.yaml:10:7: dns.zones[0]: zone "web.stage.example.com" (cluster "stage") has zone "api.web.stage.example.com" under it of tenant "b" (tenants/b.yaml); allowed: a zone no other tenant has, above or below',
      'tenants/b.yaml:10:7: dns.zones[0]: zone "api.web.stage.example.com" (cluster "stage") is under zone "web.stage.example.com" of tenant "a" (tenants/a.yaml); allowed: a zone no other tenant has, above or below',
    ]);
  });

  it("GIVEN a hostname in someone else's zone (or its wildcard) WHEN loaded THEN the hostname is refused and the zone overlaps it", () => {
    const problems = problemsOf({ pay: tenant('pay', zones('{ name: pay }')), shop: tenant('shop', 'hostnames: [checkout.pay.stage.example.com, pay.stage.example.com]\n') });
    expect(problems).toEqual([
      'tenants/pay.yaml:10:7: dns.zones[0]: zone "pay.stage.example.com" (cluster "stage") overlaps hostname "checkout.pay.stage.example.com" of tenant "shop" (tenants/shop.yaml); allowed: a zone holding no other tenant\'s hostname',
      'tenants/pay.yaml:10:7: dns.zones[0]: zone "pay.stage.example.com" (cluster "stage") overlaps hostname "pay.stage.example.com" of tenant "shop" (tenants/shop.yaml); allowed: a zone holding no other tenant\'s hostname',
      'tenants/shop.yaml:8:13: hostnames[0]: hostname "checkout.pay.stage.example.com" is in zone "pay.stage.example.com" of tenant "pay" (tenants/pay.yaml); allowed: a name outside other tenants\' zones',
      'tenants/shop.yaml:8:45: hostnames[1]: hostname "pay.stage.example.com" is in zone "pay.stage.example.com" of tenant "pay" (tenants/pay.yaml); allowed: a name outside other tenants\' zones',
    ]);
  });

  it("GIVEN a zone under another tenant's hostname WHEN loaded THEN both files are named", () => {
    expect(problemsOf({ a: tenant('a', 'hostnames: [web.stage.example.com]\n'), b: tenant('b', zones('{ name: api.web }')) })).toEqual([
      'tenants/a.yaml:8:13: hostnames[0]: hostname "web.stage.example.com" has zone "api.web.stage.example.com" of tenant "b" (tenants/b.yaml) under it; allowed: a name above no other tenant\'s zone',
      'tenants/b.yaml:10:7: dns.zones[0]: zone "api.web.stage.example.com" (cluster "stage") is under hostname "web.stage.example.com" of tenant "a" (tenants/a.yaml); allowed: a zone under no other tenant\'s hostname',
    ]);
  });

  it("GIVEN a wildcard outside the tenant's own zone WHEN loaded THEN it is refused, naming the zones it may use", () => {
    expect(problemsOf({
      a: tenant('a', 'hostnames: ["*.stage.example.com"]\n'),
      b: tenant('b', `hostnames: ["*.other.stage.example.com"]\n${zones('{ name: b }')}`),
    })).toEqual([
      'tenants/a.yaml:8:13: hostnames[0]: wildcard "*.stage.example.com" is outside the tenant\'s own zones; allowed: "*.<name>" inside a zone of the tenant (add one under dns.zones)',
      'tenants/b.yaml:8:13: hostnames[0]: wildcard "*.other.stage.example.com" is outside the tenant\'s own zones; allowed: "*.<name>" inside "b.stage.example.com"',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DELEGATION_TTL, TenantDnsZone } from '../../src/tenancy/tenant-dns-zone.js';
import { byKind, newChart, objectsOf, one } from '../tenant-aws/_env.js';

const NAME_SERVERS = ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net', 'ns-3.awsdns-03.org', 'ns-4.awsdns-04.co.uk'];

describe('TenantDnsZone', () => {
  const chart = newChart();
  new TenantDnsZone(chart, 'zone', {
    cluster: 'staging',
    zone: { tenant: 'payments', name: 'pay.staging.example.com', parentDomain: 'staging.example.com', parentZoneId: 'Z0STAGING' },
    delegationSetId: 'N0SET',
    nameServers: NAME_SERVERS,
  });
  const objs = objectsOf(chart);

  it('GIVEN a tenant zone WHEN rendered THEN the Zone uses the delegation set, is never deleted by Crossplane, and is the platform\'s', () => {
    const zone = one(objs, 'Zone');
    expect(zone.metadata).toMatchObject({ name: 'tenant-zone-pay.staging.example.com', namespace: 'crossplane-system' });
    expect(zone.spec.forProvider).toMatchObject({ name: 'pay.staging.example.com', delegationSetId: 'N0SET', forceDestroy: false });
    expect(zone.spec.managementPolicies).not.toContain('Delete');
    expect(zone.spec.managementPolicies).not.toContain('*');
    // the platform's ClusterProviderConfig `default`, never the tenant's ProviderConfig
    expect(zone.spec['providerConfigRef']).toBeUndefined();
  });

  it('GIVEN a tenant zone WHEN rendered THEN the parent zone gets an NS record with the delegation set\'s name servers', () => {
    expect(byKind(objs, 'Record')).toHaveLength(1);
    const record = one(objs, 'Record');
    expect(record.metadata).toMatchObject({ name: 'tenant-zone-delegation-pay.staging.example.com', namespace: 'crossplane-system' });
    expect(record.spec.forProvider).toEqual({ zoneId: 'Z0STAGING', name: 'pay.staging.example.com', type: 'NS', ttl: DELEGATION_TTL, records: NAME_SERVERS });
  });
});

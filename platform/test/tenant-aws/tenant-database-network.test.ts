import { describe, expect, it } from 'vitest';
import { TenantDatabaseNetwork, cidrWithin, databaseIdentifier, memberIdentifier, resolveAccessFrom } from '../../src/tenant-aws/tenant-database-network.js';
import { ENV, NETWORK, byKind, newChart, objectsOf, one } from './_env.js';

describe('TenantDatabaseNetwork', () => {
  it('GIVEN a MariaDB database open to a VPN WHEN rendered THEN the subnet group is on the secure tier and the group admits 3306 from compute and the VPN only', () => {
    const chart = newChart();
    const net = new TenantDatabaseNetwork(chart, 'net', {
      env: ENV, network: NETWORK, mrName: 'postgres-shop', identifier: 'stage-shop-shop', engine: 'mariadb',
      accessFrom: [{ label: 'vpn', cidr: '10.200.0.0/16', description: 'VPN' }],
    });
    const objs = objectsOf(chart);
    expect(one(objs, 'SubnetGroup').spec.forProvider!.subnetIds).toEqual(NETWORK.secureSubnetIds);
    expect(one(objs, 'SecurityGroup').spec.forProvider!.description).toBe('MariaDB stage-shop-shop: compute tier and allowed networks');
    expect(byKind(objs, 'SecurityGroupIngressRule').map((r) => [r.spec.forProvider!.fromPort, r.spec.forProvider!.cidrIpv4 ?? r.spec.forProvider!.referencedSecurityGroupId])).toEqual([
      [3306, 'sg-0000000c'], [3306, '10.200.0.0/16'],
    ]);
    expect([net.subnetGroupRef, net.securityGroupRef]).toEqual([{ name: 'postgres-shop' }, { name: 'postgres-shop' }]);
  });

  it('GIVEN a long name WHEN identifiers are made THEN the database leaves room for -final and members fit 63 characters', () => {
    const long = 'x'.repeat(60);
    expect(databaseIdentifier(ENV, long).length).toBe(63 - '-final'.length);
    expect(memberIdentifier(ENV, long, 'replica', 1).length).toBe(63);
    expect(memberIdentifier(ENV, 'main', 'instance', 2)).toBe('stage-shop-main-instance-2');
  });

  it('GIVEN entries the allowlist does not hold WHEN resolved THEN they are left out (the loader reports them)', () => {
    const allowed = [{ name: 'office-vpn', cidr: '10.200.0.0/16' }];
    expect(resolveAccessFrom(['other', '10.201.0.0/24', '10.200.0.0/15', '0.0.0.0/0', '10.200.0.1/16'], allowed)).toEqual([]);
    expect(cidrWithin('10.200.255.0/24', '10.200.0.0/16')).toBe(true);
    expect(cidrWithin('10.200.0.0/16', '10.200.0.0/16')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { TenantPostgres } from '../../src/tenant-aws/tenant-postgres.js';
import { ENV, NETWORK, PROD, newChart, objectsOf, one } from './_env.js';

describe('TenantPostgres', () => {
  it('GIVEN defaults on staging WHEN rendered THEN Postgres 17 on db.t4g.small, gp3, encrypted with the tenant key, retained, single-AZ', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', { env: ENV, network: NETWORK, name: 'main', kmsKeyRef: { name: 'tenant-key' } });
    const objs = objectsOf(chart);
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'SubnetGroup/postgres-main', 'SecurityGroup/postgres-main', 'SecurityGroupIngressRule/postgres-main-from-compute', 'Instance/postgres-main',
    ]);
    const db = one(objs, 'Instance');
    expect(db.spec.managementPolicies).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(db.spec.providerConfigRef).toEqual({ kind: 'ProviderConfig', name: 'shop-aws' });
    expect(db.spec.writeConnectionSecretToRef).toEqual({ name: 'main-postgres' });
    expect(db.spec.forProvider).toMatchObject({
      identifier: 'stage-shop-main', engine: 'postgres', engineVersion: '17', instanceClass: 'db.t4g.small', storageType: 'gp3',
      storageEncrypted: true, kmsKeyIdRef: { name: 'tenant-key' }, autoGeneratePassword: true, passwordSecretRef: { name: 'main-postgres-master', key: 'password' },
      multiAz: false, deletionProtection: false, backupRetentionPeriod: 7, publiclyAccessible: false, skipFinalSnapshot: false,
      dbSubnetGroupNameRef: { name: 'postgres-main' }, vpcSecurityGroupIdRefs: [{ name: 'postgres-main' }],
    });
    expect(one(objs, 'SubnetGroup').metadata).toMatchObject({ annotations: { 'crossplane.io/external-name': 'stage-shop-main' } });
    expect(one(objs, 'SubnetGroup').spec.forProvider!.subnetIds).toEqual(NETWORK.secureSubnetIds);
  });

  it('GIVEN production WHEN rendered THEN multi-AZ and deletion protection are on', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', { env: PROD, network: NETWORK, name: 'main', kmsKeyRef: { name: 'tenant-key' } });
    expect(one(objectsOf(chart), 'Instance').spec.forProvider).toMatchObject({ multiAz: true, deletionProtection: true, identifier: 'prod-shop-main' });
  });

  it('GIVEN the security group WHEN rendered THEN it admits port 5432 from the compute tier only', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', { env: ENV, network: NETWORK, name: 'main', kmsKeyRef: { name: 'tenant-key' } });
    expect(one(objectsOf(chart), 'SecurityGroupIngressRule').spec.forProvider).toMatchObject({
      ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, referencedSecurityGroupId: 'sg-0000000c', securityGroupIdRef: { name: 'postgres-main' },
    });
  });
});

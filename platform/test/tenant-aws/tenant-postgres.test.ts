import { describe, expect, it } from 'vitest';
import type { TenantAwsItem } from '../../src/tenant-aws/tenant-aws-kind.js';
import { DATABASES, TenantPostgres } from '../../src/tenant-aws/tenant-postgres.js';
import { resolveAccessFrom } from '../../src/tenant-aws/tenant-database-network.js';
import { ENV, NETWORK, PROD, byKind, newChart, objectsOf, one } from './_env.js';

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

describe('TenantPostgres variants', () => {
  const base = { env: ENV, network: NETWORK, name: 'main', kmsKeyRef: { name: 'tenant-key' } } as const;

  it('GIVEN rds.logical_replication and work_mem WHEN rendered THEN a postgres17 parameter group applies the static one at reboot and is attached', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', { ...base, parameters: { work_mem: '65536', 'rds.logical_replication': '1' } });
    const objs = objectsOf(chart);
    const pg = one(objs, 'ParameterGroup');
    expect(pg.metadata).toMatchObject({ name: 'postgres-main', annotations: { 'crossplane.io/external-name': 'stage-shop-main' } });
    expect(pg.spec.forProvider).toMatchObject({
      family: 'postgres17',
      parameter: [{ name: 'rds.logical_replication', value: '1', applyMethod: 'pending-reboot' }, { name: 'work_mem', value: '65536', applyMethod: 'immediate' }],
    });
    expect(one(objs, 'Instance').spec.forProvider!.parameterGroupNameRef).toEqual({ name: 'postgres-main' });
  });

  it('GIVEN no parameters WHEN rendered THEN there is no parameter group and the instance names none', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', base);
    const objs = objectsOf(chart);
    expect(byKind(objs, 'ParameterGroup')).toEqual([]);
    expect(one(objs, 'Instance').spec.forProvider).not.toHaveProperty('parameterGroupNameRef');
  });

  it('GIVEN MySQL 8.0 and MariaDB WHEN rendered THEN engine, family, logs and the security group port follow the engine', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', { ...base, engine: 'mysql', engineVersion: '8.0.39', parameters: { max_allowed_packet: '67108864' } });
    const objs = objectsOf(chart);
    expect(one(objs, 'Instance').spec.forProvider).toMatchObject({ engine: 'mysql', engineVersion: '8.0.39', enabledCloudwatchLogsExports: ['error', 'slowquery'] });
    expect(one(objs, 'ParameterGroup').spec.forProvider!.family).toBe('mysql8.0');
    expect(one(objs, 'SecurityGroupIngressRule').spec.forProvider).toMatchObject({ fromPort: 3306, toPort: 3306 });
    expect(one(objs, 'SecurityGroup').spec.forProvider!.description).toBe('MySQL stage-shop-main: compute tier only');

    const maria = newChart();
    new TenantPostgres(maria, 'db', { ...base, engine: 'mariadb' });
    expect(one(objectsOf(maria), 'Instance').spec.forProvider).toMatchObject({ engine: 'mariadb', engineVersion: '11.4' });
  });

  it('GIVEN two read replicas and parameters WHEN rendered THEN each replicates the primary by identifier, shares its group and writes its own Secret', () => {
    const chart = newChart();
    new TenantPostgres(chart, 'db', { ...base, readReplicas: 2, parameters: { 'rds.logical_replication': '1' } });
    const replicas = byKind(objectsOf(chart), 'Instance').filter((o) => o.metadata.name !== 'postgres-main');
    expect(replicas.map((r) => r.metadata.name)).toEqual(['postgres-main-replica-1', 'postgres-main-replica-2']);
    expect(replicas[0]!.spec.forProvider).toMatchObject({
      identifier: 'stage-shop-main-replica-1', replicateSourceDb: 'stage-shop-main', instanceClass: 'db.t4g.small', parameterGroupNameRef: { name: 'postgres-main' },
      vpcSecurityGroupIdRefs: [{ name: 'postgres-main' }], publiclyAccessible: false, skipFinalSnapshot: true,
    });
    // RDS copies these from the source; setting them on a replica would conflict.
    for (const f of ['engine', 'username', 'passwordSecretRef', 'allocatedStorage', 'dbSubnetGroupNameRef', 'kmsKeyIdRef']) expect(replicas[0]!.spec.forProvider).not.toHaveProperty(f);
    expect(replicas[1]!.spec.writeConnectionSecretToRef).toEqual({ name: 'main-postgres-replica-2' });
    expect(replicas[1]!.spec.managementPolicies).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
  });

  it('GIVEN allowed networks WHEN rendered THEN the security group admits exactly their CIDRs on the engine port, besides the compute tier', () => {
    const chart = newChart();
    const allowed = [{ name: 'office-vpn', cidr: '10.200.0.0/16', description: 'Office VPN' }, { name: 'peer', cidr: '10.60.0.0/16' }];
    new TenantPostgres(chart, 'db', { ...base, accessFrom: resolveAccessFrom(['office-vpn', '10.60.4.0/24'], allowed) });
    const rules = byKind(objectsOf(chart), 'SecurityGroupIngressRule');
    expect(rules.map((r) => [r.metadata.name, r.spec.forProvider!.cidrIpv4, r.spec.forProvider!.fromPort, r.spec.forProvider!.description])).toEqual([
      ['postgres-main-from-compute', undefined, 5432, 'from the compute tier only'],
      ['postgres-main-from-office-vpn', '10.200.0.0/16', 5432, 'Office VPN'],
      ['postgres-main-from-cidr-10-60-4-0-24', '10.60.4.0/24', 5432, '10.60.4.0/24 of peer'],
    ]);
    expect(rules[1]!.spec.forProvider).not.toHaveProperty('referencedSecurityGroupId');
  });
});

describe('DATABASES', () => {
  const item = (over: Partial<TenantAwsItem<'databases'>>): TenantAwsItem<'databases'> => ({
    name: 'main', engine: 'postgres', instanceClass: 'db.t4g.small', allocatedStorage: 20, maxAllocatedStorage: 100, backupRetentionDays: 7,
    multiAz: {}, deletionProtection: {}, parameters: {}, readReplicas: 0, accessFrom: [], ...over,
  });

  it('GIVEN a mysql database WHEN its egress is asked THEN it is mysql on 3306, a postgres one postgres on 5432', () => {
    expect(DATABASES.vpc!.egressOf(item({ engine: 'mysql' }))).toBe('mysql');
    expect(DATABASES.vpc!.egressOf(item({ engine: 'mariadb' }))).toBe('mysql');
    expect(DATABASES.vpc!.egressOf(item({}))).toBe('postgres');
    expect(DATABASES.vpc!.ports).toEqual({ postgres: 5432, mysql: 3306 });
  });

  it('GIVEN a version of another engine, a reserved parameter and a replica-like name WHEN checked THEN each is named with what is allowed', () => {
    expect(DATABASES.checks!(item({ engine: 'mysql', engineVersion: '17', parameters: { require_secure_transport: 'OFF', max_connections: '500' } }))).toEqual([
      { path: ['engineVersion'], message: 'found "17" for engine mysql; allowed: a version of 8.0, 8.4 (MySQL majors the platform supports), optionally with a minor version' },
      { path: ['parameters', 'require_secure_transport'], message: 'found require_secure_transport: "OFF"; allowed: "1", "ON" (the platform reserves require_secure_transport on MySQL: it keeps TLS and password hashing strong), or leave it out' },
    ]);
    expect(DATABASES.checks!(item({ name: 'main-replica-1', parameters: { 'rds.force_ssl': '0' } })).map((p) => p.path.join('.'))).toEqual(['name', 'parameters.rds.force_ssl']);
    expect(DATABASES.checks!(item({ engineVersion: '16.4', parameters: { 'rds.force_ssl': '1', 'rds.logical_replication': '1' } }))).toEqual([]);
  });
});

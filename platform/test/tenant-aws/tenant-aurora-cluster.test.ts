import { describe, expect, it } from 'vitest';
import { TenantAuroraCluster } from '../../src/tenant-aws/tenant-aurora-cluster.js';
import { ENV, NETWORK, PROD, byKind, newChart, objectsOf, one } from './_env.js';

const base = { env: ENV, network: NETWORK, name: 'events', kmsKeyRef: { name: 'tenant-key' } } as const;

describe('TenantAuroraCluster', () => {
  it('GIVEN defaults on staging WHEN rendered THEN one retained, encrypted Aurora PostgreSQL cluster with a writer instance and the database network', () => {
    const chart = newChart();
    new TenantAuroraCluster(chart, 'db', base);
    const objs = objectsOf(chart);
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'SubnetGroup/postgres-events', 'SecurityGroup/postgres-events', 'SecurityGroupIngressRule/postgres-events-from-compute', 'Cluster/postgres-events',
      'ClusterInstance/postgres-events-instance-1',
    ]);
    const cluster = one(objs, 'Cluster');
    expect(cluster.metadata).toMatchObject({ annotations: { 'crossplane.io/external-name': 'stage-shop-events' } });
    expect(cluster.spec.managementPolicies).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(cluster.spec.writeConnectionSecretToRef).toEqual({ name: 'events-postgres' });
    expect(cluster.spec.forProvider).toMatchObject({
      engine: 'aurora-postgresql', engineVersion: '16.6', databaseName: 'events', masterUsername: 'app', autoGeneratePassword: true,
      masterPasswordSecretRef: { name: 'events-postgres-master', key: 'password' }, port: 5432, storageEncrypted: true, kmsKeyIdRef: { name: 'tenant-key' },
      dbSubnetGroupNameRef: { name: 'postgres-events' }, vpcSecurityGroupIdRefs: [{ name: 'postgres-events' }], deletionProtection: false,
      backupRetentionPeriod: 7, skipFinalSnapshot: false, finalSnapshotIdentifier: 'stage-shop-events-final',
    });
    expect(cluster.spec.forProvider).not.toHaveProperty('dbClusterParameterGroupNameRef');
    const writer = one(objs, 'ClusterInstance');
    expect(writer.metadata).toMatchObject({ annotations: { 'crossplane.io/external-name': 'stage-shop-events-instance-1' } });
    expect(writer.spec.forProvider).toMatchObject({
      clusterIdentifierRef: { name: 'postgres-events' }, engine: 'aurora-postgresql', instanceClass: 'db.t4g.medium', publiclyAccessible: false, promotionTier: 0,
    });
    expect(one(objs, 'SecurityGroupIngressRule').spec.forProvider).toMatchObject({ fromPort: 5432, toPort: 5432 });
  });

  it('GIVEN production WHEN rendered THEN deletion protection is on and a second instance waits to take over', () => {
    const chart = newChart();
    new TenantAuroraCluster(chart, 'db', { ...base, env: PROD });
    const objs = objectsOf(chart);
    expect(one(objs, 'Cluster').spec.forProvider).toMatchObject({ deletionProtection: true });
    expect(byKind(objs, 'ClusterInstance').map((o) => o.spec.forProvider!.promotionTier)).toEqual([0, 1]);
  });

  it('GIVEN two readers and cluster parameters WHEN rendered THEN three instances, and an aurora-postgresql family cluster parameter group attached to the cluster', () => {
    const chart = newChart();
    new TenantAuroraCluster(chart, 'db', { ...base, engineVersion: '15.8', readReplicas: 2, parameters: { 'rds.logical_replication': '1' } });
    const objs = objectsOf(chart);
    expect(byKind(objs, 'ClusterInstance').map((o) => o.metadata.name)).toEqual(['postgres-events-instance-1', 'postgres-events-instance-2', 'postgres-events-instance-3']);
    expect(one(objs, 'ClusterParameterGroup').spec.forProvider).toMatchObject({
      family: 'aurora-postgresql15', parameter: [{ name: 'rds.logical_replication', value: '1', applyMethod: 'pending-reboot' }],
    });
    expect(one(objs, 'Cluster').spec.forProvider!.dbClusterParameterGroupNameRef).toEqual({ name: 'postgres-events' });
    expect(byKind(objs, 'ParameterGroup')).toEqual([]);
  });
});

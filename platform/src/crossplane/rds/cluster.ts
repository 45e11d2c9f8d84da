import { BOOL, NUM, STR, STR_MAP, referable, regional } from '../_fields.js';
import type { Ref, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';
import { RDS_DATABASE_FIELDS, SECRET_KEY_REF, type SecretKeyRef } from './instance.js';

const rds = kindsOf('rds.aws.m.upbound.io/v1beta1');

/**
 * rds.aws.m.upbound.io/v1beta1 Cluster (an Aurora DB cluster). Name-identified: the external name is the cluster
 * identifier. Its connection details are `endpoint` (the writer), `reader_endpoint`, `master_username`, `port` and
 * the sensitive `attribute.master_password`.
 */
export const RDS_CLUSTER = rds('Cluster', regional({
  ...RDS_DATABASE_FIELDS,
  autoGeneratePassword: BOOL,
  backupRetentionPeriod: { type: 'number', minimum: 1, maximum: 35 },
  databaseName: STR,
  ...referable('dbClusterParameterGroupName'),
  masterPasswordSecretRef: SECRET_KEY_REF,
  masterUsername: STR,
}));

export interface RdsClusterForProvider extends TaggedForProvider {
  readonly engine: 'aurora-postgresql';
  readonly engineVersion: string;
  readonly databaseName: string;
  readonly masterUsername: string;
  /** Let the provider generate the master password into `masterPasswordSecretRef`. */
  readonly autoGeneratePassword: boolean;
  readonly masterPasswordSecretRef: SecretKeyRef;
  readonly port: number;
  readonly storageEncrypted: boolean;
  readonly kmsKeyIdRef: Ref;
  readonly dbSubnetGroupNameRef: Ref;
  readonly dbClusterParameterGroupNameRef?: Ref;
  readonly vpcSecurityGroupIdRefs: readonly Ref[];
  readonly deletionProtection: boolean;
  readonly backupRetentionPeriod: number;
  readonly copyTagsToSnapshot: boolean;
  readonly skipFinalSnapshot: boolean;
  readonly finalSnapshotIdentifier: string;
  readonly iamDatabaseAuthenticationEnabled: boolean;
  readonly enabledCloudwatchLogsExports: readonly string[];
}

/** An Aurora DB cluster: it holds the data (the cluster volume). Emit it with `retain: true`. */
export const RdsCluster = managedResourceClass<RdsClusterForProvider>(RDS_CLUSTER);

/** rds.aws.m.upbound.io/v1beta1 ClusterInstance. Name-identified: the external name is the DB instance identifier. */
export const RDS_CLUSTER_INSTANCE = rds('ClusterInstance', regional({
  autoMinorVersionUpgrade: BOOL,
  ...referable('clusterIdentifier'),
  copyTagsToSnapshot: BOOL,
  ...referable('dbSubnetGroupName'),
  engine: STR,
  engineVersion: STR,
  instanceClass: STR,
  promotionTier: NUM,
  publiclyAccessible: BOOL,
  tags: STR_MAP,
}));

export interface RdsClusterInstanceForProvider extends TaggedForProvider {
  readonly clusterIdentifierRef: Ref;
  /** Must be the cluster's engine. */
  readonly engine: 'aurora-postgresql';
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly dbSubnetGroupNameRef: Ref;
  readonly publiclyAccessible: boolean;
  /** Failover order, 0 (first) to 15. */
  readonly promotionTier: number;
  readonly autoMinorVersionUpgrade: boolean;
  readonly copyTagsToSnapshot: boolean;
}

/** One DB instance of an Aurora cluster (the writer or a reader; Aurora picks the writer). */
export const RdsClusterInstance = managedResourceClass<RdsClusterInstanceForProvider>(RDS_CLUSTER_INSTANCE);

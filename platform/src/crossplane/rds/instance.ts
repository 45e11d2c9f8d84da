import { BOOL, NUM, STR, STR_MAP, arr, obj, referable, referableList, regional } from '../_fields.js';
import type { Ref, Selector, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const rds = kindsOf('rds.aws.m.upbound.io/v1beta1');

/** A key of a Secret in the MR's namespace (namespaced MRs have no `namespace` here). */
export interface SecretKeyRef {
  readonly name: string;
  readonly key: string;
}

/** JSON Schema of a {@link SecretKeyRef}. */
export const SECRET_KEY_REF = obj({ name: STR, key: STR }, ['name', 'key']);

/**
 * rds.aws.m.upbound.io/v1beta1 Instance. ID-identified: the DB identifier is `forProvider.identifier`,
 * which the platform always sets. `instanceClass` is required when Crossplane creates or updates.
 */
/** forProvider fields a DB instance and an Aurora DB cluster share. */
export const RDS_DATABASE_FIELDS: Readonly<Record<string, object>> = {
  backupRetentionPeriod: { type: 'number', minimum: 0, maximum: 35 },
  copyTagsToSnapshot: BOOL,
  ...referable('dbSubnetGroupName'),
  deletionProtection: BOOL,
  enabledCloudwatchLogsExports: arr(STR),
  engine: STR,
  engineVersion: STR,
  finalSnapshotIdentifier: STR,
  iamDatabaseAuthenticationEnabled: BOOL,
  ...referable('kmsKeyId'),
  port: NUM,
  skipFinalSnapshot: BOOL,
  storageEncrypted: BOOL,
  tags: STR_MAP,
  ...referableList('vpcSecurityGroupIds', 'vpcSecurityGroupId'),
};

export const RDS_INSTANCE = rds('Instance', regional({
  ...RDS_DATABASE_FIELDS,
  allocatedStorage: NUM,
  allowMajorVersionUpgrade: BOOL,
  applyImmediately: BOOL,
  autoGeneratePassword: BOOL,
  autoMinorVersionUpgrade: BOOL,
  backupWindow: STR,
  caCertIdentifier: STR,
  dbName: STR,
  deleteAutomatedBackups: BOOL,
  identifier: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
  instanceClass: STR,
  iops: NUM,
  maintenanceWindow: STR,
  maxAllocatedStorage: NUM,
  multiAz: BOOL,
  ...referable('parameterGroupName'),
  passwordSecretRef: SECRET_KEY_REF,
  performanceInsightsEnabled: BOOL,
  publiclyAccessible: BOOL,
  replicateSourceDb: STR,
  storageThroughput: NUM,
  storageType: { type: 'string', enum: ['standard', 'gp2', 'gp3', 'io1', 'io2'] },
  username: STR,
}));

/** What every DB instance sets, primary or read replica. */
interface RdsInstanceBase extends TaggedForProvider {
  /** The DB instance identifier in AWS; unique per account and region. */
  readonly identifier: string;
  readonly instanceClass: string;
  readonly vpcSecurityGroupIdRefs?: readonly Ref[];
  readonly parameterGroupNameRef?: Ref;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly copyTagsToSnapshot?: boolean;
  readonly skipFinalSnapshot?: boolean;
  readonly finalSnapshotIdentifier?: string;
  readonly publiclyAccessible: boolean;
  readonly autoMinorVersionUpgrade?: boolean;
  readonly iamDatabaseAuthenticationEnabled?: boolean;
  readonly performanceInsightsEnabled?: boolean;
  readonly enabledCloudwatchLogsExports?: readonly string[];
}

/** A primary DB instance: it holds the engine, the storage, the master user and the backups. */
export interface RdsPrimaryForProvider extends RdsInstanceBase {
  readonly engine: string;
  readonly engineVersion: string;
  /** GiB. */
  readonly allocatedStorage: number;
  /** Storage autoscaling ceiling, GiB. */
  readonly maxAllocatedStorage?: number;
  readonly storageType?: 'standard' | 'gp2' | 'gp3' | 'io1' | 'io2';
  readonly storageEncrypted: boolean;
  readonly kmsKeyIdRef?: Ref;
  readonly kmsKeyIdSelector?: Selector;
  readonly dbName?: string;
  readonly username: string;
  /** Let the provider generate the master password into `passwordSecretRef`. */
  readonly autoGeneratePassword?: boolean;
  readonly passwordSecretRef: SecretKeyRef;
  readonly dbSubnetGroupNameRef?: Ref;
  readonly backupRetentionPeriod: number;
}

/**
 * A read replica in the region of its source: RDS copies the engine, version, storage, encryption key, subnet group
 * and master user from the source instance, so they are not set here.
 */
export interface RdsReplicaForProvider extends RdsInstanceBase {
  /** The identifier of the source DB instance (same region). */
  readonly replicateSourceDb: string;
}

export type RdsInstanceForProvider = RdsPrimaryForProvider | RdsReplicaForProvider;

/** An RDS DB instance. Holds data: emit it with `retain: true`. */
export const RdsInstance = managedResourceClass<RdsInstanceForProvider>(RDS_INSTANCE);

/** rds.aws.m.upbound.io/v1beta1 SubnetGroup. Name-identified: the external name is the DB subnet group name. */
export const RDS_SUBNET_GROUP = rds('SubnetGroup', regional({ description: STR, ...referableList('subnetIds', 'subnetId'), tags: STR_MAP }));

/** forProvider of a subnet group (RDS and ElastiCache have the same shape). */
export interface SubnetGroupForProvider extends TaggedForProvider {
  readonly description?: string;
  readonly subnetIds: readonly string[];
}

/** A DB subnet group; set `externalName` so two namespaces never share one. */
export const RdsSubnetGroup = managedResourceClass<SubnetGroupForProvider>(RDS_SUBNET_GROUP);

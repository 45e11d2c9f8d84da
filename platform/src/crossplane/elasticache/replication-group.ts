import { BOOL, NUM, STR, STR_MAP, arr, oneOf, referable, referableList, regional } from '../_fields.js';
import type { Ref, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';
import { SECRET_KEY_REF, type SecretKeyRef, type SubnetGroupForProvider } from '../rds/instance.js';

const elasticache = kindsOf('elasticache.aws.m.upbound.io/v1beta1');

/**
 * elasticache.aws.m.upbound.io/v1beta1 ReplicationGroup (Redis/Valkey). Name-identified: the external
 * name is the replication group id (at most 40 characters). `description` is required on create.
 */
export const ELASTICACHE_REPLICATION_GROUP = elasticache('ReplicationGroup', regional({
  applyImmediately: BOOL,
  // The provider models these two flags as strings ("true"/"false").
  atRestEncryptionEnabled: oneOf('true', 'false'),
  authTokenSecretRef: SECRET_KEY_REF,
  authTokenUpdateStrategy: oneOf('SET', 'ROTATE', 'DELETE'),
  autoGenerateAuthToken: BOOL,
  autoMinorVersionUpgrade: oneOf('true', 'false'),
  automaticFailoverEnabled: BOOL,
  description: STR,
  engine: oneOf('redis', 'valkey'),
  engineVersion: STR,
  ...referable('kmsKeyId'),
  maintenanceWindow: STR,
  multiAzEnabled: BOOL,
  nodeType: STR,
  numCacheClusters: { type: 'number', minimum: 1, maximum: 6 },
  parameterGroupName: STR,
  port: NUM,
  ...referableList('securityGroupIds', 'securityGroupId'),
  snapshotRetentionLimit: NUM,
  snapshotWindow: STR,
  ...referable('subnetGroupName'),
  tags: STR_MAP,
  transitEncryptionEnabled: BOOL,
  transitEncryptionMode: oneOf('preferred', 'required'),
  userGroupIds: arr(STR),
}, ['description']));

export interface ReplicationGroupForProvider extends TaggedForProvider {
  readonly description: string;
  readonly engine: 'redis' | 'valkey';
  readonly engineVersion: string;
  readonly nodeType: string;
  /** Primary plus replicas (1 to 6). */
  readonly numCacheClusters: number;
  readonly automaticFailoverEnabled: boolean;
  readonly multiAzEnabled: boolean;
  readonly atRestEncryptionEnabled: 'true' | 'false';
  readonly kmsKeyIdRef?: Ref;
  readonly transitEncryptionEnabled: boolean;
  readonly transitEncryptionMode?: 'preferred' | 'required';
  /** Let the provider generate the AUTH token into `authTokenSecretRef`. */
  readonly autoGenerateAuthToken?: boolean;
  readonly authTokenSecretRef: SecretKeyRef;
  readonly subnetGroupNameRef?: Ref;
  readonly securityGroupIdRefs?: readonly Ref[];
  readonly snapshotRetentionLimit?: number;
  readonly port?: number;
}

/** An ElastiCache replication group. Holds data: emit it with `retain: true`. */
export const ElastiCacheReplicationGroup = managedResourceClass<ReplicationGroupForProvider>(ELASTICACHE_REPLICATION_GROUP);

/** elasticache.aws.m.upbound.io/v1beta1 SubnetGroup. Name-identified: the external name is the group name. */
export const ELASTICACHE_SUBNET_GROUP = elasticache('SubnetGroup', regional({ description: STR, ...referableList('subnetIds', 'subnetId'), tags: STR_MAP }));

/** A cache subnet group; set `externalName` so two namespaces never share one. */
export const ElastiCacheSubnetGroup = managedResourceClass<SubnetGroupForProvider>(ELASTICACHE_SUBNET_GROUP);

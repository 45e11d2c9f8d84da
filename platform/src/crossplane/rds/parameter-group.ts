import { STR, STR_MAP, arr, obj, oneOf, regional } from '../_fields.js';
import type { TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const rds = kindsOf('rds.aws.m.upbound.io/v1beta1');

/** One parameter of a DB parameter group. */
export interface DbParameter {
  readonly name: string;
  readonly value: string;
  /** `immediate` for dynamic parameters; `pending-reboot` for static ones (RDS refuses `immediate` for those). */
  readonly applyMethod: 'immediate' | 'pending-reboot';
}

/**
 * rds.aws.m.upbound.io/v1beta1 ParameterGroup. Name-identified: the external name is the DB parameter group name.
 * `family` (e.g. `postgres17`) must match the engine and major version of the instances that use it.
 */
const PARAMETER_GROUP_FIELDS = {
  description: STR,
  family: STR,
  parameter: arr(obj({ name: STR, value: STR, applyMethod: oneOf('immediate', 'pending-reboot') }, ['name', 'value'])),
  tags: STR_MAP,
};

export const RDS_PARAMETER_GROUP = rds('ParameterGroup', regional(PARAMETER_GROUP_FIELDS, ['family']));

/**
 * rds.aws.m.upbound.io/v1beta1 ClusterParameterGroup: the same shape for an Aurora cluster (`family` e.g.
 * `aurora-postgresql17`). Name-identified: the external name is the DB cluster parameter group name.
 */
export const RDS_CLUSTER_PARAMETER_GROUP = rds('ClusterParameterGroup', regional(PARAMETER_GROUP_FIELDS, ['family']));

export interface ParameterGroupForProvider extends TaggedForProvider {
  readonly family: string;
  readonly description?: string;
  readonly parameter: readonly DbParameter[];
}

/** A DB parameter group; set `externalName` so two namespaces never share one. */
export const RdsParameterGroup = managedResourceClass<ParameterGroupForProvider>(RDS_PARAMETER_GROUP);

/** A DB cluster parameter group; set `externalName` so two namespaces never share one. */
export const RdsClusterParameterGroup = managedResourceClass<ParameterGroupForProvider>(RDS_CLUSTER_PARAMETER_GROUP);

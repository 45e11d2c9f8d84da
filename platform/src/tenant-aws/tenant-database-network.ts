import { Construct } from 'constructs';
import { Cidr } from '../network/cidr.js';
import { RdsSubnetGroup } from '../crossplane/rds/instance.js';
import { type TenantAwsEnv, type TenantNetwork, fittedAwsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import { TenantSecurityGroup } from './tenant-security-group.js';
import { DATABASE_ENGINES, type DatabaseEngineName, type DatabaseParameters, defaultEngineVersion, engineParameters, parameterGroupFamily } from './database-engines.js';
import { connectionSecretName } from './tenant-connection-secrets.js';
import type { ParameterGroupForProvider } from '../crossplane/rds/parameter-group.js';

/** Appended to a database's identifier for its final snapshot. */
export const FINAL_SNAPSHOT_SUFFIX = '-final';
/** The identifier of a database (its RDS instance or Aurora cluster), with room for its final snapshot. */
export const DATABASE_IDENTIFIER = { what: 'RDS instance identifier', max: 63, reserve: FINAL_SNAPSHOT_SUFFIX };
/** The identifier of a read replica or an Aurora cluster's instance: they take no final snapshot, holding no data of their own. */
export const MEMBER_IDENTIFIER = { what: 'RDS read replica identifier', max: 63 };
/** What ends the name of a database's members (`-replica-<n>`, `-instance-<n>`): no database may be named so. */
export const MEMBER_NAME = /-(replica|instance)-[0-9]+$/;

/** `<cluster>-<prefix>-<name>`, shortened to fit with `-final`: the database's RDS instance or Aurora cluster identifier. */
export function databaseIdentifier(env: TenantAwsEnv, name: string): string {
  return fittedAwsName(env, DATABASE_IDENTIFIER, name);
}

/** The identifier of member `n` (from 1) of a database: a read replica of an instance, or an instance of an Aurora cluster. */
export function memberIdentifier(env: TenantAwsEnv, name: string, member: 'replica' | 'instance', n: number): string {
  return fittedAwsName(env, MEMBER_IDENTIFIER, `${name}-${member}-${n}`);
}

/** A network outside the cluster that may reach the database, resolved from `accessFrom` against the cluster's allowlist. */
export interface DatabaseAccessCidr {
  /** Unique among the database's networks; names the ingress rule (`postgres-<name>-from-<label>`). */
  readonly label: string;
  readonly cidr: string;
  readonly description: string;
}

/** What every tenant database construct takes, whatever its engine (`TenantPostgres`, `TenantAuroraCluster`). */
export interface TenantDatabaseProps {
  readonly env: TenantAwsEnv;
  readonly network: TenantNetwork;
  /** Short name; the database is `<cluster>-<prefix>-<name>`, shortened to fit RDS's 63 characters with `-final`. */
  readonly name: string;
  /** The tenant key (`TenantKmsKey.ref`). */
  readonly kmsKeyRef: { readonly name: string };
  /** @default - the engine's default version (`DatabaseEngine.defaultVersion`: '17' for postgres) */
  readonly engineVersion?: string;
  /** Class of each instance. @default - the engine's smallest (`DatabaseEngine.defaultInstanceClass`: 'db.t4g.small', Aurora 'db.t4g.medium') */
  readonly instanceClass?: string;
  /** @default 7 */
  readonly backupRetentionDays?: number;
  /** A standby (Aurora: a reader to fail over to) in a second zone. @default - true in production only */
  readonly multiAz?: boolean;
  /** @default - true in production only */
  readonly deletionProtection?: boolean;
  /** Engine parameters; when any, a (cluster) parameter group of the engine's family is attached. @default {} */
  readonly parameters?: DatabaseParameters;
  /** Read replicas (Aurora: reader instances). @default 0 */
  readonly readReplicas?: number;
  /** Networks outside the cluster that may reach the port. @default [] */
  readonly accessFrom?: readonly DatabaseAccessCidr[];
}

/** What every database of one engine derives from its props: names, version, parameters and environment defaults. */
export function databaseBasics(props: TenantDatabaseProps, engine: DatabaseEngineName) {
  const { env, name } = props;
  const mrName = `postgres-${name}`;
  return {
    production: env.environment === 'production',
    engine: DATABASE_ENGINES[engine],
    engineVersion: props.engineVersion ?? defaultEngineVersion(engine),
    parameters: props.parameters ?? {},
    mrName,
    common: mrCommon(env, mrName),
    identifier: databaseIdentifier(env, name),
    connectionSecret: connectionSecretName('database', name),
  };
}

/** The forProvider of a database's (cluster) parameter group: the family of its engine and major, its parameters sorted. */
export function parameterGroupForProvider(
  env: TenantAwsEnv, identifier: string, engine: DatabaseEngineName, engineVersion: string, parameters: DatabaseParameters,
): ParameterGroupForProvider {
  return {
    region: env.region, family: parameterGroupFamily(engine, engineVersion), description: `Parameters of ${identifier}`,
    parameter: engineParameters(engine, parameters), tags: tenantTags(env),
  };
}

export interface TenantDatabaseNetworkProps {
  readonly env: TenantAwsEnv;
  readonly network: TenantNetwork;
  /** `metadata.name` of the subnet group and the security group (`postgres-<name>`). */
  readonly mrName: string;
  /** The database's AWS identifier: the subnet group's AWS name. */
  readonly identifier: string;
  readonly engine: DatabaseEngineName;
  /** Networks outside the cluster that may reach the port. @default [] */
  readonly accessFrom?: readonly DatabaseAccessCidr[];
}

/**
 * Where a tenant database lives, whatever its engine: a DB subnet group on the secure tier and a security group that
 * admits the engine's port from the compute tier and the allowed networks only.
 */
export class TenantDatabaseNetwork extends Construct {
  /** The subnet group, for `dbSubnetGroupNameRef`. */
  readonly subnetGroupRef: { readonly name: string };
  /** The security group, for `vpcSecurityGroupIdRefs`. */
  readonly securityGroupRef: { readonly name: string };

  constructor(scope: Construct, id: string, props: TenantDatabaseNetworkProps) {
    super(scope, id);
    const { env, identifier, mrName } = props;
    const e = DATABASE_ENGINES[props.engine];
    const accessFrom = props.accessFrom ?? [];
    new RdsSubnetGroup(this, 'subnet-group', {
      ...mrCommon(env, mrName),
      externalName: identifier,
      forProvider: { region: env.region, description: `Secure tier for ${identifier}`, subnetIds: props.network.secureSubnetIds, tags: tenantTags(env) },
    });
    const sg = new TenantSecurityGroup(this, 'security-group', {
      env, network: props.network, name: mrName, port: e.port, fromCidrs: accessFrom,
      description: `${e.title} ${identifier}: ${accessFrom.length > 0 ? 'compute tier and allowed networks' : 'compute tier only'}`,
    });
    this.subnetGroupRef = { name: mrName };
    this.securityGroupRef = sg.ref;
  }
}

/** The database's `accessFrom` entries as CIDRs of the cluster's allowlist (entries it does not allow are the loader's errors, skipped here). */
export function resolveAccessFrom(accessFrom: readonly string[], allowed: readonly { name: string; cidr: string; description?: string }[]): DatabaseAccessCidr[] {
  return accessFrom.flatMap((entry) => {
    const byName = allowed.find((a) => a.name === entry);
    if (byName) return [{ label: byName.name, cidr: byName.cidr, description: byName.description ?? byName.name }];
    const within = allowed.find((a) => cidrWithin(entry, a.cidr));
    return within ? [{ label: `cidr-${entry.replace(/[./]/g, '-')}`, cidr: entry, description: `${entry} of ${within.name}` }] : [];
  });
}

/** True when every address of `inner` is in `outer` (both CIDRs); false when either is no valid network address. */
export function cidrWithin(inner: string, outer: string): boolean {
  try {
    return Cidr.parse(outer).contains(Cidr.parse(inner));
  } catch {
    return false;
  }
}

/** The cluster's `tenancy.databaseAccessCidrs`, which the renderer passes in `KindRenderContext.extra`. */
export type DatabaseAccessCidrs = readonly { readonly name: string; readonly cidr: string; readonly description?: string }[];

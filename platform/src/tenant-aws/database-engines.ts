/**
 * What the platform knows about each RDS engine a tenant database may run: its port, the majors it supports (and so
 * the parameter group family), the logs it exports, which parameters apply only at a reboot and which the platform
 * reserves. The database construct, its descriptor (egress, checks) and the docs read it from here.
 */

/** The `engine` of a tenant database. */
export type DatabaseEngineName = 'postgres' | 'mysql' | 'mariadb' | 'aurora-postgresql';

export interface DatabaseEngine {
  /** What it is, for messages and docs. */
  readonly title: string;
  /** An Aurora engine: a DB cluster with cluster instances and a cluster parameter group, not a DB instance. */
  readonly aurora: boolean;
  /** `instanceClass` when the database sets none (Aurora runs on db.t4g.medium at the smallest). */
  readonly defaultInstanceClass: string;
  /** The TCP port it listens on (RDS's default for the engine). */
  readonly port: number;
  /** The NetworkPolicy `allow-egress-<egressName>` to its port; engines on one port share one. */
  readonly egressName: string;
  /** The majors RDS runs that the platform supports, oldest first. */
  readonly majors: readonly string[];
  /** `engineVersion` when the database sets none: the newest major, or a minor of it where the engine needs one. */
  readonly defaultVersion: string;
  /** Aurora creates clusters only at a minor version (`16.6`), not a bare major. */
  readonly minorRequired: boolean;
  /** `enabledCloudwatchLogsExports`. */
  readonly logExports: readonly string[];
  /**
   * Parameters RDS lists with apply type `static` that tenants set: they take effect at the next reboot, so their
   * apply method is `pending-reboot` (RDS refuses `immediate` for them). Every other parameter applies at once.
   */
  readonly staticParameters: readonly string[];
  /** Parameters the platform holds: only the values listed are allowed (they keep TLS and password hashing strong). */
  readonly reserved: Readonly<Record<string, readonly string[]>>;
}

/** Static parameters of the MySQL family (RDS for MySQL and MariaDB) that tenants set. */
const MYSQL_STATIC = ['innodb_buffer_pool_instances', 'innodb_log_file_size', 'innodb_read_io_threads', 'innodb_write_io_threads', 'lower_case_table_names', 'performance_schema'];
/** MySQL and MariaDB: connections must use TLS 1.2 or later. */
const MYSQL_RESERVED = { require_secure_transport: ['1', 'ON'], tls_version: ['TLSv1.2', 'TLSv1.3', 'TLSv1.2,TLSv1.3'] };

/** PostgreSQL on RDS and on Aurora: one port, one log, the same static and reserved parameters. */
const POSTGRES = {
  port: 5432,
  egressName: 'postgres',
  majors: ['13', '14', '15', '16', '17'],
  logExports: ['postgresql'],
  staticParameters: [
    'autovacuum_max_workers', 'huge_pages', 'max_connections', 'max_locks_per_transaction', 'max_logical_replication_workers', 'max_pred_locks_per_transaction',
    'max_prepared_transactions', 'max_replication_slots', 'max_wal_senders', 'max_worker_processes', 'rds.logical_replication', 'shared_buffers',
    'shared_preload_libraries', 'track_activity_query_size', 'track_commit_timestamp', 'wal_buffers',
  ],
  reserved: { 'rds.force_ssl': ['1'], ssl_min_protocol_version: ['TLSv1.2', 'TLSv1.3'], password_encryption: ['scram-sha-256'] },
} as const;
/** MySQL and MariaDB on RDS. */
const MYSQL = { port: 3306, egressName: 'mysql', logExports: ['error', 'slowquery'], staticParameters: MYSQL_STATIC, reserved: MYSQL_RESERVED } as const;
const INSTANCE = { aurora: false, defaultInstanceClass: 'db.t4g.small', minorRequired: false } as const;

export const DATABASE_ENGINES: Readonly<Record<DatabaseEngineName, DatabaseEngine>> = {
  postgres: { title: 'PostgreSQL', ...INSTANCE, ...POSTGRES, defaultVersion: '17' },
  mysql: { title: 'MySQL', ...INSTANCE, ...MYSQL, majors: ['8.0', '8.4'], defaultVersion: '8.4' },
  mariadb: { title: 'MariaDB', ...INSTANCE, ...MYSQL, majors: ['10.6', '10.11', '11.4'], defaultVersion: '11.4' },
  'aurora-postgresql': { title: 'Aurora PostgreSQL', aurora: true, defaultInstanceClass: 'db.t4g.medium', minorRequired: true, ...POSTGRES, defaultVersion: '16.6' },
};

/** Burstable classes too small for Aurora (it starts at db.t3.medium and db.t4g.medium). */
const TOO_SMALL_FOR_AURORA = /^db\.t[34]g?\.(micro|small)$/;

/** Every engine name, in a stable order. */
export const DATABASE_ENGINE_NAMES = Object.keys(DATABASE_ENGINES) as DatabaseEngineName[];

/** The engine's default version. */
export function defaultEngineVersion(engine: DatabaseEngineName): string {
  return DATABASE_ENGINES[engine].defaultVersion;
}

/** The supported major a version belongs to (`8.0.39` → `8.0`); undefined when the engine has none. */
export function engineMajor(engine: DatabaseEngineName, version: string): string | undefined {
  return DATABASE_ENGINES[engine].majors.find((m) => version === m || version.startsWith(`${m}.`));
}

/** The (cluster) parameter group family of an engine version (`postgres17`, `mysql8.0`, `mariadb10.11`, `aurora-postgresql16`). */
export function parameterGroupFamily(engine: DatabaseEngineName, version: string): string {
  const major = engineMajor(engine, version);
  if (major === undefined) throw new Error(`'engineVersion' (${version}) is no ${engine} major the platform supports; allowed: ${DATABASE_ENGINES[engine].majors.join(', ')}`);
  return `${engine}${major}`;
}

/** A database's `parameters` as the schema types them (an index signature: values may read as undefined). */
export type DatabaseParameters = Readonly<Record<string, string | undefined>>;

/** One parameter of a DB parameter group, with the apply method its apply type needs. */
export interface EngineParameter {
  readonly name: string;
  readonly value: string;
  readonly applyMethod: 'immediate' | 'pending-reboot';
}

/** The parameters of a parameter group, sorted by name; static ones wait for the next reboot. */
export function engineParameters(engine: DatabaseEngineName, parameters: DatabaseParameters): EngineParameter[] {
  const statics = new Set(DATABASE_ENGINES[engine].staticParameters);
  return Object.keys(parameters).sort().flatMap((name) => {
    const value = parameters[name];
    return value === undefined ? [] : [{ name, value, applyMethod: statics.has(name) ? 'pending-reboot' : 'immediate' } as const];
  });
}

/** Problems of a database's engine, version and parameters, each at a path inside the entry. */
export function engineProblems(d: {
  readonly engine: DatabaseEngineName; readonly engineVersion?: string; readonly instanceClass?: string; readonly parameters: DatabaseParameters;
}): { path: string[]; message: string }[] {
  const e = DATABASE_ENGINES[d.engine];
  const problems: { path: string[]; message: string }[] = [];
  if (e.aurora && d.instanceClass !== undefined && TOO_SMALL_FOR_AURORA.test(d.instanceClass)) {
    problems.push({ path: ['instanceClass'], message: `found "${d.instanceClass}" for engine ${d.engine}; allowed: db.t4g.medium or larger (Aurora runs no smaller class)` });
  }
  if (d.engineVersion !== undefined && engineMajor(d.engine, d.engineVersion) === undefined) {
    problems.push({ path: ['engineVersion'], message: `found "${d.engineVersion}" for engine ${d.engine}; allowed: a version of ${e.majors.join(', ')} (${e.title} majors the platform supports), ${e.minorRequired ? 'with' : 'optionally with'} a minor version` });
  } else if (d.engineVersion !== undefined && e.minorRequired && engineMajor(d.engine, d.engineVersion) === d.engineVersion) {
    problems.push({ path: ['engineVersion'], message: `found "${d.engineVersion}" for engine ${d.engine}; allowed: a major with its minor version such as ${e.defaultVersion} (Aurora creates clusters only at a minor version)` });
  }
  for (const name of Object.keys(d.parameters).sort()) {
    const allowed = e.reserved[name];
    if (allowed && !allowed.includes(d.parameters[name] ?? '')) {
      problems.push({ path: ['parameters', name], message: `found ${name}: "${d.parameters[name]}"; allowed: ${allowed.map((v) => `"${v}"`).join(', ')} (the platform reserves ${name} on ${e.title}: it keeps TLS and password hashing strong), or leave it out` });
    }
  }
  return problems;
}

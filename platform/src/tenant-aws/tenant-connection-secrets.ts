/**
 * The connection Secrets of the tenant AWS kinds that write one: where each lives, what it is called and which keys
 * the provider writes into it. The constructs that create the managed resources name their Secret from here, and the
 * app contract's `connections` reads from here, so the two never drift apart.
 *
 * Keys are those of crossplane-contrib/provider-upjet-aws (namespaced `*.aws.m.upbound.io` kinds): the kind's
 * `AdditionalConnectionDetailsFn` in `config/namespaced/<group>/config.go`, plus `attribute.<field>` for each
 * sensitive Terraform attribute (upjet writes those itself).
 */

/** A tenant AWS kind with a connection Secret. */
export type ConnectionKind = 'database' | 'redis' | 'opensearch' | 'queue';

export interface ConnectionSecretKind {
  /** The field of an app's `connections` entry that names a resource of this kind. */
  readonly appField: 'fromDatabase' | 'fromRedis' | 'fromOpenSearch' | 'fromQueue';
  /** The list of the tenant file's `aws` section that declares these resources. */
  readonly tenantField: 'databases' | 'redis' | 'opensearch' | 'queues';
  /** What the Secret is called: `<name>-<suffix>`. */
  readonly suffix: string;
  /** Every key the provider writes, sorted. */
  readonly keys: readonly string[];
  /** Attached to the VPC: rendered (and so the Secret written) only on clusters whose file has `network.ids`. */
  readonly inVpc: boolean;
}

export const CONNECTION_SECRET_KINDS: Readonly<Record<ConnectionKind, ConnectionSecretKind>> = {
  // rds Instance: endpoint is `<address>:<port>`; host repeats address; password is the generated master password.
  database: { appField: 'fromDatabase', tenantField: 'databases', suffix: 'postgres', keys: ['address', 'attribute.password', 'endpoint', 'host', 'password', 'port', 'username'], inVpc: true },
  // elasticache ReplicationGroup (cluster mode off): the AUTH token is the sensitive attribute auth_token.
  redis: { appField: 'fromRedis', tenantField: 'redis', suffix: 'redis', keys: ['attribute.auth_token', 'port', 'primary_endpoint_address', 'reader_endpoint_address'], inVpc: true },
  // opensearch Domain: the HTTPS endpoint host; callers sign requests with their IAM role, so there is no password.
  opensearch: { appField: 'fromOpenSearch', tenantField: 'opensearch', suffix: 'opensearch', keys: ['endpoint'], inVpc: true },
  // sqs Queue: the queue URL that the SQS API calls take.
  queue: { appField: 'fromQueue', tenantField: 'queues', suffix: 'queue', keys: ['url'], inVpc: false },
};

/** Every connection kind, in a stable order. */
export const CONNECTION_KINDS = Object.keys(CONNECTION_SECRET_KINDS) as ConnectionKind[];

/** `<name>-<suffix>`: the connection Secret of one tenant resource, in the tenant's main namespace. */
export function connectionSecretName(kind: ConnectionKind, name: string): string {
  return `${name}-${CONNECTION_SECRET_KINDS[kind].suffix}`;
}

/** Keys of a read replica's Secret: a replica reports its own address and port and the source's master username, but no password. */
export const REPLICA_CONNECTION_KEYS: readonly string[] = ['address', 'endpoint', 'host', 'port', 'username'];

/**
 * Keys of an Aurora database's Secret (rds Cluster): the writer `endpoint` and the `reader_endpoint` (host names),
 * `port`, `master_username`, and the generated master password as the sensitive attribute master_password.
 */
export const AURORA_CONNECTION_KEYS: readonly string[] = ['attribute.master_password', 'endpoint', 'master_username', 'port', 'reader_endpoint'];

/** The keys of the connection Secret of a database of `engine`, or of its read replica. */
export function databaseConnectionKeys(engine: string, replica: boolean): readonly string[] {
  if (replica) return REPLICA_CONNECTION_KEYS;
  return engine === 'aurora-postgresql' ? AURORA_CONNECTION_KEYS : CONNECTION_SECRET_KINDS.database.keys;
}

/** `<name>-postgres-replica-<n>`: the connection Secret of read replica `n` (from 1) of the database `name`. */
export function replicaConnectionSecretName(name: string, n: number): string {
  return `${connectionSecretName('database', name)}-replica-${n}`;
}

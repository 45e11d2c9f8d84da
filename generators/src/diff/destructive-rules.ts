import { tenantAwsKinds } from '@platform/platform';

/**
 * What counts as destructive, as data: the kinds whose deletion loses data, and the fields whose change makes
 * the cloud provider replace (delete and recreate) the resource. The guard in `guard.ts` applies these; to
 * protect another platform kind or field, add a row here; a tenant AWS kind says so in its descriptor (`stateful`).
 *
 * Managed resources are Crossplane v2 namespaced MRs of provider-upjet-aws (`<service>.aws.m.upbound.io`);
 * the legacy cluster-scoped groups (`<service>.aws.upbound.io`) are matched too, so an adopted resource is
 * protected whichever API it is managed through.
 */

/** A kind whose deletion loses data or state. */
export interface StatefulKind {
  /** The AWS service, i.e. the first label of the API group (`s3` in `s3.aws.m.upbound.io`). */
  readonly service: string;
  readonly kind: string;
  /** Human name used in findings, e.g. `S3 bucket`. */
  readonly title: string;
  /** What is lost when the resource is deleted. */
  readonly loss: string;
}

/** A field that cannot be updated in place: changing it replaces the resource. */
export interface ReplacementField {
  readonly service: string;
  readonly kind: string;
  /** Path as printed by the differ, e.g. `spec.forProvider.cidrBlock`. */
  readonly path: string;
  /** Why a change replaces the resource. */
  readonly why: string;
}

/** The platform's own stateful kinds: cluster infrastructure and what every tenant gets (its key). */
const PLATFORM_STATEFUL_KINDS: readonly StatefulKind[] = [
  { service: 's3', kind: 'Bucket', title: 'S3 bucket', loss: 'every object stored in the bucket (logs, metrics, backups, tenant data)' },
  { service: 'kms', kind: 'Key', title: 'KMS key', loss: 'the key material: everything encrypted with it (EKS secrets, EBS volumes, S3 objects) becomes unreadable once the key is deleted' },
  { service: 'rds', kind: 'Cluster', title: 'RDS cluster', loss: 'the database cluster and, unless a final snapshot is taken, its data' },
  { service: 'eks', kind: 'Cluster', title: 'EKS cluster', loss: 'the Kubernetes control plane and etcd: every workload, secret and volume claim in the cluster' },
  { service: 'ec2', kind: 'VPC', title: 'VPC', loss: 'the network of the cluster: every subnet, node, load balancer and endpoint in it' },
  { service: 'ec2', kind: 'Subnet', title: 'subnet', loss: 'the nodes, load balancers and network interfaces placed in the subnet' },
  { service: 'route53', kind: 'Zone', title: 'Route53 hosted zone', loss: 'every record in the zone: the names under it stop resolving (a tenant zone is kept in AWS, but undelegated)' },
];

/** Every stateful kind: the platform's, then each tenant AWS kind's (`TenantAwsKind.stateful`), once per service and kind. */
export function statefulKinds(): readonly StatefulKind[] {
  const all = [...PLATFORM_STATEFUL_KINDS, ...tenantAwsKinds().flatMap((k) => k.stateful)];
  return all.filter((k, i) => all.findIndex((o) => o.service === k.service && o.kind === k.kind) === i);
}

/** The external name is the AWS identity of every managed resource that has one. */
export const EXTERNAL_NAME_PATH = 'metadata.annotations["crossplane.io/external-name"]';

/** The rows of one kind: forProvider field → why a change replaces the resource. */
function replacedBy(service: string, kind: string, fields: Readonly<Record<string, string>>): ReplacementField[] {
  return Object.entries(fields).map(([field, why]) => ({ service, kind, path: `spec.forProvider.${field}`, why }));
}

const SAME_ENGINE = 'the engine of a database cannot change in place';

export const REPLACEMENT_FIELDS: readonly ReplacementField[] = [
  ...replacedBy('ec2', 'VPC', { cidrBlock: 'the primary CIDR of a VPC cannot change' }),
  ...replacedBy('ec2', 'Subnet', {
    cidrBlock: 'the CIDR of a subnet cannot change',
    availabilityZone: 'a subnet cannot move to another availability zone',
    vpcId: 'a subnet cannot move to another VPC',
  }),
  ...replacedBy('rds', 'Instance', { engine: SAME_ENGINE, identifier: 'the identifier names the database instance' }),
  ...replacedBy('rds', 'Cluster', {
    engine: SAME_ENGINE,
    clusterIdentifier: 'the identifier names the database cluster',
    databaseName: 'the initial database name cannot change',
  }),
  ...replacedBy('dynamodb', 'Table', { hashKey: 'the partition key of a table cannot change', rangeKey: 'the sort key of a table cannot change' }),
  ...replacedBy('sqs', 'Queue', { fifoQueue: 'a queue cannot switch between standard and FIFO' }),
  ...replacedBy('route53', 'Zone', {
    name: 'the name of a hosted zone cannot change',
    delegationSetId: 'a hosted zone cannot move to another delegation set: its name servers would change under the delegation',
  }),
];

/** Every stateful managed resource is replaced when these change. */
export const STATEFUL_REPLACEMENT_PATHS: readonly { readonly path: string; readonly why: string }[] = [
  { path: EXTERNAL_NAME_PATH, why: 'the external name is the AWS identity of the resource: Crossplane would create a new one and stop managing the old' },
  { path: 'spec.forProvider.region', why: 'a resource cannot move to another region' },
];

/** Kubernetes kinds (core group) whose deletion loses data. */
export const STATEFUL_CORE_KINDS: readonly { readonly kind: string; readonly loss: string }[] = [
  { kind: 'Namespace', loss: 'every object in the namespace: workloads, Secrets, ConfigMaps, and the volumes of its PersistentVolumeClaims' },
  { kind: 'PersistentVolumeClaim', loss: 'the volume and its data when the storage class reclaim policy is Delete (the default for EBS)' },
];

/** Management policies that let Crossplane delete the external resource. */
export const DELETING_POLICIES: readonly string[] = ['Delete', '*'];

/** The Crossplane default when `spec.managementPolicies` is not set. */
export const DEFAULT_MANAGEMENT_POLICIES: readonly string[] = ['*'];

const AWS_GROUP = /^([a-z0-9]+)\.aws(\.m)?\.upbound\.io$/;

/** The stateful kind of an object, if it is one; `group` is the API group of its apiVersion. */
export function statefulKind(group: string, kind: string): StatefulKind | undefined {
  const service = AWS_GROUP.exec(group)?.[1];
  if (!service) return undefined;
  return statefulKinds().find((s) => s.service === service && s.kind === kind);
}

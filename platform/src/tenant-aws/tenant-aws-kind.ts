import type { Tenant } from '@platform/schemas';
import type { Construct } from 'constructs';
import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import type { AwsNameRule, TenantAwsEnv, TenantNetwork } from './tenant-aws-env.js';

/** One entry of a kind's list in the tenant file's `aws` section (its schema block): at least a name. */
export interface KindItem {
  readonly name: string;
}

/**
 * One entry of the tenant file field `F` as the schema defines it (defaults filled): a kind's descriptor takes its
 * entries in this type, so its construct's props and its schema block cannot drift apart unnoticed.
 */
export type TenantAwsItem<F extends keyof Tenant['aws']> = Tenant['aws'][F] extends readonly (infer I)[] ? I : never;

/** One AWS name a kind makes from each entry: the rule it must fit and the short name it starts from. */
export interface KindName<I extends KindItem = KindItem> {
  readonly rule: AwsNameRule;
  /** The short name after `<cluster>-<prefix>-` (e.g. `ci-<name>` for a registry's CI role). */
  readonly short: (item: I) => string;
  /** The part before the short name. @default 'name': `<cluster>-<prefix>-` */
  readonly head?: 'name' | 'bucket' | 'secret';
  /** The rule of one entry when it differs from `rule` (a FIFO queue reserves `-dlq.fifo`). @default - `rule` */
  readonly ruleOf?: (item: I) => AwsNameRule;
}

/** Where a tenant's resources of one kind live, for the patterns that scope IAM by name. */
export interface KindScope {
  readonly cluster: string;
  readonly accountId: string;
  readonly region: string;
  /** The tenant's AWS prefix, or an IAM policy variable that stands for it. */
  readonly prefix: string;
  /**
   * The tenant file's `aws` section, when the statements are for one tenant (its tenant role), for kinds whose AWS
   * names do not start with the tenant's prefix (SES identities are named after domains). @default - cluster-wide (the boundary)
   */
  readonly aws?: Readonly<Record<string, unknown>>;
}

/** A resource a kind makes whose deletion loses data: the destructive guard protects it. */
export interface KindStatefulResource {
  /** The AWS service, i.e. the first label of the API group (`s3` in `s3.aws.m.upbound.io`). */
  readonly service: string;
  readonly kind: string;
  /** Human name used in findings, e.g. `S3 bucket`. */
  readonly title: string;
  /** What is lost when the resource is deleted. */
  readonly loss: string;
}

/**
 * The TCP ports of a kind in the VPC, by egress name (each gives the NetworkPolicy `allow-egress-<name>`), and the one
 * each entry listens on: one for most kinds, the engine's for databases.
 */
export interface KindVpcPorts<I extends KindItem = KindItem> {
  readonly ports: Readonly<Record<string, number>>;
  /** The egress name of one entry, a key of `ports`. */
  readonly egressOf: (item: I) => string;
}

/** The VPC facet of a kind whose every entry listens on one port. */
export function oneVpcPort(egressName: string, port: number): KindVpcPorts {
  return { ports: { [egressName]: port }, egressOf: () => egressName };
}

/** What a kind's construct gets when it renders one entry on one cluster. */
export interface KindRenderContext {
  readonly env: TenantAwsEnv;
  /** The cluster's network ids; always set for a kind with a `vpcPort`. */
  readonly network?: TenantNetwork;
  /** The tenant key (`TenantKmsKey.ref`) and its alias (SQS and SNS take an alias). */
  readonly kmsKeyRef: { readonly name: string };
  readonly kmsKeyAlias: string;
  /** The tenant's workload roles, in the order of `aws.serviceAccounts`. */
  readonly workloadRoleArns: readonly string[];
  /** The role the tenant ProviderConfig assumes. */
  readonly tenantRoleArn: string;
  /** The tenant file's `aws` section, defaults filled. */
  readonly aws: Readonly<Record<string, unknown>>;
  /** Everything else one kind needs from the cluster or fleet (e.g. who may read a registry), by field. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** One way another tenant may use an entry of a kind when both files agree (`aws.uses`): `publish` to a topic, `read` a bucket. */
export interface KindShareAccess {
  /** The field of the owner's entry that lists the tenants given this access (`publishers`). */
  readonly ownerField: string;
  /** The consumer's statements on the entry's shared ARNs. */
  readonly statements: (arns: readonly string[]) => PolicyStatement[];
  /** What the consumer's roles may do with the owner's tenant key, through the kind's service only. */
  readonly keyActions: readonly string[];
}

/** How another tenant uses entries of a kind (see `aws.uses` and docs/tenants.md). */
export interface KindSharing<I extends KindItem = KindItem> {
  /** The accesses by the name the consumer's file gives them; the first is the default. */
  readonly accesses: Readonly<Record<string, KindShareAccess>>;
  /** The consumer's roles that use it: its workload roles, or the role of its SecretStores. */
  readonly usedBy: 'workloads' | 'secretStore';
  /** The service that calls KMS for the caller: `kms:ViaService` is `<service>.<region>.amazonaws.com`. */
  readonly service: string;
  /** The ARNs another tenant is given for the owner's entry (a queue without its dead-letter queue). */
  readonly arns: (owner: TenantAwsEnv, item: I) => string[];
  /** What the consumer needs to reach the entry (ConfigMap keys); `null` when it arrives another way (a secret's value). */
  readonly details: ((owner: TenantAwsEnv, item: I) => Readonly<Record<string, string>>) | null;
}

/**
 * Everything the platform knows about one tenant AWS kind, in one place. Every list of kinds (the workload role,
 * the permissions boundary, the tenant role, egress, the loader's name rules, the destructive guard, the provider
 * packages and the docs table) derives from the registry of these (`tenant-aws-kinds.ts`). Every facet is
 * required; "none" is written out (`[]`, `null`), so a kind cannot forget one.
 */
export interface TenantAwsKind<I extends KindItem = KindItem> {
  /** The field of the tenant file's `aws` section (`buckets`). */
  readonly field: string;
  /** What one entry is, for messages and docs (`S3 bucket`). */
  readonly title: string;
  /** `metadata.name` prefix of its managed resources, `<mrPrefix>-<name>` (`bucket`). */
  readonly mrPrefix: string;
  /** The AWS names each entry makes; the first is the resource's own name. */
  readonly names: readonly KindName<I>[];
  /** The ARN of one entry (its own AWS name, which may depend on more than the name: a FIFO queue's ends in `.fifo`). */
  readonly arn: (env: TenantAwsEnv, item: I) => string;
  /** The ARNs a workload role is granted for one entry (a queue and its dead-letter queue). */
  readonly workloadArns: (env: TenantAwsEnv, item: I) => string[];
  /** The statements a workload role gets on the given ARNs of this kind; `[]` when workloads get none. */
  readonly workloadActions: (arns: readonly string[]) => PolicyStatement[];
  /**
   * The most any role the tenant creates (workload, CI, secret reader) may do on this kind, on the patterns of
   * `patterns`; the permissions boundary is made of these. `[]` when no created role acts on it.
   */
  readonly dataPlane: (patterns: readonly string[], scope: KindScope) => PolicyStatement[];
  /** What the tenant's Crossplane role may do to manage this kind, on the patterns of `patterns`. */
  readonly providerRole: (patterns: readonly string[], scope: KindScope) => PolicyStatement[];
  /** List or describe calls the tenant role needs that AWS cannot scope to a resource; `[]` when none. */
  readonly unscopedActions: readonly string[];
  /** Every ARN pattern that covers the tenant's resources of this kind by name. */
  readonly patterns: (scope: KindScope) => string[];
  /** Where the kind listens in the cluster's secure subnets when it lives in the VPC; `null` when it does not. */
  readonly vpc: KindVpcPorts<I> | null;
  /** Reached by workloads through AWS's public endpoints (S3, SQS, SNS, DynamoDB): gives `allow-egress-aws-apis`. */
  readonly publicEndpoint: boolean;
  /** The managed resources whose deletion loses data; `[]` for a stateless kind. */
  readonly stateful: readonly KindStatefulResource[];
  /** The provider-upjet-aws services (`provider-aws-<service>`) its managed resources need. */
  readonly providerPackages: readonly string[];
  /** One line for the docs table: what the tenant gets. */
  readonly summary: string;
  /** How other tenants may use its entries when both files agree. @default - not shareable */
  readonly sharing?: KindSharing<I>;
  /** Checks of one entry that its schema block cannot state, each at a path inside the entry. @default - none */
  readonly checks?: (item: I) => { readonly path: (string | number)[]; readonly message: string }[];
  /** Renders one entry on one cluster. */
  readonly render: (scope: Construct, ctx: KindRenderContext, item: I) => void;
}

/** The facets every descriptor must have; a test fails when one is missing. */
export const KIND_FACETS = [
  'field', 'title', 'mrPrefix', 'names', 'arn', 'workloadArns', 'workloadActions', 'dataPlane', 'providerRole', 'unscopedActions',
  'patterns', 'vpc', 'publicEndpoint', 'stateful', 'providerPackages', 'summary', 'render',
] as const satisfies readonly (keyof TenantAwsKind)[];

/** The facets a descriptor lacks (undefined), for the registry check. */
export function missingFacets(kind: Partial<Record<string, unknown>>): string[] {
  return KIND_FACETS.filter((f) => kind[f] === undefined);
}

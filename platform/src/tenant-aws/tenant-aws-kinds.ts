import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, awsPrefixOf } from './tenant-aws-env.js';
import { type KindItem, type KindScope, type TenantAwsKind, missingFacets } from './tenant-aws-kind.js';
import { BUCKETS } from './tenant-bucket.js';
import { DATABASES } from './tenant-postgres.js';
import { EMAIL_IDENTITIES } from './tenant-email-identity.js';
import { OPENSEARCH } from './tenant-opensearch.js';
import { QUEUES } from './tenant-queue.js';
import { REDIS } from './tenant-redis.js';
import { REGISTRIES } from './tenant-registry.js';
import { SECRETS } from './tenant-secret.js';
import { TABLES } from './tenant-dynamodb-table.js';
import { TOPICS } from './tenant-topic.js';

/**
 * The registry of tenant AWS kinds, in the order their statements appear in policies. Every list of kinds derives
 * from it: the workload role (`workloadStatements`), the permissions boundary, the tenant role, egress, the
 * loader's name rules, the destructive guard, the provider packages and the docs table.
 */
const KINDS: TenantAwsKind[] = [];

/** Adds a kind to the registry; throws when it lacks a facet or its field is taken. Returns a function that removes it. */
export function registerTenantAwsKind<I extends KindItem>(kind: TenantAwsKind<I>): () => void {
  const missing = missingFacets(kind as unknown as Record<string, unknown>);
  if (missing.length > 0) throw new Error(`tenant AWS kind '${kind.field ?? '(no field)'}' lacks ${missing.map((f) => `'${f}'`).join(', ')}; allowed: a descriptor with every facet of TenantAwsKind`);
  if (KINDS.some((k) => k.field === kind.field)) throw new Error(`tenant AWS kind '${kind.field}' is registered twice; allowed: one descriptor per field`);
  KINDS.push(kind as unknown as TenantAwsKind);
  return () => {
    const i = KINDS.indexOf(kind as unknown as TenantAwsKind);
    if (i >= 0) KINDS.splice(i, 1);
  };
}

for (const kind of [BUCKETS, QUEUES, TOPICS, TABLES, REGISTRIES, SECRETS, DATABASES, REDIS, OPENSEARCH, EMAIL_IDENTITIES] as TenantAwsKind[]) registerTenantAwsKind(kind);

/** Every registered tenant AWS kind, in registry order. */
export function tenantAwsKinds(): readonly TenantAwsKind[] {
  return KINDS;
}

/** The kind of the tenant file field `field` (`buckets`). */
export function tenantAwsKind(field: string): TenantAwsKind {
  const kind = KINDS.find((k) => k.field === field);
  if (!kind) throw new Error(`unknown tenant AWS kind '${field}'; allowed: ${KINDS.map((k) => k.field).join(', ')}`);
  return kind;
}

/** The entries of one kind in a tenant file's `aws` section. */
export function itemsOf(aws: object, kind: TenantAwsKind): readonly KindItem[] {
  return ((aws as Record<string, unknown>)[kind.field] as readonly KindItem[] | undefined) ?? [];
}

/** The ARN of one entry of the kind `field` (`{ name }` alone is a standard queue or topic). */
export function arnOf(field: string, env: TenantAwsEnv, item: KindItem): string {
  return tenantAwsKind(field).arn(env, item);
}

/** The scope of the tenant of `env` for the kinds' name patterns; with its `aws` section for its own tenant role. */
export function kindScope(env: Pick<TenantAwsEnv, 'cluster' | 'accountId' | 'region' | 'tenant' | 'awsPrefix'>, aws?: object): KindScope {
  return { cluster: env.cluster, accountId: env.accountId, region: env.region, prefix: awsPrefixOf(env), ...(aws ? { aws: aws as Record<string, unknown> } : {}) };
}

/** True when a kind the tenant asks for lives in the VPC (it needs the cluster's `network.ids`). */
export function needsNetwork(aws: object): boolean {
  return KINDS.some((k) => k.vpc !== null && itemsOf(aws, k).length > 0);
}

/** The tenant's own resources a workload may use, as ARNs by field; kinds in the VPC only when `withNetwork`. */
export type WorkloadAccess = Readonly<Record<string, readonly string[]>>;

export function workloadAccess(env: TenantAwsEnv, aws: object, withNetwork: boolean): WorkloadAccess {
  const access: Record<string, string[]> = {};
  for (const k of KINDS) {
    if (k.vpc !== null && !withNetwork) continue;
    const arns = itemsOf(aws, k).flatMap((item) => k.workloadArns(env, item));
    if (arns.length > 0) access[k.field] = arns;
  }
  return access;
}

/** The statements of a workload policy: data-plane actions on exactly the given ARNs, never `*`. */
export function workloadStatements(access: WorkloadAccess): PolicyStatement[] {
  return KINDS.flatMap((k) => {
    const arns = access[k.field] ?? [];
    return arns.length > 0 ? k.workloadActions(arns) : [];
  });
}

/** The data-plane statements of every kind for one scope (the boundary's grants). */
export function dataPlaneStatements(scope: KindScope): PolicyStatement[] {
  return KINDS.flatMap((k) => k.dataPlane(k.patterns(scope), scope));
}

/** What the tenant role may do to manage every kind, by name, for one scope. */
export function providerRoleStatements(scope: KindScope): PolicyStatement[] {
  return KINDS.flatMap((k) => k.providerRole(k.patterns(scope), scope));
}

/** List and describe calls of every kind that AWS cannot scope to a resource. */
export function unscopedKindActions(): string[] {
  return [...new Set(KINDS.flatMap((k) => k.unscopedActions))];
}

/** The provider-upjet-aws services the tenant kinds need, sorted. */
export function tenantAwsProviderServices(): string[] {
  return [...new Set(KINDS.flatMap((k) => k.providerPackages))].sort();
}

/** The ports of the kinds that live in the VPC, by egress name (`postgres: 5432`, `mysql: 3306`). */
export function dataStorePorts(): Readonly<Record<string, number>> {
  return Object.fromEntries(KINDS.flatMap((k) => (k.vpc ? Object.entries(k.vpc.ports) : [])));
}

/** The egress names of the VPC kinds the tenant has (sorted), and whether it has resources behind public AWS endpoints. */
export function tenantAwsReach(aws: object, withNetwork: boolean): { dataStores: string[]; usesAwsApis: boolean } {
  const present = KINDS.filter((k) => itemsOf(aws, k).length > 0);
  return {
    dataStores: withNetwork ? [...new Set(present.flatMap((k) => (k.vpc ? itemsOf(aws, k).map((item) => k.vpc!.egressOf(item)) : [])))].sort() : [],
    usesAwsApis: present.some((k) => k.publicEndpoint),
  };
}

/**
 * The docs table of tenant AWS kinds (docs/tenants.md embeds it verbatim; a test checks it): one row per kind with
 * its field, what it is, its AWS name and limit, what workloads may do, its port in the VPC, what deleting it would
 * lose and the provider packages it needs.
 */
export function tenantAwsKindsTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = KINDS.map((k) => {
    const names = k.names.map((n) => `${n.rule.what} (${n.rule.max}${n.rule.reserve ? ` with \`${n.rule.reserve}\`` : ''})`).join('; ') || 'not under the tenant prefix (see what you get)';
    const actions = [...new Set(k.workloadActions(['arn']).flatMap((s) => s.actions))];
    const loss = k.stateful.map((s) => s.loss).join('; ') || 'nothing: stateless';
    return `| \`${k.field}\` | ${cell(k.title)}: ${cell(k.summary)} | ${names} | ${actions.length > 0 ? actions.map((a) => `\`${a}\``).join(', ') : 'none'} | ${k.vpc ? vpcPortsCell(k.vpc.ports) : 'none'} | ${cell(loss)} | ${k.providerPackages.map((p) => `\`provider-aws-${p}\``).join(', ')} |`;
  });
  return ['| field | what you get | AWS name (limit) | workloads may | port in the VPC | deleting it would lose | provider packages |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** `TCP 6379`, or `TCP 5432 (postgres), 3306 (mysql)` for a kind whose entries listen on one of several ports. */
function vpcPortsCell(ports: Readonly<Record<string, number>>): string {
  const entries = Object.entries(ports);
  return entries.length === 1 ? `TCP ${entries[0]![1]}` : `TCP ${entries.map(([name, port]) => `${port} (${name})`).join(', ')}`;
}

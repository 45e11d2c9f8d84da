import type { Cluster, Tenant } from '@platform/schemas';
import { BUCKET_NAME_MAX_LENGTH, PLATFORM_IAM_NAMES, bucketName, maxBucketShortName, needsNetwork, tenantBoundaryName, tenantRoleName } from '@platform/platform';
import type { Diagnostic } from './diagnostic.js';
import { type Claim, oneSided } from './consent.js';
import type { FleetRule } from './fleet-rules.js';
import type { Fleet, Loaded, LoadedApp } from '../model.js';

type TenantAws = Tenant['aws'];

/**
 * AWS name limits of each resource kind, for `<cluster>-<tenant>-<name>` (plus the suffixes the
 * platform adds). Checked against every cluster the tenant runs in.
 */
const LIMITS: { field: keyof TenantAws; what: string; max: number; names: (aws: TenantAws, tenant: string) => [number, string][] }[] = [
  { field: 'databases', what: 'RDS instance identifier (with "-final" snapshot suffix)', max: 63, names: (a) => a.databases.map((d, i) => [i, `${d.name}-final`]) },
  { field: 'redis', what: 'ElastiCache replication group id', max: 40, names: (a) => a.redis.map((r, i) => [i, r.name]) },
  { field: 'opensearch', what: 'OpenSearch domain name', max: 28, names: (a) => a.opensearch.map((o, i) => [i, o.name]) },
  { field: 'queues', what: 'SQS queue name (with "-dlq")', max: 80, names: (a) => a.queues.map((q, i) => [i, `${q.name}-dlq`]) },
  { field: 'registries', what: 'IAM role name of the CI role ("ci-<name>")', max: 64, names: (a) => a.registries.map((r, i) => [i, `ci-${r.name}`]) },
  { field: 'serviceAccounts', what: 'IAM role name ("sa-[<namespace>-]<name>")', max: 64, names: (a) => a.serviceAccounts.map((s, i) => [i, `sa-${s.namespace ? `${s.namespace}-` : ''}${s.name}`]) },
];

/** Every AWS name fits its kind's limit on every cluster of the tenant. */
export const awsNamesFit: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    LIMITS.flatMap((l) =>
      l.names(t.spec.aws, t.spec.name).flatMap(([i, short]) => {
        const longest = t.spec.clusters.reduce((a, c) => (c.length > a.length ? c : a), '');
        const full = `${longest}-${t.spec.name}-${short}`;
        if (full.length <= l.max) return [];
        return [t.source.problem(['aws', l.field, i, 'name'], `${l.what} "${full}" on cluster "${longest}" has ${full.length} characters; allowed: at most ${l.max} (shorten the name)`)];
      }),
    ),
  );

/**
 * Bucket names are global, so they carry the account and region (`bucketName`); each must fit S3's limit
 * on every cluster of the tenant. The error names the longest `name` the tenant may use on that cluster.
 */
export const bucketNamesFit: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    t.spec.aws.buckets.flatMap((b, i) => {
      for (const c of fleet.clusters.filter((x) => t.spec.clusters.includes(x.spec.name))) {
        const env = { accountId: c.spec.aws.accountId, region: c.spec.aws.region, cluster: c.spec.name, tenant: t.spec.name };
        const full = bucketName(env, b.name);
        if (full.length <= BUCKET_NAME_MAX_LENGTH) continue;
        const max = maxBucketShortName(env);
        return [t.source.problem(['aws', 'buckets', i, 'name'], `S3 bucket "${full}" on cluster "${c.spec.name}" (${c.source.path}) has ${full.length} characters; allowed: at most ${BUCKET_NAME_MAX_LENGTH}, so a bucket name of at most ${max} characters for tenant "${t.spec.name}" on cluster "${c.spec.name}"`)];
      }
      return [];
    }),
  );

/** Names are unique per kind in a tenant, and a queue's dead-letter queue never takes another queue's name. */
export const awsNamesUnique: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const problems: Diagnostic[] = [];
    const aws = t.spec.aws;
    for (const field of ['buckets', 'databases', 'registries', 'redis', 'queues', 'topics', 'secrets', 'opensearch', 'tables'] as const) {
      const seen = new Set<string>();
      (aws[field] as readonly { name: string }[]).forEach((x, i) => {
        if (seen.has(x.name)) problems.push(t.source.problem(['aws', field, i, 'name'], `duplicate ${field} name "${x.name}"; allowed: each name once`));
        seen.add(x.name);
      });
    }
    const queues = new Set(aws.queues.map((q) => q.name));
    aws.queues.forEach((q, i) => {
      const base = q.name.replace(/-dlq$/, '');
      if (base !== q.name && queues.has(base) && aws.queues.find((o) => o.name === base)?.deadLetterQueue) {
        problems.push(t.source.problem(['aws', 'queues', i, 'name'], `queue "${q.name}" is the dead-letter queue of queue "${base}"; allowed: a name not ending in "-dlq"`));
      }
    });
    const seenSa = new Set<string>();
    aws.serviceAccounts.forEach((sa, i) => {
      const key = `${sa.namespace}/${sa.name}`;
      if (seenSa.has(key)) problems.push(t.source.problem(['aws', 'serviceAccounts', i], `duplicate service account "${key}"; allowed: each once`));
      seenSa.add(key);
      if (sa.namespace && !t.spec.namespaces.includes(sa.namespace)) {
        problems.push(t.source.problem(['aws', 'serviceAccounts', i, 'namespace'], `found "${sa.namespace}"; allowed: ${['""', ...t.spec.namespaces.map((n) => `"${n}"`)].join(', ')} (the namespaces of tenant "${t.spec.name}")`));
      }
    });
    return problems;
  });

/** The part after `<cluster>-` of a name the platform derives for a cluster. */
const afterCluster = (name: string, cluster: string) => name.slice(cluster.length + 1);
const MARK = '\u0000';
/**
 * The fixed part of a naming scheme `<cluster>-<fixed><variable>` (e.g. `tenant-` for the tenant roles
 * `<cluster>-tenant-<tenant>`), read off the naming function itself by deriving a name with a marker.
 */
const schemeOf = (derive: (cluster: string, variable: string) => string): string => {
  const name = afterCluster(derive('c', MARK), 'c');
  return name.slice(0, name.indexOf(MARK));
};
/** Names the platform derives from each tenant's name outside the tenant's own prefix, after `<cluster>-`. */
const TENANT_SCHEMES: readonly { readonly what: string; readonly derive: (cluster: string, tenant: string) => string }[] = [
  { what: 'IAM role and policy of its Crossplane ProviderConfig', derive: (cluster, tenant) => tenantRoleName({ cluster, tenant }) },
];

/**
 * Platform AWS names of a cluster, after `<cluster>-`: the platform's IAM names, the tenant boundary policy and, ending
 * in `-`, the prefix of every per-tenant scheme (`tenant-`). A tenant whose prefix `<cluster>-<tenant>-` covers one of
 * them could reach it through its role's name-scoped grants. All derived from the naming functions.
 */
export const PLATFORM_AWS_NAMES = [...PLATFORM_IAM_NAMES, afterCluster(tenantBoundaryName('c'), 'c'), ...TENANT_SCHEMES.map((s) => schemeOf(s.derive))];

/**
 * A tenant's AWS prefix never covers a platform name or another cluster's names in the same account, never lies inside
 * a per-tenant scheme (tenant `tenant-x` would cover the roles `<cluster>-tenant-x-*` of tenants `x-*`), and the names
 * derived from it never are a platform name (tenant `boundary`'s role would be the boundary `<cluster>-tenant-boundary`).
 */
export const awsPrefixesDisjoint: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const name = t.spec.name;
    const clash = PLATFORM_AWS_NAMES.find((p) => p.startsWith(`${name}-`) || p === `${name}-`);
    if (clash) return [t.source.problem(['name'], `tenant AWS names "<cluster>-${name}-*" would include the platform's "<cluster>-${clash}${clash.endsWith('-') ? '*' : ''}"; allowed: a tenant name that is not the first word of ${PLATFORM_AWS_NAMES.map((p) => `"${p.replace(/-$/, '')}"`).join(', ')}`)];
    const scheme = PLATFORM_AWS_NAMES.find((p) => p.endsWith('-') && `${name}-`.startsWith(p));
    if (scheme) {
      return [t.source.problem(['name'], `tenant AWS names "<cluster>-${name}-*" would include the platform's "<cluster>-${scheme}<tenant>" names of tenants named "${name.slice(scheme.length)}-*"; allowed: a tenant name not starting with "${scheme}"`)];
    }
    const taken = TENANT_SCHEMES.map((s) => ({ ...s, derived: afterCluster(s.derive('c', name), 'c') })).find((s) => PLATFORM_AWS_NAMES.includes(s.derived));
    if (taken) {
      return [t.source.problem(['name'], `the ${taken.what} of tenant "${name}" would be "<cluster>-${taken.derived}", a name the platform already uses on every cluster; allowed: a tenant name whose derived names are not ${PLATFORM_AWS_NAMES.filter((p) => !p.endsWith('-')).map((p) => `"<cluster>-${p}"`).join(', ')}`)];
    }
    const problems: Diagnostic[] = [];
    for (const c of t.spec.clusters) {
      const cluster = fleet.clusters.find((x) => x.spec.name === c);
      for (const other of fleet.clusters.filter((x) => x.spec.aws.accountId === cluster?.spec.aws.accountId && (x.spec.name === `${c}-${name}` || x.spec.name.startsWith(`${c}-${name}-`)))) {
        problems.push(t.source.problem(['name'], `tenant AWS names "${c}-${name}-*" would include every AWS name of cluster "${other.spec.name}" (${other.source.path}, same account); allowed: another tenant or cluster name`));
      }
    }
    return problems;
  });

/** The short AWS names a tenant uses (`<cluster>-<tenant>-<short>`), with the path of the field that makes each. */
function shortNames(aws: TenantAws): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  for (const field of ['buckets', 'databases', 'registries', 'redis', 'queues', 'topics', 'opensearch', 'tables'] as const) {
    (aws[field] as readonly { name: string }[]).forEach((x, i) => out.push([['aws', field, i, 'name'], x.name]));
  }
  aws.registries.forEach((r, i) => out.push([['aws', 'registries', i, 'name'], `ci-${r.name}`]));
  aws.serviceAccounts.forEach((s, i) => out.push([['aws', 'serviceAccounts', i, 'name'], `sa-${s.namespace ? `${s.namespace}-` : ''}${s.name}`]));
  return out;
}

/** The workload role short names (`sa-[<namespace>-]<app>`) of a tenant's apps with `serviceAccount.awsAccess`, at that field of each app file. */
function appRoleNames(apps: readonly LoadedApp[]): [LoadedApp, (string | number)[], string][] {
  return apps.filter((a) => a.spec.serviceAccount?.awsAccess).map((a) => [a, ['serviceAccount', 'awsAccess'], `sa-${a.spec.namespace ? `${a.spec.namespace}-` : ''}${a.spec.name}`]);
}

/**
 * Tenant names may contain `-`, so tenant `a`'s name `b-x` would be `<cluster>-a-b-x`, which is in tenant
 * `a-b`'s names (its `x`). Such a name is an error naming both files, whether the tenant file makes it or an app
 * file does (the workload role `sa-<app>` of an app with AWS access: tenant `a-sa` would own `a`'s app roles).
 * The tenant role of `a` is denied `a-b`'s names anyway (see tenantRoleStatements), and so are `a`'s workload roles
 * (see tenantBoundaryStatements).
 */
export const awsNamesOutsideNestedTenants: FleetRule = (fleet) => {
  const appsOf = new Map<string, LoadedApp[]>();
  for (const a of fleet.apps) appsOf.set(a.tenant, [...(appsOf.get(a.tenant) ?? []), a]);
  return fleet.tenants.flatMap((t) => {
    const nested = fleet.tenants.filter((o) => o.spec.name.startsWith(`${t.spec.name}-`));
    if (nested.length === 0) return [];
    const made: [Loaded<unknown>, (string | number)[], string][] = [...shortNames(t.spec.aws).map(([at, short]): [Loaded<unknown>, (string | number)[], string] => [t, at, short]), ...appRoleNames(appsOf.get(t.spec.name) ?? [])];
    return made.flatMap(([file, at, short]) => {
      const owner = nested.find((o) => `${t.spec.name}-${short}`.startsWith(`${o.spec.name}-`));
      if (!owner) return [];
      return [file.source.problem(at, `AWS name "<cluster>-${t.spec.name}-${short}" is inside the names "<cluster>-${owner.spec.name}-*" of tenant "${owner.spec.name}" (${owner.source.path}); allowed: a name not starting with "${owner.spec.name.slice(t.spec.name.length + 1)}-"`)];
    });
  });
};

/**
 * Cross-tenant SNS subscriptions need both files: the queue's `subscribeTo: [<owner>/<topic>]` and the
 * topic's `subscribers: [<subscriber>]`. Either side alone is an error naming both files (see `oneSided`).
 */
export const snsSubscriptionsAgree: FleetRule = (fleet) => {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const problems: Diagnostic[] = [];
  type Topic = Tenant['aws']['topics'][number];
  const asks: Claim<{ queue: string; ref: string; owner: Loaded<Tenant>; topic: Topic }>[] = [];
  const answers: Claim<{ ref: string; subscriber: Loaded<Tenant> }>[] = [];
  for (const t of fleet.tenants) {
    t.spec.aws.queues.forEach((q, qi) => {
      q.subscribeTo.forEach((ref, si) => {
        const at = ['aws', 'queues', qi, 'subscribeTo', si];
        const [ownerName = '', topicName = ''] = ref.split('/');
        const owner = tenants.get(ownerName);
        if (!owner) {
          problems.push(t.source.problem(at, `unknown tenant "${ownerName}"; allowed: ${[...tenants.keys()].sort().join(', ')}`));
          return;
        }
        const topic = owner.spec.aws.topics.find((x) => x.name === topicName);
        if (!topic) {
          const known = owner.spec.aws.topics.map((x) => `${ownerName}/${x.name}`);
          problems.push(t.source.problem(at, `tenant "${ownerName}" (${owner.source.path}) has no topic "${topicName}"; allowed: ${known.join(', ') || 'none (it declares no topics)'}`));
          return;
        }
        if (owner !== t) asks.push({ tenant: t, at, key: `${t.spec.name}>${ref}`, item: { queue: q.name, ref, owner, topic } });
      });
    });
    t.spec.aws.topics.forEach((topic, ti) => {
      topic.subscribers.forEach((sub, si) => {
        const at = ['aws', 'topics', ti, 'subscribers', si];
        const subscriber = tenants.get(sub);
        const ref = `${t.spec.name}/${topic.name}`;
        if (!subscriber) {
          problems.push(t.source.problem(at, `unknown tenant "${sub}"; allowed: ${[...tenants.keys()].filter((n) => n !== t.spec.name).sort().join(', ') || 'none'}`));
        } else if (subscriber === t) {
          problems.push(t.source.problem(at, `found "${sub}", the topic's owner (its own queues may always subscribe); allowed: another tenant`));
        } else {
          answers.push({ tenant: t, at, key: `${sub}>${ref}`, item: { ref, subscriber } });
        }
      });
    });
  }
  const found = oneSided(asks, answers);
  for (const { tenant: t, at, item: { queue, ref, owner, topic } } of found.asks) {
    problems.push(t.source.problem(at, `queue "${queue}" subscribes to ${ref}, but ${owner.source.path} does not list "${t.spec.name}" in that topic's subscribers; allowed: topics whose owner lists this tenant (add "${t.spec.name}" to aws.topics[${owner.spec.aws.topics.indexOf(topic)}].subscribers in ${owner.source.path}, or remove the subscription from ${t.source.path})`));
  }
  for (const { tenant: t, at, item: { ref, subscriber } } of found.answers) {
    const sub = subscriber.spec.name;
    problems.push(t.source.problem(at, `"${sub}" is listed as a subscriber of ${ref}, but no queue in ${subscriber.source.path} subscribes to it; allowed: tenants with a queue whose subscribeTo names "${ref}" (add it there, or remove "${sub}" here)`));
  }
  for (const { tenant: t, at, item: { subscriber } } of found.agreed) {
    if (!subscriber.spec.clusters.some((c) => t.spec.clusters.includes(c))) {
      problems.push(t.source.problem(at, `"${subscriber.spec.name}" (${subscriber.source.path}) runs on ${subscriber.spec.clusters.join(', ')} and this tenant on ${t.spec.clusters.join(', ')}; allowed: a subscriber sharing a cluster`));
    }
  }
  return problems;
};

/** The AWS resource rules, in the order FLEET_RULES runs them. */
export const TENANT_AWS_RULES: FleetRule[] = [awsNamesFit, bucketNamesFit, awsNamesUnique, awsPrefixesDisjoint, awsNamesOutsideNestedTenants, snsSubscriptionsAgree];

/** Warnings `generate` prints: VPC-attached tenant resources left out on a cluster without `network.ids`. */
export function tenantAwsWarnings(fleet: Fleet): string[] {
  const byName = new Map<string, Loaded<Cluster>>(fleet.clusters.map((c) => [c.spec.name, c]));
  return fleet.tenants.flatMap((t) =>
    !needsNetwork(t.spec.aws)
      ? []
      : t.spec.clusters
          .map((c) => byName.get(c))
          .filter((c): c is Loaded<Cluster> => c !== undefined && c.spec.network.ids === undefined)
          .map((c) => `warning: ${c.source.path}: cluster "${c.spec.name}" has no network.ids (vpcId, secureSubnetIds, computeSecurityGroupId): the databases, Redis and OpenSearch of tenant "${t.spec.name}" (${t.source.path}) are not rendered there until they are set`),
  );
}

import type { Cluster, Tenant } from '@platform/schemas';
import {
  type AwsNameRule, IAM_ROLE_NAME, inDomain, NAME_HASH_LENGTH, PLATFORM_IAM_NAMES, type UseClaim, type UseGrant, awsNamePrefix, bucketNamePrefix, grantsOf, itemsOf, nameRoom,
  needsNetwork, queueSubscription, resolveAccessFrom, secretNamePrefix, tenantAwsKind, tenantAwsKinds, usesOf, tenantBoundaryName, tenantRoleName, tenantSecretReaderRoleName,
  workloadRoleShortName,
} from '@platform/platform';
import { tenantAwsPrefix } from '../fleet-index.js';
import { servingCluster } from './app-rules.js';
import type { Diagnostic } from './diagnostic.js';
import { type Claim, oneSided } from './consent.js';
import type { FleetRule } from './fleet-rules.js';
import type { Fleet, Loaded, LoadedApp } from '../model.js';

type TenantAws = Tenant['aws'];

/** Where the AWS names of one tenant on one cluster start, by the `head` of a kind's name. */
function headsOf(c: Loaded<Cluster>, t: Loaded<Tenant>) {
  const env = { accountId: c.spec.aws.accountId, region: c.spec.aws.region, cluster: c.spec.name, tenant: t.spec.name, awsPrefix: tenantAwsPrefix(t.spec) };
  return { name: awsNamePrefix(env), bucket: bucketNamePrefix(env), secret: secretNamePrefix(env) };
}

/** Every AWS name a tenant's file makes, by kind: its rule, where it starts and the path of the field that makes it. */
function namesOf(t: Loaded<Tenant>): { rule: AwsNameRule; head: 'name' | 'bucket' | 'secret'; at: (string | number)[] }[] {
  const out: { rule: AwsNameRule; head: 'name' | 'bucket' | 'secret'; at: (string | number)[] }[] = [];
  for (const kind of tenantAwsKinds()) {
    itemsOf(t.spec.aws, kind).forEach((item, i) => {
      for (const n of kind.names) out.push({ rule: n.ruleOf?.(item) ?? n.rule, head: n.head ?? 'name', at: ['aws', kind.field, i, 'name'] });
    });
  }
  t.spec.aws.serviceAccounts.forEach((_, i) => out.push({ rule: IAM_ROLE_NAME, head: 'name', at: ['aws', 'serviceAccounts', i, 'name'] }));
  return out;
}

/**
 * Names the platform makes from the tenant's AWS prefix alone: `<cluster>-tenant-<prefix>` (the tenant role) and
 * `<cluster>-<prefix>-secrets` (the secret reader), IAM roles of 64 characters at most.
 */
const PREFIX_NAMES: readonly { readonly what: string; readonly name: (cluster: string, awsPrefix: string) => string }[] = [
  { what: 'IAM role of its Crossplane ProviderConfig', name: (cluster, awsPrefix) => tenantRoleName({ cluster, tenant: '', awsPrefix }) },
  { what: 'IAM role of its SecretStore', name: (cluster, awsPrefix) => tenantSecretReaderRoleName({ cluster, tenant: '', awsPrefix }) },
];

/**
 * Every AWS name fits its kind's limit on every cluster of the tenant: names longer than AWS allows are shortened
 * with a stable hash (`fitName`), so only an AWS prefix too long to leave room for the hash is an error, and it
 * says how long `aws.prefix` may be. The limits are the descriptors' (`TenantAwsKind.names`), the renderer's own.
 */
export const awsNamesFit: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const prefix = tenantAwsPrefix(t.spec);
    const at = t.spec.aws.prefix === undefined ? ['name'] : ['aws', 'prefix'];
    const problems: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const c of fleet.clusters.filter((x) => t.spec.clusters.includes(x.spec.name))) {
      const heads = headsOf(c, t);
      for (const p of PREFIX_NAMES) {
        const full = p.name(c.spec.name, prefix);
        if (full.length > IAM_ROLE_NAME.max) {
          const max = prefix.length - (full.length - IAM_ROLE_NAME.max);
          problems.push(t.source.problem(at, `the ${p.what} "${full}" on cluster "${c.spec.name}" (${c.source.path}) has ${full.length} characters; allowed: at most ${IAM_ROLE_NAME.max}, so an AWS prefix of at most ${max} characters (set aws.prefix)`));
        }
      }
      for (const n of namesOf(t)) {
        const head = heads[n.head];
        const room = nameRoom(head, n.rule);
        const key = `${c.spec.name}|${n.rule.what}|${n.head}`;
        if (room >= NAME_HASH_LENGTH || seen.has(key)) continue;
        seen.add(key);
        const max = prefix.length - (NAME_HASH_LENGTH - room);
        problems.push(t.source.problem(n.at, `${n.rule.what} on cluster "${c.spec.name}" (${c.source.path}) starts with "${head}", which leaves ${Math.max(room, 0)} of AWS's ${n.rule.max} characters${n.rule.reserve ? ` (with "${n.rule.reserve}")` : ''}; allowed: at least ${NAME_HASH_LENGTH} for a shortened name, so an AWS prefix of at most ${max} characters (set aws.prefix)`));
      }
    }
    return problems;
  });

/** The checks of each kind's entries that a schema cannot state (e.g. a database's storage minimum), at their fields. */
export const kindEntriesValid: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    tenantAwsKinds().flatMap((kind) =>
      itemsOf(t.spec.aws, kind).flatMap((item, i) => (kind.checks?.(item) ?? []).map((p) => t.source.problem(['aws', kind.field, i, ...p.path], p.message))),
    ),
  );

/**
 * A database's `accessFrom` opens its port to networks outside the cluster: each entry must be a network the file of
 * every cluster of the tenant allows (`tenancy.databaseAccessCidrs`), by name or as a CIDR inside one, so a tenant can
 * never open its database to an address the platform did not choose.
 */
export const databaseAccessAllowed: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const clusters = fleet.clusters.filter((c) => t.spec.clusters.includes(c.spec.name));
    return t.spec.aws.databases.flatMap((d, i) =>
      (d.accessFrom ?? []).flatMap((entry, j) =>
        clusters.flatMap((c) => {
          const allowed = c.spec.tenancy.databaseAccessCidrs;
          if (resolveAccessFrom([entry], allowed).length > 0) return [];
          const what = allowed.length > 0
            ? `${allowed.map((a) => `"${a.name}" (${a.cidr})`).join(', ')}, or a CIDR inside one of them`
            : 'none (it declares no tenancy.databaseAccessCidrs)';
          return [t.source.problem(['aws', 'databases', i, 'accessFrom', j], `found "${entry}", which cluster "${c.spec.name}" (${c.source.path}) does not allow; allowed there: ${what}`)];
        }),
      ),
    );
  });

/** Names are unique per kind in a tenant, and a queue's dead-letter queue never takes another queue's name. */
export const awsNamesUnique: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const problems: Diagnostic[] = [];
    const aws = t.spec.aws;
    for (const kind of tenantAwsKinds()) {
      const seen = new Set<string>();
      itemsOf(aws, kind).forEach((x, i) => {
        if (seen.has(x.name)) problems.push(t.source.problem(['aws', kind.field, i, 'name'], `duplicate ${kind.field} name "${x.name}"; allowed: each name once`));
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
  { what: 'permissions boundary', derive: (cluster, tenant) => tenantBoundaryName(cluster, tenant) },
];

/**
 * Platform AWS names of a cluster, after `<cluster>-`: the platform's IAM names and, ending in `-`, the prefix of every
 * per-tenant scheme (`tenant-`, and `boundary-` for the tenant boundaries). A tenant whose prefix `<cluster>-<tenant>-` covers one of
 * them could reach it through its role's name-scoped grants. All derived from the naming functions.
 */
export const PLATFORM_AWS_NAMES = [...PLATFORM_IAM_NAMES, ...TENANT_SCHEMES.map((s) => schemeOf(s.derive))];

/**
 * A tenant's AWS prefix never covers a platform name or another cluster's names in the same account, never lies inside
 * a per-tenant scheme (tenant `tenant-x` would cover the roles `<cluster>-tenant-x-*` of tenants `x-*`), and the names
 * derived from it never are a platform name (tenant `boundary-x` would own the boundary `<cluster>-boundary-x` of tenant `x`).
 */
export const awsPrefixesDisjoint: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const name = tenantAwsPrefix(t.spec);
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

/**
 * AWS prefixes are unique across the fleet, and a prefix that is not the tenant's own name (derived from a long name,
 * or set in `aws.prefix`) never starts another tenant's prefix nor starts with one (`<p>-`): the nested-name fences
 * protect tenants whose names nest (`a`, `a-b`), never a prefix chosen or hashed into another tenant's names.
 */
export const awsPrefixesUnique: FleetRule = (fleet) => {
  const prefixes = fleet.tenants.map((t) => ({ t, p: tenantAwsPrefix(t.spec) }));
  return prefixes.flatMap(({ t, p }) => {
    const at = t.spec.aws.prefix === undefined ? ['name'] : ['aws', 'prefix'];
    const how = t.spec.aws.prefix === undefined ? `derived from the name` : `set in aws.prefix`;
    const same = prefixes.find((o) => o.t !== t && o.p === p);
    if (same) return [t.source.problem(at, `AWS prefix "${p}" (${how}) is also the AWS prefix of tenant "${same.t.spec.name}" (${same.t.source.path}); allowed: a prefix unique across the fleet (set aws.prefix)`)];
    if (p === t.spec.name) return [];
    const nests = prefixes.find((o) => o.t !== t && (o.p.startsWith(`${p}-`) || p.startsWith(`${o.p}-`)));
    if (nests) return [t.source.problem(at, `AWS prefix "${p}" (${how}) and the AWS prefix "${nests.p}" of tenant "${nests.t.spec.name}" (${nests.t.source.path}) start one another; allowed: a prefix that neither starts another tenant's prefix followed by "-" nor starts with one (set aws.prefix)`)];
    return [];
  });
};

/** The short AWS names a tenant uses after its prefix (`<cluster>-<prefix>-<short>`), with the path of the field that makes each. */
function shortNames(aws: TenantAws): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  for (const kind of tenantAwsKinds()) {
    for (const n of kind.names.filter((x) => x.head !== 'secret')) {
      itemsOf(aws, kind).forEach((x, i) => out.push([['aws', kind.field, i, 'name'], n.short(x)]));
    }
  }
  aws.serviceAccounts.forEach((s, i) => out.push([['aws', 'serviceAccounts', i, 'name'], workloadRoleShortName(s.name, s.namespace)]));
  return out;
}

/** The workload role short names (`sa-[<namespace>-]<app>`) of a tenant's apps with `serviceAccount.awsAccess`, at that field of each app file. */
function appRoleNames(apps: readonly LoadedApp[]): [LoadedApp, (string | number)[], string][] {
  return apps.filter((a) => a.spec.serviceAccount?.awsAccess).map((a) => [a, ['serviceAccount', 'awsAccess'], workloadRoleShortName(a.spec.name, a.spec.namespace ?? '')]);
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
  const prefixes = new Map(fleet.tenants.map((t) => [t, tenantAwsPrefix(t.spec)]));
  return fleet.tenants.flatMap((t) => {
    const p = prefixes.get(t)!;
    const nested = fleet.tenants.filter((o) => prefixes.get(o)!.startsWith(`${p}-`));
    if (nested.length === 0) return [];
    const made: [Loaded<unknown>, (string | number)[], string][] = [...shortNames(t.spec.aws).map(([at, short]): [Loaded<unknown>, (string | number)[], string] => [t, at, short]), ...appRoleNames(appsOf.get(t.spec.name) ?? [])];
    return made.flatMap(([file, at, short]) => {
      const owner = nested.find((o) => `${p}-${short}`.startsWith(`${prefixes.get(o)!}-`));
      if (!owner) return [];
      const q = prefixes.get(owner)!;
      return [file.source.problem(at, `AWS name "<cluster>-${p}-${short}" is inside the names "<cluster>-${q}-*" of tenant "${owner.spec.name}" (${owner.source.path}); allowed: a name not starting with "${q.slice(p.length + 1)}-"`)];
    });
  });
};

/**
 * Cross-tenant SNS subscriptions need both files: the queue's `subscribeTo: [<owner>/<topic>]` and the
 * topic's `subscribers: [<subscriber>]`. Either side alone is an error naming both files (see `oneSided`).
 * A FIFO queue subscribes only to a FIFO topic and a standard queue only to a standard topic (SNS delivers a
 * standard topic to no FIFO queue; a FIFO topic's order and deduplication would be lost on a standard queue).
 */
export const snsSubscriptionsAgree: FleetRule = (fleet) => {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const problems: Diagnostic[] = [];
  type Topic = Tenant['aws']['topics'][number];
  const asks: Claim<{ queue: string; ref: string; owner: Loaded<Tenant>; topic: Topic }>[] = [];
  const answers: Claim<{ ref: string; subscriber: Loaded<Tenant> }>[] = [];
  for (const t of fleet.tenants) {
    t.spec.aws.queues.forEach((q, qi) => {
      q.subscribeTo.forEach((entry, si) => {
        const ref = queueSubscription(entry).topic;
        const at = ['aws', 'queues', qi, 'subscribeTo', si, ...(typeof entry === 'string' ? [] : ['topic'])];
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
        if (topic.fifo !== q.fifo) {
          const kind = (fifo: boolean) => (fifo ? 'FIFO' : 'standard');
          problems.push(t.source.problem(at, `${kind(q.fifo)} queue "${q.name}" (${t.source.path}) subscribes to the ${kind(topic.fifo)} topic ${ref} (${owner.source.path}); allowed: a ${kind(q.fifo)} topic (set fifo: ${topic.fifo} on the queue, or subscribe to a ${kind(q.fifo)} topic)`));
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

/**
 * An SES identity's domain is the tenant's: one of its hostnames, or a parent of one that lies strictly inside a
 * cluster's dns.domain (never the cluster domain itself, which every tenant shares) and holds no other tenant's
 * hostname (whoever sends as `shop.example.com` must not send as another team's `pay.shop.example.com`). It is
 * created on the cluster whose zone holds it (`servingCluster`), so that cluster must be one of the tenant's. Each
 * domain once per tenant; other tenants cannot name it (their domains hold only their own hostnames).
 */
export const emailIdentitiesOwned: FleetRule = (fleet) => {
  const clusterDomains = new Set(fleet.clusters.map((c) => c.spec.dns.domain));
  return fleet.tenants.flatMap((t) => {
    const seen = new Set<string>();
    return t.spec.aws.emailIdentities.flatMap((e, i) => {
      const at = ['aws', 'emailIdentities', i, 'domain'];
      const own = t.spec.hostnames;
      if (seen.has(e.domain)) return [t.source.problem(at, `domain "${e.domain}" has two identities; allowed: each domain once`)];
      seen.add(e.domain);
      if (!own.some((h) => inDomain(h, e.domain))) {
        return [t.source.problem(at, `domain "${e.domain}" is neither a hostname of tenant "${t.spec.name}" nor a parent of one; allowed: ${own.map((h) => `"${h}"`).join(', ') || 'none (list it under hostnames)'} or a parent of one inside a cluster domain`)];
      }
      if (clusterDomains.has(e.domain) || !fleet.clusters.some((c) => inDomain(e.domain, c.spec.dns.domain))) {
        return [t.source.problem(at, `domain "${e.domain}" is ${clusterDomains.has(e.domain) ? 'a cluster\'s whole DNS domain, shared by every tenant' : 'outside every cluster\'s DNS domain'}; allowed: a name strictly inside ${[...clusterDomains].sort().map((d) => `".${d}"`).join(', ')}`)];
      }
      const other = fleet.tenants.filter((o) => o !== t).flatMap((o) => o.spec.hostnames.filter((h) => inDomain(h, e.domain)).map((h) => ({ o, h })))[0];
      if (other) {
        return [t.source.problem(at, `domain "${e.domain}" holds "${other.h}", a hostname of tenant "${other.o.spec.name}" (${other.o.source.path}); allowed: a domain holding only this tenant's hostnames`)];
      }
      const server = servingCluster(fleet, e.domain);
      if (server && !t.spec.clusters.includes(server.spec.name)) {
        return [t.source.problem(at, `domain "${e.domain}" is in the zone of cluster "${server.spec.name}" (${server.source.path}, dns.domain "${server.spec.dns.domain}"), which is not among the tenant's clusters ${t.spec.clusters.join(', ')}; allowed: a domain served by one of them`)];
      }
      return [];
    });
  });
};

/**
 * Using another tenant's resource needs both files, as subscriptions do: the consumer's `aws.uses` names
 * `<owner>/<name>` (with an access for buckets), and the owner's entry lists the consumer in the field of that access
 * (`publishers`, `senders`, `readers`, `writers`). Either side alone is an error naming both files; so are an unknown
 * tenant or resource, a tenant naming itself, two tenants without a common cluster, and a consumer whose own AWS names
 * cover the owner's (its boundary could not keep it to the one resource).
 */
export const awsUsesAgree: FleetRule = (fleet) => {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const problems: Diagnostic[] = [];
  const asks: Claim<{ use: UseClaim; owner: Loaded<Tenant>; index: number }>[] = [];
  const answers: Claim<{ grant: UseGrant; consumer: Loaded<Tenant> }>[] = [];
  const others = (t: Loaded<Tenant>) => [...tenants.keys()].filter((n) => n !== t.spec.name).sort().join(', ') || 'none';
  const keyOf = (consumer: string, field: string, owner: string, name: string, access: string) => `${consumer}>${field}:${owner}/${name}:${access}`;
  for (const t of fleet.tenants) {
    for (const use of usesOf(t.spec.aws)) {
      const owner = tenants.get(use.owner);
      const kind = tenantAwsKind(use.field);
      if (!owner) {
        problems.push(t.source.problem(use.at, `unknown tenant "${use.owner}"; allowed: ${others(t)}`));
        continue;
      }
      if (owner === t) {
        problems.push(t.source.problem(use.at, `found "${use.ref}", this tenant's own ${kind.title} (its workloads use it without aws.uses); allowed: another tenant's`));
        continue;
      }
      const items = itemsOf(owner.spec.aws, kind);
      const index = items.findIndex((x) => x.name === use.name);
      if (index < 0) {
        const known = items.map((x) => `${use.owner}/${x.name}`);
        problems.push(t.source.problem(use.at, `tenant "${use.owner}" (${owner.source.path}) has no ${kind.title} "${use.name}" (aws.${use.field}); allowed: ${known.join(', ') || `none (it declares no aws.${use.field})`}`));
        continue;
      }
      asks.push({ tenant: t, at: use.at, key: keyOf(t.spec.name, use.field, use.owner, use.name, use.access), item: { use, owner, index } });
    }
    for (const grant of grantsOf(t.spec.aws)) {
      const consumer = tenants.get(grant.consumer);
      if (!consumer) problems.push(t.source.problem(grant.at, `unknown tenant "${grant.consumer}"; allowed: ${others(t)}`));
      else if (consumer === t) problems.push(t.source.problem(grant.at, `found "${grant.consumer}", the owner (its own workloads always have access); allowed: another tenant`));
      else answers.push({ tenant: t, at: grant.at, key: keyOf(grant.consumer, grant.field, t.spec.name, grant.name, grant.access), item: { grant, consumer } });
    }
  }
  const found = oneSided(asks, answers);
  for (const { tenant: t, at, item: { use, owner, index } } of found.asks) {
    const field = tenantAwsKind(use.field).sharing!.accesses[use.access]!.ownerField;
    problems.push(t.source.problem(at, `uses ${use.ref} (access ${use.access}), but ${owner.source.path} does not list "${t.spec.name}" in that entry's ${field}; allowed: resources whose owner lists this tenant (add "${t.spec.name}" to aws.${use.field}[${index}].${field} in ${owner.source.path}, or remove it from ${t.source.path})`));
  }
  for (const { tenant: t, at, item: { grant, consumer } } of found.answers) {
    const ref = `${t.spec.name}/${grant.name}`;
    const asked = grant.field === 'buckets' ? `{ name: ${ref}, access: ${grant.access} }` : `"${ref}"`;
    problems.push(t.source.problem(at, `"${consumer.spec.name}" is listed here, but ${consumer.source.path} does not ask for ${ref} (access ${grant.access}); allowed: tenants whose aws.uses.${grant.field} has ${asked} (add it there, or remove "${consumer.spec.name}" here)`));
  }
  for (const { tenant: t, at, item: { consumer } } of found.agreed) {
    if (!consumer.spec.clusters.some((c) => t.spec.clusters.includes(c))) {
      problems.push(t.source.problem(at, `"${consumer.spec.name}" (${consumer.source.path}) runs on ${consumer.spec.clusters.join(', ')} and this tenant on ${t.spec.clusters.join(', ')}; allowed: a tenant sharing a cluster`));
    }
    const inner = tenantAwsPrefix(t.spec);
    const outer = tenantAwsPrefix(consumer.spec);
    if (inner.startsWith(`${outer}-`)) {
      problems.push(t.source.problem(at, `"${consumer.spec.name}" (${consumer.source.path}) has the AWS prefix "${outer}", whose names "<cluster>-${outer}-*" cover this tenant's ("${inner}"); allowed: a tenant whose AWS prefix does not start this tenant's (set aws.prefix in one of them)`));
    }
  }
  return problems;
};

/** The AWS resource rules, in the order FLEET_RULES runs them. */
export const TENANT_AWS_RULES: FleetRule[] = [
  awsNamesFit, kindEntriesValid, databaseAccessAllowed, awsNamesUnique, awsPrefixesUnique, awsPrefixesDisjoint, awsNamesOutsideNestedTenants, snsSubscriptionsAgree,
  emailIdentitiesOwned, awsUsesAgree,
];

/** Warnings `generate` prints: VPC-attached tenant resources left out on a cluster without `network.ids`. */
export function tenantAwsWarnings(fleet: Fleet): string[] {
  const byName = new Map<string, Loaded<Cluster>>(fleet.clusters.map((c) => [c.spec.name, c]));
  return fleet.tenants.flatMap((t) => {
    if (!needsNetwork(t.spec.aws)) return [];
    const inVpc = tenantAwsKinds().filter((k) => k.vpc !== null && itemsOf(t.spec.aws, k).length > 0).map((k) => `aws.${k.field}`);
    return t.spec.clusters
      .map((c) => byName.get(c))
      .filter((c): c is Loaded<Cluster> => c !== undefined && c.spec.network.ids === undefined)
      .map((c) => `warning: ${c.source.path}: cluster "${c.spec.name}" has no network.ids (vpcId, secureSubnetIds, computeSecurityGroupId): the resources in the VPC of tenant "${t.spec.name}" (${t.source.path}: ${inVpc.join(', ')}) are not rendered there until they are set`);
  });
}

import type { Cluster, Tenant } from '@platform/schemas';
import { NAMESPACE_MAX_LENGTH, NO_QUOTA, PLATFORM_NAMESPACES, inDomain, internalIngressHost, tenantNamespaces, wildcardBase } from '@platform/platform';
import type { Diagnostic } from './diagnostic.js';
import { type Claim, oneSided } from './consent.js';
import type { FleetRule } from './fleet-rules.js';
import type { Fleet, Loaded } from '../model.js';
import { tenantAwsWarnings } from './tenant-aws-rules.js';
import { TENANT_ZONE_RULES, placedZones } from './tenant-zone-rules.js';

/**
 * Namespaces the platform owns on every cluster: Kubernetes' own, Flux, Crossplane and each add-on's. A tenant
 * (or one of its extra namespaces) may never take one of these names.
 */
export const RESERVED_NAMESPACES: readonly string[] = [
  ...new Set(['default', 'flux-system', 'crossplane-system', 'platform', ...PLATFORM_NAMESPACES]),
];
/** Reserved prefixes: `kube-*` (Kubernetes) and `infra-*` (the management cluster's per-cluster infrastructure). */
export const RESERVED_PREFIXES = ['kube-', 'infra-'];

const reservedWhy = (ns: string): string | undefined => {
  if (RESERVED_NAMESPACES.includes(ns)) return `"${ns}" is a platform namespace`;
  const prefix = RESERVED_PREFIXES.find((p) => ns.startsWith(p));
  return prefix ? `names starting with "${prefix}" are reserved for the platform` : undefined;
};

export const reservedTenantNames: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    tenantNamespaces(t.spec).flatMap((ns, i) => {
      const why = reservedWhy(ns);
      if (!why) return [];
      const at = i === 0 ? ['name'] : ['namespaces', i - 1];
      return [t.source.problem(at, `namespace "${ns}" is reserved (${why}); allowed: a name outside ${RESERVED_PREFIXES.map((p) => `${p}*`).join(', ')} and ${RESERVED_NAMESPACES.join(', ')}`)];
    }),
  );

/** Two tenants whose namespaces collide, e.g. tenant `shop-jobs` and tenant `shop` with namespace `jobs`. */
export const uniqueTenantNamespaces: FleetRule = (fleet) => {
  const owner = new Map<string, [Loaded<Tenant>, (string | number)[]]>();
  const problems: Diagnostic[] = [];
  for (const t of fleet.tenants) {
    tenantNamespaces(t.spec).forEach((ns, i) => {
      const at = i === 0 ? ['name'] : ['namespaces', i - 1];
      const first = owner.get(ns);
      if (!first) owner.set(ns, [t, at]);
      else if (first[0] !== t) {
        problems.push(t.source.problem(at, `namespace "${ns}" is already a namespace of tenant "${first[0].spec.name}" (${first[0].source.path}); allowed: a namespace no other tenant has`));
        problems.push(first[0].source.problem(first[1], `namespace "${ns}" is also a namespace of tenant "${t.spec.name}" (${t.source.path}); allowed: a namespace no other tenant has`));
      }
    });
  }
  return problems;
};

export const uniqueHostnames: FleetRule = (fleet) => {
  const claims = new Map<string, [Loaded<Tenant>, number][]>();
  for (const t of fleet.tenants) t.spec.hostnames.forEach((h, i) => claims.set(h, [...(claims.get(h) ?? []), [t, i]]));
  const problems: Diagnostic[] = [];
  for (const [host, owners] of claims) {
    if (owners.length < 2) continue;
    for (const [t, i] of owners) {
      const others = owners.filter(([o]) => o !== t).map(([o]) => o.source.path);
      problems.push(t.source.problem(['hostnames', i], `hostname "${host}" is also claimed in ${others.join(', ')}; allowed: a hostname owned by exactly one tenant`));
    }
  }
  return problems;
};

/**
 * A hostname never lies under another tenant's hostname (`x.pay.example.com` when payments owns `pay.example.com`):
 * a subdomain reads the cookies its parent scopes to its domain, and can set cookies the parent then trusts. Both
 * files are named, as for a hostname claimed twice.
 */
export const hostnamesNotNested: FleetRule = (fleet) => {
  const owners = new Map<string, [Loaded<Tenant>, number]>();
  for (const t of fleet.tenants) t.spec.hostnames.forEach((h, i) => owners.set(h, [t, i]));
  const problems: Diagnostic[] = [];
  for (const t of fleet.tenants) {
    t.spec.hostnames.forEach((host, i) => {
      for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
        const parent = host.slice(dot + 1);
        const owner = owners.get(parent);
        if (!owner || owner[0] === t) continue;
        const [o, oi] = owner;
        problems.push(t.source.problem(['hostnames', i], `hostname "${host}" is under "${parent}" of tenant "${o.spec.name}" (${o.source.path}); allowed: a name that is neither another tenant's hostname nor under one`));
        problems.push(o.source.problem(['hostnames', oi], `hostname "${parent}" has "${host}" of tenant "${t.spec.name}" (${t.source.path}) under it; allowed: a name that is neither another tenant's hostname nor above one`));
      }
    });
  }
  return problems;
};

/**
 * A hostname must be inside the DNS domain of at least one of the tenant's clusters (apps use it
 * there), and must not be a name the platform itself publishes there (the internal ingress NLB).
 */
export const hostnamesInClusterDomains: FleetRule = (fleet) => {
  const domains = new Map(fleet.clusters.map((c) => [c.spec.name, c.spec.dns.domain]));
  const platformHosts = new Set(fleet.clusters.map((c) => internalIngressHost(c.spec.dns.domain)));
  const zones = placedZones(fleet);
  return fleet.tenants.flatMap((t) => {
    const mine = [...new Set(t.spec.clusters.flatMap((c) => domains.get(c) ?? []))].sort();
    const ownZones = zones.filter((z) => z.tenant === t).map((z) => z.name);
    return t.spec.hostnames.flatMap((host, i) => {
      if (platformHosts.has(host)) {
        return [t.source.problem(['hostnames', i], `hostname "${host}" is the platform's internal ingress load balancer; allowed: any other name in the cluster domains`)];
      }
      // A wildcard is checked by wildcardsInOwnZones.
      return mine.length === 0 || wildcardBase(host) !== undefined || mine.some((d) => host.endsWith(`.${d}`)) || ownZones.some((z) => inDomain(host, z))
        ? []
        : [t.source.problem(['hostnames', i], `hostname "${host}" is outside the domains of clusters ${t.spec.clusters.join(', ')}; allowed: a name ending in ${[...mine, ...ownZones].map((d) => `".${d}"`).join(' or ')}`)];
    });
  });
};

/** Parses a Kubernetes quantity of the forms the schemas allow (`500m`, `2`, `0.5`, `64Mi`, `16Gi`, `1Ti`). */
export function parseQuantity(q: string): number {
  const units: Record<string, number> = { m: 1e-3, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  const m = /^([0-9]+(?:\.[0-9]+)?)(m|Mi|Gi|Ti)?$/.exec(q);
  if (!m) throw new Error(`"${q}" is not a quantity`);
  return Number(m[1]) * (m[2] ? units[m[2]]! : 1);
}

type QuotaKey = keyof Tenant['quotas'];
const QUOTA_KEYS: QuotaKey[] = ['cpu', 'memory', 'pods', 'storage', 'loadBalancers'];
const CEILING_DEFAULTS: Required<NonNullable<NonNullable<Cluster['tenancy']>['quotaCeilings']>> = {
  cpu: '32', memory: '128Gi', pods: 200, storage: '1Ti', loadBalancers: 2,
};

export const quotasWithinCeilings: FleetRule = (fleet) => {
  const clusters = new Map(fleet.clusters.map((c) => [c.spec.name, c]));
  const problems: Diagnostic[] = [];
  for (const t of fleet.tenants) {
    for (const key of QUOTA_KEYS) {
      const asked = t.spec.quotas[key];
      for (const name of t.spec.clusters) {
        const cluster = clusters.get(name);
        if (!cluster) continue;
        if (asked === NO_QUOTA) {
          const required = cluster.spec.tenancy?.requiredQuotas ?? [];
          if ((required as readonly string[]).includes(key)) {
            problems.push(t.source.problem(['quotas', key], `found "${NO_QUOTA}", but cluster "${name}" (${cluster.source.path}) requires a ${key} cap (tenancy.requiredQuotas); allowed: a value of at most ${cluster.spec.tenancy?.quotaCeilings?.[key] ?? CEILING_DEFAULTS[key]}`));
          }
          continue;
        }
        const ceiling = cluster.spec.tenancy?.quotaCeilings?.[key] ?? CEILING_DEFAULTS[key];
        const n = (v: string | number) => (typeof v === 'number' ? v : parseQuantity(v));
        if (n(asked) > n(ceiling)) {
          problems.push(t.source.problem(['quotas', key], `found ${asked}, over the ceiling of cluster "${name}" (${cluster.source.path}); allowed: at most ${ceiling}`));
        }
      }
    }
  }
  return problems;
};

export const limitRangeRequestsWithinLimits: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    (['cpu', 'memory'] as const).flatMap((r) => {
      const { defaultLimit, defaultRequest } = t.spec.limitRange;
      if (parseQuantity(defaultRequest[r]) <= parseQuantity(defaultLimit[r])) return [];
      return [t.source.problem(['limitRange', 'defaultRequest', r], `found ${defaultRequest[r]}, above the default limit ${defaultLimit[r]}; allowed: at most ${defaultLimit[r]}`)];
    }),
  );

/** What the schema's pattern cannot say: GitHub org names never end in '-' nor hold '--'; a team is listed once. */
export const githubTeamsWellFormed: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) => {
    const seen = new Set<string>();
    return t.spec.owners.flatMap((o, i) => {
      const org = o.team.slice(0, o.team.indexOf('/'));
      const problems: Diagnostic[] = [];
      if (org.endsWith('-') || org.includes('--')) {
        problems.push(t.source.problem(['owners', i, 'team'], `found "${o.team}"; allowed: a GitHub team "<org>/<team-slug>" whose org does not end in '-' or contain '--'`));
      }
      const key = o.team.toLowerCase();
      if (seen.has(key)) problems.push(t.source.problem(['owners', i, 'team'], `team "${o.team}" is listed twice; allowed: each team once, with one role`));
      seen.add(key);
      return problems;
    });
  });

/** `network.allowFrom` and `network.allowTo` name other tenants of the fleet. */
export const allowancesNameTenants: FleetRule = (fleet) => {
  const names = new Set(fleet.tenants.map((t) => t.spec.name));
  return fleet.tenants.flatMap((t) =>
    (['allowFrom', 'allowTo'] as const).flatMap((field) =>
      t.spec.network[field].flatMap((other, i) => {
        if (other === t.spec.name) return [t.source.problem(['network', field, i], `found "${other}", the tenant itself (its own namespaces always reach each other); allowed: another tenant`)];
        if (names.has(other)) return [];
        return [t.source.problem(['network', field, i], `unknown tenant "${other}"; allowed: ${[...names].filter((n) => n !== t.spec.name).sort().join(', ') || 'none'}`)];
      }),
    ),
  );
};

/**
 * A network allowance opens both bundles: the target's ingress and the caller's egress. So both teams say it, as
 * cross-tenant subscriptions do (see `oneSided`): the target's `allowFrom: [caller]` and the caller's
 * `allowTo: [target]`. Either side alone is an error naming the other file.
 */
export const networkAllowancesAgree: FleetRule = (fleet) => {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const claims = (field: 'allowFrom' | 'allowTo') =>
    fleet.tenants.flatMap((t) =>
      t.spec.network[field].flatMap((name, i): Claim<Loaded<Tenant>>[] => {
        const other = tenants.get(name);
        if (!other || other === t) return [];
        return [{ tenant: t, at: ['network', field, i], key: field === 'allowFrom' ? `${name}>${t.spec.name}` : `${t.spec.name}>${name}`, item: other }];
      }),
    );
  const found = oneSided(claims('allowTo'), claims('allowFrom'));
  const unanswered = (field: 'allowFrom' | 'allowTo', missing: 'allowFrom' | 'allowTo') => ({ tenant: t, at, item: other }: Claim<Loaded<Tenant>>) =>
    t.source.problem(at, `"${other.spec.name}" (${other.source.path}) does not list "${t.spec.name}" in network.${missing}; allowed: an allowance both teams declare (add "${t.spec.name}" to network.${missing} in ${other.source.path}, or remove "${other.spec.name}" from network.${field} here)`);
  return [...found.answers.map(unanswered('allowFrom', 'allowTo')), ...found.asks.map(unanswered('allowTo', 'allowFrom'))];
};

/** Whether tenants may run on a cluster: `tenancy.allowTenants`, else everywhere but on the management cluster. */
export const clusterTakesTenants = (c: Cluster): boolean => c.tenancy?.allowTenants ?? !c.management;

/**
 * The management cluster runs the Crossplane that holds every cluster's infrastructure role; tenant pods would share
 * its nodes. A tenant may list it (or any cluster with `tenancy.allowTenants: false`) only when its file says so.
 */
export const tenantsOnlyWhereAllowed: FleetRule = (fleet) => {
  const clusters = new Map(fleet.clusters.map((c) => [c.spec.name, c]));
  const open = fleet.clusters.filter((c) => clusterTakesTenants(c.spec)).map((c) => c.spec.name);
  return fleet.tenants.flatMap((t) =>
    t.spec.clusters.flatMap((name, i) => {
      const c = clusters.get(name);
      if (!c || clusterTakesTenants(c.spec)) return [];
      const why = c.spec.tenancy?.allowTenants === false ? `${c.source.path} sets tenancy.allowTenants: false` : `it is the management cluster and ${c.source.path} does not set tenancy.allowTenants: true`;
      return [t.source.problem(['clusters', i], `cluster "${name}" takes no tenants (${why}); allowed: ${open.join(', ') || 'none'}`)];
    }),
  );
};

/** The tenancy rules, in the order FLEET_RULES runs them. */
/** Each extra namespace `<tenant>-<suffix>` is a DNS label: 63 characters at most. */
export const namespacesFit: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    t.spec.namespaces.flatMap((suffix, i) => {
      const ns = `${t.spec.name}-${suffix}`;
      return ns.length <= NAMESPACE_MAX_LENGTH ? [] : [t.source.problem(['namespaces', i], `found "${suffix}": namespace "${ns}" has ${ns.length} characters; allowed: at most ${NAMESPACE_MAX_LENGTH} for "<name>-<suffix>", so a suffix of at most ${NAMESPACE_MAX_LENGTH - t.spec.name.length - 1} characters`)];
    }),
  );

/** `namespaceEnvironments` names only the tenant's extra namespaces. */
export const namespaceEnvironmentsNameNamespaces: FleetRule = (fleet) =>
  fleet.tenants.flatMap((t) =>
    Object.keys(t.spec.namespaceEnvironments ?? {})
      .filter((suffix) => !t.spec.namespaces.includes(suffix))
      .map((suffix) => t.source.problem(['namespaceEnvironments', suffix], `found "${suffix}", not one of the tenant's namespaces; allowed: ${t.spec.namespaces.map((n) => `"${n}"`).join(', ') || 'none (namespaces is empty)'}`)),
  );

export const TENANT_RULES: FleetRule[] = [
  namespacesFit, namespaceEnvironmentsNameNamespaces,
  tenantsOnlyWhereAllowed, reservedTenantNames, uniqueTenantNamespaces, uniqueHostnames, hostnamesNotNested, hostnamesInClusterDomains, quotasWithinCeilings,
  limitRangeRequestsWithinLimits, githubTeamsWellFormed, allowancesNameTenants, networkAllowancesAgree, ...TENANT_ZONE_RULES,
];

/** Warnings `generate` prints without failing: decommissioned tenants, tenant data stores left out for want of network ids. */
export function tenantWarnings(fleet: Fleet): string[] {
  return [...fleet.tenants
    .filter((t) => t.spec.decommissioned)
    .map((t) => `warning: ${t.source.path}: tenant "${t.spec.name}" is decommissioned: its namespaces and stateful AWS resources are kept, its apps are not reconciled. Remove the file only once its data is gone.`), ...tenantAwsWarnings(fleet)];
}

import { type AppSettings, type Environment, IMAGE_POLICY_NAMESPACE, NO_QUOTA, appNamespace, hostMatches, inDomain, resolveTenantZone, cpuMillis, imagePolicyName, maxPods, memoryMebibytes, semverRangeOf } from '@platform/platform';
import type { App, Cluster, Tenant } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import { namespaceEnvironment } from '../fleet-index.js';
import type { Fleet, Loaded, LoadedApp } from '../model.js';
import { resolveApp } from '../resolve-app.js';
import { imageMarkerOf } from '../image-automation.js';
import { APP_WORKLOAD_RULES } from './app-workload-rules.js';

type Path = (string | number)[];
const ENVIRONMENTS: Environment[] = ['development', 'staging', 'production'];

/** Each app with the clusters it runs on, resolved there; apps of unknown tenants are left to referencesExist. */
function placements(fleet: Fleet): { app: LoadedApp; tenant: Loaded<Tenant>; cluster: Loaded<Cluster>; settings: AppSettings }[] {
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const clusters = new Map(fleet.clusters.map((c) => [c.spec.name, c]));
  return fleet.apps.flatMap((app) => {
    const tenant = tenants.get(app.tenant);
    if (!tenant || !hasPorts(app.spec)) return [];
    return (app.spec.clusters ?? tenant.spec.clusters).flatMap((name) => {
      const cluster = clusters.get(name);
      if (!cluster || !tenant.spec.clusters.includes(name)) return [];
      return [{ app, tenant, cluster, settings: resolveApp(app, tenant.spec, cluster.spec) }];
    });
  });
}

/** Probes and metrics need a port: checked by appPorts, and assumed by the other rules. */
function hasPorts(a: App): boolean {
  if (a.port !== undefined) return true;
  return Object.values(a.probes ?? {}).every((p) => p?.port !== undefined) && (!a.metrics || a.metrics.port !== undefined) && !a.ingress;
}

/** Probes, metrics and ingress of an app without `port` must say which port they use. */
export const appPorts: FleetRule = (fleet) =>
  fleet.apps.flatMap(({ spec: a, source }) => {
    if (a.port !== undefined) return [];
    const problems: Diagnostic[] = [];
    for (const [which, p] of Object.entries(a.probes ?? {})) {
      if (p && p.port === undefined) problems.push(source.problem(['probes', which], `probe has no port and the app has no "port"; allowed: set "port" of the app or "probes.${which}.port"`));
    }
    if (a.metrics && a.metrics.port === undefined) problems.push(source.problem(['metrics'], `metrics have no port and the app has no "port"; allowed: set "port" or "metrics.port"`));
    if (a.ingress) problems.push(source.problem(['ingress'], `ingress routes to "port", which is not set; allowed: an ingress only on an app with "port"`));
    return problems;
  });

/** `replicas` and `autoscaling` exclude each other, at the top level and within one environment; max ≥ min. */
export const appScaling: FleetRule = (fleet) =>
  fleet.apps.flatMap(({ spec: a, source }) => {
    const problems: Diagnostic[] = [];
    const check = (at: Path, s: { replicas?: number; autoscaling?: { min: number; max: number } }) => {
      if (s.replicas !== undefined && s.autoscaling) {
        problems.push(source.problem([...at, 'replicas'], `found both "replicas" (${s.replicas}) and "autoscaling"; allowed: one of them (the autoscaler sets the pod count)`));
      }
      if (s.autoscaling && s.autoscaling.max < s.autoscaling.min) {
        problems.push(source.problem([...at, 'autoscaling', 'max'], `found max ${s.autoscaling.max} below min ${s.autoscaling.min}; allowed: max >= min`));
      }
    };
    check([], a);
    for (const env of ENVIRONMENTS) {
      const o = a.environments?.[env];
      if (o) check(['environments', env], o);
    }
    return problems;
  });


/**
 * The cluster whose DNS domain is the most specific one containing `host`: the only cluster that can publish and
 * serve it. Production's `example.com` contains `search.dev.example.com`, but that name is in the zone of the cluster
 * whose domain is `dev.example.com`; the parent zone delegates it away. Undefined when no cluster domain contains it.
 */
export function servingCluster(fleet: Pick<Fleet, 'clusters'>, host: string): Loaded<Cluster> | undefined {
  let best: Loaded<Cluster> | undefined;
  for (const c of fleet.clusters) {
    if (inDomain(host, c.spec.dns.domain) && (!best || c.spec.dns.domain.length > best.spec.dns.domain.length)) best = c;
  }
  return best;
}

/**
 * An ingress host must be one of the tenant's hostnames (or match one of its `*.` wildcards) and inside the domain of
 * the cluster it is served on, and no other cluster's more specific domain may contain it (that cluster's zone holds
 * the name; see `servingCluster`); or it is inside one of the tenant's own zones on that cluster, which holds it.
 */
export const appIngressHosts: FleetRule = (fleet) => {
  const problems = new Map<string, Diagnostic>();
  for (const { app, tenant, cluster, settings } of placements(fleet)) {
    const host = settings.ingress?.host;
    if (!host) continue;
    const env = namespaceEnvironment(tenant.spec, app.spec.namespace ?? '', cluster.spec) as Environment;
    const at: Path = app.spec.environments?.[env]?.ingress ? ['environments', env, 'ingress', 'host'] : ['ingress', 'host'];
    const owned = tenant.spec.hostnames;
    const domain = cluster.spec.dns.domain;
    const server = servingCluster(fleet, host);
    const ownZone = tenant.spec.dns.zones.some((e) => {
      const zone = resolveTenantZone(cluster.spec.dns, tenant.spec.name, e);
      return zone !== undefined && inDomain(host, zone.name);
    });
    let message: string | undefined;
    if (!owned.some((h) => hostMatches(host, h))) {
      message = `host "${host}" is not a hostname of tenant "${tenant.spec.name}"; allowed: ${owned.map((h) => `"${h}"`).join(', ') || 'none (list it under hostnames in ' + tenant.source.path + ')'}`;
    } else if (ownZone) {
      // the tenant's zone on this cluster holds the name, whichever cluster domain it is under
    } else if (!inDomain(host, domain)) {
      message = `host "${host}" is outside the domain of cluster "${cluster.spec.name}"; allowed: a name ending in ".${domain}" (set environments.${env}.ingress.host)`;
    } else if (server && server.spec.dns.domain !== domain) {
      message = `host "${host}" is in the domain "${server.spec.dns.domain}" of cluster "${server.spec.name}" (${server.source.path}), which cluster "${cluster.spec.name}" (domain "${domain}") cannot serve; allowed: a name in ".${domain}" outside the domains of other clusters (set environments.${env}.ingress.host, or leave "${cluster.spec.name}" out of clusters)`;
    }
    if (message) problems.set(`${at.join('.')}\n${message}`, app.source.problem(at, message));
  }
  return [...problems.values()];
};

/**
 * What an app may use at most (limits × most pods), summed per tenant namespace and cluster, must fit
 * the tenant's quota (itself within the cluster's ceilings); requests may not exceed limits.
 */
export const appResources: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  const all = placements(fleet);
  const reported = new Set<string>();
  for (const { app, settings } of all) {
    const { requests, limits } = settings.resources;
    for (const [q, parse] of [['cpu', cpuMillis], ['memory', memoryMebibytes]] as const) {
      const message = `request ${requests[q]} is above the limit ${limits[q]}; allowed: a request at most the limit`;
      if (parse(requests[q]) <= parse(limits[q]) || reported.has(`${app.source.path}\n${message}`)) continue;
      reported.add(`${app.source.path}\n${message}`);
      problems.push(app.source.problem(['resources', 'requests', q], message));
    }
  }
  const byNamespace = new Map<string, typeof all>();
  for (const p of all) {
    const key = `${p.cluster.spec.name}/${appNamespace(p.app.tenant, p.app.spec.namespace)}`;
    byNamespace.set(key, [...(byNamespace.get(key) ?? []), p]);
  }
  for (const [key, list] of byNamespace) {
    const [cluster, namespace] = key.split('/') as [string, string];
    const quota = list[0]!.tenant.spec.quotas;
    // Each check sums what the quota caps: CPU requests, memory limits (which bound requests too), pods; a cap of
    // `none` is not checked.
    const checks = [
      { what: 'CPU', field: 'cpu', basis: 'requests', cap: quota.cpu, each: (s: AppSettings) => maxPods(s) * cpuMillis(s.resources.requests.cpu), parse: cpuMillis, show: (m: number) => `${m / 1000}` },
      { what: 'memory', field: 'memory', basis: 'limits', cap: quota.memory, each: (s: AppSettings) => maxPods(s) * memoryMebibytes(s.resources.limits.memory), parse: memoryMebibytes, show: (m: number) => `${m}Mi` },
      { what: 'pods', field: 'pods', basis: 'pods', cap: quota.pods, each: maxPods, parse: Number, show: (n: number) => `${n}` },
    ];
    for (const c of checks) {
      if (c.cap === undefined || c.cap === NO_QUOTA) continue;
      const allowed = c.parse(String(c.cap));
      const total = list.reduce((n, p) => n + c.each(p.settings), 0);
      if (total <= allowed) continue;
      const parts = list.map((p) => `${p.app.spec.name} ${c.show(c.each(p.settings))}`).join(', ');
      const basis = c.basis === 'pods' ? 'most pods' : `${c.basis} x most pods`;
      for (const p of list) {
        const message = `apps in namespace "${namespace}" on cluster "${cluster}" may use ${c.show(total)} ${c.what} (${basis}: ${parts}); allowed: at most the tenant quota of ${c.show(allowed)} (quotas.${c.field} in ${p.tenant.source.path})`;
        problems.push(p.app.source.problem(['resources'], message));
      }
    }
  }
  return problems;
};

/** The app rules, in the order they run (listed in FLEET_RULES). */
/**
 * An app reads only secrets its tenant declares (`aws.secrets` of the tenant file): those are the
 * ones the platform creates in AWS, so a typo cannot leave an ExternalSecret failing at run time.
 */
export const appSecretsDeclared: FleetRule = (fleet) => {
  const declared = new Map(fleet.tenants.map((t) => [t.spec.name, (t.spec.aws?.secrets ?? []).map((s) => s.name)]));
  return fleet.apps.flatMap(({ spec: a, source, tenant }) => {
    const names = declared.get(tenant);
    if (!names) return [];
    return Object.entries(a.secrets ?? {}).flatMap(([variable, ref]) =>
      ref && !names.includes(ref.key)
        ? [source.problem(['secrets', variable, 'key'], `secret "${ref.key}" is not declared by tenant "${tenant}"; allowed: ${names.map((n) => `"${n}"`).join(', ') || 'none (add it under aws.secrets in tenants/' + tenant + '.yaml)'}`)]
        : [],
    );
  });
};

/**
 * An image automation marker after the tag must name exactly the app's policy: a misspelt marker
 * would silently stop bumps. No marker is a choice (the app's tag is then only changed by hand or
 * by Renovate), and a marker on a tag that is not semver has no policy to follow.
 */
export const appImageMarker: FleetRule = (fleet) =>
  fleet.apps.flatMap((app) => {
    const found = app.source.trailingComment(['image', 'tag']);
    if (!found?.includes('$imagepolicy')) return [];
    const tag = app.spec.image.tag;
    if (!semverRangeOf(tag)) {
      return [app.source.problem(['image', 'tag'], `found an image automation marker on tag "${tag}", which is not semver; allowed: a tag such as 1.4.2 or v1.4.2, or no marker`)];
    }
    const expected = imageMarkerOf(app);
    return found === expected ? [] : [app.source.problem(['image', 'tag'], `found the marker "${found}"; allowed: tag: ${tag} # ${expected}`)];
  });

/**
 * Names the platform joins from a tenant and an app name (`<tenant>-<app>`: the app's ImageRepository and ImagePolicy
 * in flux-system) are unique across the fleet: tenant `data` + app `platform-ingest` and tenant `data-platform` + app
 * `ingest` would render the same objects. Each app file names the other.
 */
export const appJoinedNamesUnique: FleetRule = (fleet) => {
  const byName = new Map<string, LoadedApp[]>();
  for (const a of fleet.apps) {
    const joined = imagePolicyName(a.tenant, a.spec.name);
    byName.set(joined, [...(byName.get(joined) ?? []), a]);
  }
  return [...byName.entries()].flatMap(([joined, apps]) =>
    apps.length < 2
      ? []
      : apps.map((a) => {
          const others = apps.filter((o) => o !== a).map((o) => `tenant "${o.tenant}" and app "${o.spec.name}" (${o.source.path})`);
          return a.source.problem(['name'], `tenant "${a.tenant}" and app "${a.spec.name}" make the name "${joined}" (its image policy and repository in ${IMAGE_POLICY_NAMESPACE}), as ${others.join(', ')} do; allowed: an app name whose "<tenant>-<app>" no other tenant's app makes`);
        }),
  );
};

export const APP_RULES: FleetRule[] = [appPorts, appScaling, appIngressHosts, appResources, appSecretsDeclared, appImageMarker, appJoinedNamesUnique, ...APP_WORKLOAD_RULES];

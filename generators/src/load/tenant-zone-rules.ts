import type { Tenant } from '@platform/schemas';
import { inDomain, internalIngressHost, resolveTenantZone, tenantZoneProblem, wildcardBase } from '@platform/platform';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import type { Fleet, Loaded } from '../model.js';

/** One tenant zone on one cluster, with the file entry that makes it. */
interface PlacedZone {
  readonly tenant: Loaded<Tenant>;
  readonly index: number;
  readonly cluster: string;
  readonly name: string;
}

const ZONES = ['dns', 'zones'];

/** Every zone of every tenant on every cluster that can have it. */
export function placedZones(fleet: Fleet): PlacedZone[] {
  const clusters = new Map(fleet.clusters.map((c) => [c.spec.name, c.spec]));
  return fleet.tenants.flatMap((t) =>
    t.spec.dns.zones.flatMap((entry, index) =>
      t.spec.clusters.flatMap((cn) => {
        const c = clusters.get(cn);
        const zone = c && resolveTenantZone(c.dns, t.spec.name, entry);
        return zone ? [{ tenant: t, index, cluster: cn, name: zone.name }] : [];
      }),
    ),
  );
}

/** The zones of one tenant, on any of its clusters. */
export const zonesOf = (fleet: Fleet, tenant: string) => placedZones(fleet).filter((z) => z.tenant.spec.name === tenant).map((z) => z.name);

/** The longest of `names` that is `host` or a domain above it, with its owners. */
function enclosing<T>(byName: ReadonlyMap<string, T[]>, host: string): [string, T[]] | undefined {
  const labels = host.split('.');
  for (let i = 0; i < labels.length; i++) {
    const name = labels.slice(i).join('.');
    const owners = byName.get(name);
    if (owners) return [name, owners];
  }
  return undefined;
}

function group<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

/**
 * A zone must be allowed on every cluster of the tenant (`dns.tenantZones` of the cluster file, with the parent it
 * names), and may not be or hold a cluster's domain or the platform's internal ingress name.
 */
export const tenantZonesAllowed: FleetRule = (fleet) => {
  const clusters = new Map(fleet.clusters.map((c) => [c.spec.name, c.spec]));
  const problems: Diagnostic[] = [];
  for (const t of fleet.tenants) {
    t.spec.dns.zones.forEach((entry, i) => {
      for (const cn of t.spec.clusters) {
        const c = clusters.get(cn);
        if (!c) continue;
        const why = tenantZoneProblem(c.dns, entry);
        const parents = [...(c.dns.hostedZoneId ? [`"${c.dns.domain}" (no parent)`] : []), ...(c.dns.tenantZones?.parents ?? []).map((p) => `"${p.domain}" (parent: ${p.name})`)];
        if (why) {
          problems.push(t.source.problem([...ZONES, i], `zone "${entry.name}" is outside the domains cluster "${cn}" allows for tenant zones: ${why}; allowed: a zone under ${parents.join(' or ') || 'none (the cluster allows no tenant zones)'}`));
          continue;
        }
        const name = resolveTenantZone(c.dns, t.spec.name, entry)!.name;
        const platform = fleet.clusters.find((o) => inDomain(o.spec.dns.domain, name) || inDomain(internalIngressHost(o.spec.dns.domain), name));
        if (platform) {
          problems.push(t.source.problem([...ZONES, i], `zone "${name}" (cluster "${cn}") holds the domain of cluster "${platform.spec.name}" or its internal ingress name; allowed: a zone below every cluster domain`));
        }
      }
    });
  }
  return problems;
};

/**
 * A zone name (on any cluster) belongs to one tenant: no other tenant has the same zone, a zone under it or above it,
 * or a hostname inside it; and no zone lies under another tenant's hostname. Both files are named.
 */
export const tenantZonesExclusive: FleetRule = (fleet) => {
  const zones = placedZones(fleet);
  const byName = group(zones, (z) => z.name);
  const problems = new Map<string, Diagnostic>();
  const add = (t: Loaded<Tenant>, at: (string | number)[], message: string) => problems.set(`${t.source.path}\n${at.join('.')}\n${message}`, t.source.problem(at, message));
  for (const z of zones) {
    // the zone itself and every domain above it, then (by the other zones' walks) every zone below it
    for (let at = 0; ; ) {
      const name = z.name.slice(at);
      for (const o of byName.get(name) ?? []) {
        if (o.tenant === z.tenant && name === z.name && o.cluster !== z.cluster) {
          // two clusters whose parents share a domain: two delegations of one name in one parent zone
          add(z.tenant, [...ZONES, z.index], `zone "${z.name}" is made on clusters ${[z.cluster, o.cluster].sort().join(' and ')}; allowed: a zone name on one cluster only (a parent with another domain per cluster)`);
        }
        if (o.tenant === z.tenant) continue;
        const how = name === z.name ? 'is also a zone of' : `is under zone "${name}" of`;
        add(z.tenant, [...ZONES, z.index], `zone "${z.name}" (cluster "${z.cluster}") ${how} tenant "${o.tenant.spec.name}" (${o.tenant.source.path}); allowed: a zone no other tenant has, above or below`);
        add(o.tenant, [...ZONES, o.index], `zone "${o.name}" (cluster "${o.cluster}") ${name === z.name ? 'is also a zone of' : `has zone "${z.name}" under it of`} tenant "${z.tenant.spec.name}" (${z.tenant.source.path}); allowed: a zone no other tenant has, above or below`);
      }
      const dot = z.name.indexOf('.', at);
      if (dot < 0) break;
      at = dot + 1;
    }
  }
  for (const t of fleet.tenants) {
    t.spec.hostnames.forEach((host, i) => {
      const found = enclosing(byName, wildcardBase(host) ?? host);
      for (const o of found ? found[1] : []) {
        if (o.tenant === t) continue;
        add(t, ['hostnames', i], `hostname "${host}" is in zone "${o.name}" of tenant "${o.tenant.spec.name}" (${o.tenant.source.path}); allowed: a name outside other tenants' zones`);
        add(o.tenant, [...ZONES, o.index], `zone "${o.name}" (cluster "${o.cluster}") overlaps hostname "${host}" of tenant "${t.spec.name}" (${t.source.path}); allowed: a zone holding no other tenant's hostname`);
      }
    });
  }
  const hostOwners = new Map<string, [Loaded<Tenant>, number][]>();
  for (const t of fleet.tenants) t.spec.hostnames.forEach((h, i) => { if (!wildcardBase(h)) hostOwners.set(h, [...(hostOwners.get(h) ?? []), [t, i]]); });
  for (const z of zones) {
    const found = enclosing(hostOwners, z.name);
    for (const [t, i] of found ? found[1] : []) {
      if (t === z.tenant || found![0] === z.name) continue;
      add(z.tenant, [...ZONES, z.index], `zone "${z.name}" (cluster "${z.cluster}") is under hostname "${found![0]}" of tenant "${t.spec.name}" (${t.source.path}); allowed: a zone under no other tenant's hostname`);
      add(t, ['hostnames', i], `hostname "${found![0]}" has zone "${z.name}" of tenant "${z.tenant.spec.name}" (${z.tenant.source.path}) under it; allowed: a name above no other tenant's zone`);
    }
  }
  return [...problems.values()];
};

/** A `*.` wildcard hostname lies inside one of the tenant's own zones (on one of its clusters). */
export const wildcardsInOwnZones: FleetRule = (fleet) => {
  const zones = placedZones(fleet);
  return fleet.tenants.flatMap((t) => {
    const mine = [...new Set(zones.filter((z) => z.tenant === t).map((z) => z.name))].sort();
    return t.spec.hostnames.flatMap((host, i) => {
      const base = wildcardBase(host);
      if (base === undefined || mine.some((z) => inDomain(base, z))) return [];
      return [t.source.problem(['hostnames', i], `wildcard "${host}" is outside the tenant's own zones; allowed: "*.<name>" inside ${mine.map((z) => `"${z}"`).join(' or ') || 'a zone of the tenant (add one under dns.zones)'}`)];
    });
  });
};

export const TENANT_ZONE_RULES: FleetRule[] = [tenantZonesAllowed, tenantZonesExclusive, wildcardsInOwnZones];

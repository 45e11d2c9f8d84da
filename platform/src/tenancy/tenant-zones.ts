/**
 * The tenant DNS zones of a cluster, resolved from the cluster file (`dns.tenantZones`) and the tenant files
 * (`dns.zones`), and the host-name matching every check of tenant hostnames shares (loader, admission, IAM).
 */

/** What a cluster file says about tenant zones (its `dns` section). */
export interface ClusterDns {
  readonly domain: string;
  readonly hostedZoneId?: string;
  readonly tenantZones?: {
    readonly delegationSetId: string;
    readonly nameServers: readonly string[];
    readonly parents?: readonly { readonly name: string; readonly domain: string; readonly hostedZoneId: string }[];
  };
}

/** One entry of a tenant file's `dns.zones`. */
export interface TenantZoneEntry {
  readonly name: string;
  /** @default - the cluster's dns.domain */
  readonly parent?: string;
}

/** A tenant zone on one cluster. */
export interface TenantZone {
  readonly tenant: string;
  /** The zone's domain name, e.g. `pay.staging.example.com`. */
  readonly name: string;
  /** The domain it is delegated from, and that domain's hosted zone (where its NS record goes). */
  readonly parentDomain: string;
  readonly parentZoneId: string;
}

/** Why a zone entry cannot be placed on a cluster; `undefined` when it can. */
export function tenantZoneProblem(dns: ClusterDns, entry: TenantZoneEntry): string | undefined {
  if (!dns.tenantZones) return 'the cluster does not allow tenant zones (no dns.tenantZones in its file)';
  if (entry.parent === undefined) return dns.hostedZoneId ? undefined : 'the cluster file has no dns.hostedZoneId to delegate from';
  const names = (dns.tenantZones.parents ?? []).map((p) => p.name);
  return names.includes(entry.parent) ? undefined : `parent "${entry.parent}" is not one of the cluster's dns.tenantZones.parents (${names.join(', ') || 'none'})`;
}

/** The zone an entry makes on a cluster, or `undefined` when the cluster cannot have it (see `tenantZoneProblem`). */
export function resolveTenantZone(dns: ClusterDns, tenant: string, entry: TenantZoneEntry): TenantZone | undefined {
  if (tenantZoneProblem(dns, entry)) return undefined;
  const parent = entry.parent === undefined
    ? { domain: dns.domain, hostedZoneId: dns.hostedZoneId! }
    : dns.tenantZones!.parents!.find((p) => p.name === entry.parent)!;
  return { tenant, name: `${entry.name}.${parent.domain}`, parentDomain: parent.domain, parentZoneId: parent.hostedZoneId };
}

/** Every tenant zone of a cluster, in the order of the tenants and their entries; entries the cluster cannot have are left out. */
export function tenantZonesOn(dns: ClusterDns, tenants: readonly { readonly name: string; readonly dns?: { readonly zones?: readonly TenantZoneEntry[] } }[]): TenantZone[] {
  return tenants.flatMap((t) => (t.dns?.zones ?? []).flatMap((e) => resolveTenantZone(dns, t.name, e) ?? []));
}

/** `host` is `domain` or a name under it. A `*.` wildcard is under its base. */
export const inDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** A `*.<base>` wildcard's base, or `undefined` for a plain name. */
export const wildcardBase = (host: string) => (host.startsWith('*.') ? host.slice(2) : undefined);

/**
 * `host` is served by the hostname `owned`: the same name, or `owned` is `*.<base>` and `host` is one label more
 * than `base` (an Ingress wildcard matches exactly one label).
 */
export function hostMatches(host: string, owned: string): boolean {
  if (host === owned) return true;
  const base = wildcardBase(owned);
  if (base === undefined || !host.endsWith(`.${base}`)) return false;
  const label = host.slice(0, host.length - base.length - 1);
  return label.length > 0 && !label.includes('.') && label !== '*';
}

/**
 * IAM `route53:ChangeResourceRecordSetsNormalizedRecordNames` patterns for the names inside a zone, for the
 * records (`<zone>`, `*.<zone>`) and the external-dns TXT registry (`<type>-<label>.<zone>`, inside `*.<zone>`).
 */
export const zoneRecordNamePatterns = (zone: string) => [zone, `*.${zone}`];

/** metadata.name of a tenant zone's Zone and its NS Record in the parent zone. */
export const tenantZoneResourceName = (zone: string) => `tenant-zone-${zone}`;
export const tenantZoneDelegationName = (zone: string) => `tenant-zone-delegation-${zone}`;

import { Cidr } from '@platform/platform';
import type { Diagnostic } from './diagnostic.js';
import { TENANT_RULES } from './tenant-rules.js';
import { ADDON_RULES } from './addon-rules.js';
import { APP_RULES } from './app-rules.js';
import { INFRA_RULES } from './infra-rules.js';
import { TENANT_AWS_RULES } from './tenant-aws-rules.js';
import { IMAGE_REGISTRY_RULES } from './image-registry-rules.js';
import { EXTERNAL_ACCESS_RULES } from './external-access-rules.js';
import { CI_OIDC_RULES } from './ci-oidc-rules.js';
import { TEAM_ROLE_RULES } from './team-role-rules.js';
import type { Fleet, Loaded } from '../model.js';

/**
 * Rules that span files. Each returns its problems; none throws. Tenancy and infrastructure rules
 * that need more of the model live beside these and are listed in FLEET_RULES.
 */
export type FleetRule = (fleet: Fleet) => Diagnostic[];

export const fileNameMatchesName: FleetRule = (fleet) => {
  const all: Loaded<{ name: string }>[] = [...fleet.clusters, ...fleet.tenants, ...fleet.apps];
  return all
    .filter((x) => baseName(x.source.path) !== x.spec.name)
    .map((x) => x.source.problem(['name'], `name "${x.spec.name}" does not match the file name; allowed: "${baseName(x.source.path)}" (rename the file or the name)`));
};

export const uniqueNames: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  const groups: [string, readonly Loaded<{ name: string }>[], (x: Loaded<{ name: string }>) => string][] = [
    ['cluster', fleet.clusters, (x) => x.spec.name],
    ['tenant', fleet.tenants, (x) => x.spec.name],
    ['app', fleet.apps, (x) => `${(x as { tenant?: string }).tenant}/${x.spec.name}`],
  ];
  for (const [what, items, key] of groups) {
    const seen = new Map<string, Loaded<{ name: string }>>();
    for (const x of items) {
      const first = seen.get(key(x));
      if (first) problems.push(x.source.problem(['name'], `duplicate ${what} "${x.spec.name}"; it is already declared in ${first.source.path}`));
      else seen.set(key(x), x);
    }
  }
  return problems;
};

export const oneManagementCluster: FleetRule = (fleet) => {
  const mgmt = fleet.clusters.filter((c) => c.spec.management);
  if (fleet.clusters.length === 0) return [];
  if (mgmt.length === 1) return [];
  if (mgmt.length === 0) {
    const first = fleet.clusters[0]!;
    return [first.source.problem(['management'], `no cluster has "management: true" (found 0); allowed: exactly one management cluster in clusters/`)];
  }
  return mgmt.map((c) =>
    c.source.problem(['management'], `${mgmt.length} clusters have "management: true" (${mgmt.map((m) => m.source.path).join(', ')}); allowed: exactly one`),
  );
};

/**
 * The platform team (the code owners of everything that is not a tenant's) is named once, in the management
 * cluster's file: it must name at least one team there, and no other cluster file may name any.
 */
export const platformTeamsOnManagement: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) => {
    const teams = c.spec.platformTeams;
    if (c.spec.management && teams.length === 0) {
      return [c.source.problem(['management'], `found no platformTeams in the management cluster; allowed: platformTeams: [<org>/<team>] naming the platform team, the code owners of everything that is not a tenant's`)];
    }
    if (!c.spec.management && teams.length > 0) {
      return [c.source.problem(['platformTeams'], `found platformTeams in a cluster that is not the management cluster; allowed: only in the management cluster's file`)];
    }
    return [];
  });

export const vpcCidrsDoNotOverlap: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  const parsed: [Loaded<{ name: string }>, Cidr][] = [];
  for (const c of fleet.clusters) {
    try {
      const cidr = Cidr.parse(c.spec.network.vpcCidr);
      if (cidr.prefixLength < 16 || cidr.prefixLength > 22) {
        problems.push(c.source.problem(['network', 'vpcCidr'], `found /${cidr.prefixLength}; allowed: a prefix length from /16 to /22 (AWS VPC limits and room for 4 tiers x 3 zones)`));
      }
      parsed.push([c, cidr]);
    } catch (e) {
      problems.push(c.source.problem(['network', 'vpcCidr'], `${(e as Error).message}`));
    }
  }
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      const [a, ca] = parsed[i]!;
      const [b, cb] = parsed[j]!;
      if (ca.overlaps(cb)) {
        const msg = (other: string, oc: Cidr) => `VPC ${ca === oc ? cb : ca} overlaps ${oc} of cluster "${other}"; allowed: VPC CIDRs that do not overlap across the fleet`;
        problems.push(a.source.problem(['network', 'vpcCidr'], msg(b.spec.name, cb)));
        problems.push(b.source.problem(['network', 'vpcCidr'], msg(a.spec.name, ca)));
      }
    }
  }
  return problems;
};

export const referencesExist: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  const clusters = new Set(fleet.clusters.map((c) => c.spec.name));
  const tenants = new Map(fleet.tenants.map((t) => [t.spec.name, t]));
  const known = [...clusters].sort().join(', ') || 'none';
  for (const t of fleet.tenants) {
    t.spec.clusters.forEach((c, i) => {
      if (!clusters.has(c)) problems.push(t.source.problem(['clusters', i], `unknown cluster "${c}"; allowed: ${known}`));
    });
  }
  for (const a of fleet.apps) {
    const tenant = tenants.get(a.tenant);
    if (!tenant) {
      problems.push(a.source.problem([], `folder apps/${a.tenant}/ names no tenant; allowed: ${[...tenants.keys()].sort().join(', ') || 'none'} (add tenants/${a.tenant}.yaml first)`));
      continue;
    }
    (a.spec.clusters ?? []).forEach((c, i) => {
      if (!tenant.spec.clusters.includes(c)) {
        problems.push(a.source.problem(['clusters', i], `cluster "${c}" is not one of tenant "${a.tenant}"'s clusters; allowed: ${tenant.spec.clusters.join(', ')}`));
      }
    });
    const ns = a.spec.namespace;
    if (ns && !tenant.spec.namespaces.includes(ns)) {
      problems.push(a.source.problem(['namespace'], `found "${ns}"; allowed: ${['""', ...tenant.spec.namespaces.map((n) => `"${n}"`)].join(', ')} (the namespaces of tenant "${a.tenant}")`));
    }
  }
  return problems;
};

/** Every cross-file rule, run in this order on a fleet whose files each passed their schema. */
export const FLEET_RULES: FleetRule[] = [fileNameMatchesName, uniqueNames, oneManagementCluster, platformTeamsOnManagement, vpcCidrsDoNotOverlap, ...INFRA_RULES, referencesExist, ...TENANT_RULES, ...TEAM_ROLE_RULES, ...TENANT_AWS_RULES, ...EXTERNAL_ACCESS_RULES, ...CI_OIDC_RULES, ...ADDON_RULES, ...APP_RULES, ...IMAGE_REGISTRY_RULES];

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.yaml$/, '');
}

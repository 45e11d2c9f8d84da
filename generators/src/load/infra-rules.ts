import { Cidr, SUBNET_TIERS, planSubnets } from '@platform/platform';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';

/**
 * The VPC holds every tier: 3 zones x 4 tiers of the given sizes, each aligned to its size. A VPC
 * too small, or a tier larger than the VPC, is reported against the cluster file.
 */
export const subnetTiersFit: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  for (const c of fleet.clusters) {
    const { vpcCidr, subnetPrefixLengths } = c.spec.network;
    try {
      Cidr.parse(vpcCidr);
    } catch {
      continue; // reported by vpcCidrsDoNotOverlap
    }
    for (const message of planSubnets(vpcCidr, subnetPrefixLengths, c.spec.aws.availabilityZones).problems) {
      const tier = SUBNET_TIERS.find((t) => message.startsWith(`${t} subnets`));
      problems.push(c.source.problem(tier ? ['network', 'subnetPrefixLengths', tier] : ['network', 'vpcCidr'], message));
    }
  }
  return problems;
};

/** Node group names are unique in a cluster and sizes are ordered: min <= desired <= max. */
export const nodeGroupsAreConsistent: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  for (const c of fleet.clusters) {
    const seen = new Set<string>();
    c.spec.nodeGroups.forEach((g, i) => {
      if (seen.has(g.name)) problems.push(c.source.problem(['nodeGroups', i, 'name'], `duplicate node group "${g.name}"; allowed: a name used once per cluster`));
      seen.add(g.name);
      if (g.minSize > g.maxSize) problems.push(c.source.problem(['nodeGroups', i, 'minSize'], `found ${g.minSize}, above maxSize ${g.maxSize}; allowed: 0 to ${g.maxSize}`));
      if (g.desiredSize !== undefined && (g.desiredSize < g.minSize || g.desiredSize > g.maxSize)) {
        problems.push(c.source.problem(['nodeGroups', i, 'desiredSize'], `found ${g.desiredSize}; allowed: ${g.minSize} to ${g.maxSize} (minSize to maxSize)`));
      }
    });
  }
  return problems;
};

/** A bastion needs an access list, and an access list needs a bastion (SSM opens no port). */
export const sshAccessIsConsistent: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) => {
    const { mode, cidrs } = c.spec.access.ssh;
    if (mode === 'bastion' && cidrs.length === 0) return [c.source.problem(['access', 'ssh', 'cidrs'], `found no CIDRs for mode bastion; allowed: at least one CIDR (or mode ssm)`)];
    if (mode === 'ssm' && cidrs.length > 0) return [c.source.problem(['access', 'ssh', 'cidrs'], `found ${cidrs.length} CIDR(s) with mode ssm, which opens no port; allowed: none (or mode bastion)`)];
    return [];
  });

/**
 * IRSA needs the cluster's OIDC issuer, which exists only once EKS has created the cluster: the
 * issuer must be set, and be one of the cluster's own region.
 */
export const irsaHasOidcIssuer: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) => {
    const issuer = c.spec.kubernetes.oidcIssuer;
    const region = c.spec.aws.region;
    if (c.spec.crossplane.credentials === 'IRSA' && !issuer) {
      return [c.source.problem(['crossplane', 'credentials'], `found IRSA without kubernetes.oidcIssuer; allowed: PodIdentity, or IRSA once kubernetes.oidcIssuer is set to the issuer EKS gave the cluster (after its first apply with PodIdentity)`)];
    }
    const issuerRegion = issuer ? /^oidc\.eks\.([^.]+)\./.exec(issuer)?.[1] : undefined;
    if (issuerRegion && issuerRegion !== region) {
      return [c.source.problem(['kubernetes', 'oidcIssuer'], `found an issuer of region ${issuerRegion}; allowed: the issuer of this cluster, in ${region} (oidc.eks.${region}.amazonaws.com/id/<id>)`)];
    }
    return [];
  });

/**
 * `network.ids` name the AWS objects of one cluster's own VPC. An id that another cluster file lists too was copied
 * along with that file (its data stores would land in the other cluster's subnets, in the other account or region):
 * every such id is an error in both files, naming the other.
 */
export const networkIdsAreOwn: FleetRule = (fleet) => {
  const owners = new Map<string, { cluster: string; file: string }[]>();
  const listed = (c: (typeof fleet.clusters)[number]) => {
    const ids = c.spec.network.ids;
    if (!ids) return [];
    return [
      { path: ['network', 'ids', 'vpcId'], id: ids.vpcId },
      ...ids.secureSubnetIds.map((id, i) => ({ path: ['network', 'ids', 'secureSubnetIds', i], id })),
      { path: ['network', 'ids', 'computeSecurityGroupId'], id: ids.computeSecurityGroupId },
    ];
  };
  for (const c of fleet.clusters) {
    for (const { id } of listed(c)) owners.set(id, [...(owners.get(id) ?? []), { cluster: c.spec.name, file: c.source.path }]);
  }
  return fleet.clusters.flatMap((c) =>
    listed(c).flatMap(({ path, id }) => {
      const others = (owners.get(id) ?? []).filter((o) => o.cluster !== c.spec.name);
      if (others.length === 0) return [];
      const where = others.map((o) => `cluster ${o.cluster} (${o.file}, region ${fleet.clusters.find((x) => x.spec.name === o.cluster)?.spec.aws.region})`).join(', ');
      return [
        c.source.problem(
          path,
          `found ${id}, which ${where} also lists; allowed: an id of this cluster's own VPC in ${c.spec.aws.region} ` +
            `(a copied cluster file keeps the other cluster's ids: remove network.ids until this cluster's first apply, then fill in its own)`,
        ),
      ];
    }),
  );
};

/** The infrastructure rules, in the order FLEET_RULES runs them. */
/**
 * The networks tenant databases may admit (`tenancy.databaseAccessCidrs`) are network addresses with unique names, and
 * none overlaps the cluster's VPC: that would admit every pod of every tenant, which the security groups keep out.
 */
export const databaseAccessCidrsValid: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) => {
    const problems: Diagnostic[] = [];
    const seen = new Set<string>();
    c.spec.tenancy.databaseAccessCidrs.forEach((a, i) => {
      const at = ['tenancy', 'databaseAccessCidrs', i];
      if (seen.has(a.name)) problems.push(c.source.problem([...at, 'name'], `duplicate network "${a.name}"; allowed: a name used once per cluster`));
      seen.add(a.name);
      let cidr: Cidr;
      try {
        cidr = Cidr.parse(a.cidr);
      } catch (e) {
        problems.push(c.source.problem([...at, 'cidr'], `found "${a.cidr}": ${(e as Error).message}; allowed: an IPv4 network address`));
        return;
      }
      let vpc: Cidr | undefined;
      try {
        vpc = Cidr.parse(c.spec.network.vpcCidr);
      } catch {
        vpc = undefined; // reported by vpcCidrsDoNotOverlap
      }
      if (vpc?.overlaps(cidr)) {
        problems.push(c.source.problem([...at, 'cidr'], `found "${a.cidr}", which overlaps the cluster's VPC ${c.spec.network.vpcCidr} and would admit every tenant's pods; allowed: a network outside the VPC`));
      }
    });
    return problems;
  });

export const INFRA_RULES: FleetRule[] = [subnetTiersFit, nodeGroupsAreConsistent, sshAccessIsConsistent, irsaHasOidcIssuer, networkIdsAreOwn, databaseAccessCidrsValid];

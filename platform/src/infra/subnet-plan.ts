import { Cidr } from '../network/cidr.js';

/** The four subnet tiers, in the order they are laid out in the VPC (largest first). */
export const SUBNET_TIERS = ['compute', 'secure', 'elb', 'mgmt'] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** Public tiers route to the internet gateway; private ones to their zone's NAT gateway. */
export const PUBLIC_TIERS: readonly SubnetTier[] = ['elb', 'mgmt'];

export interface PlannedSubnet {
  readonly tier: SubnetTier;
  readonly availabilityZone: string;
  /** Index of the zone (0, 1, 2), used in names: `<tier>-<index>`. */
  readonly zoneIndex: number;
  readonly cidr: string;
}

export interface SubnetPlan {
  readonly vpcCidr: string;
  readonly subnets: readonly PlannedSubnet[];
  /** Addresses of the VPC left unallocated after the last tier. */
  readonly freeAddresses: bigint;
}

/**
 * Cuts the VPC into one subnet per tier and zone: tier by tier in SUBNET_TIERS order, each tier's
 * zones side by side, each block aligned to its own size. Returns the problems instead when the
 * tiers do not fit, so the loader can report them against the cluster file.
 */
export function planSubnets(
  vpcCidr: string,
  prefixLengths: Readonly<Record<SubnetTier, number>>,
  zones: readonly string[],
): { plan?: SubnetPlan; problems: string[] } {
  const vpc = Cidr.parse(vpcCidr);
  const problems: string[] = [];
  for (const tier of SUBNET_TIERS) {
    if (prefixLengths[tier] < vpc.prefixLength) {
      problems.push(`${tier} subnets are /${prefixLengths[tier]}, larger than the VPC ${vpc}; allowed: a prefix length of at least /${vpc.prefixLength}`);
    }
  }
  if (problems.length > 0) return { problems };

  const subnets: PlannedSubnet[] = [];
  let offset = 0n;
  for (const tier of SUBNET_TIERS) {
    const size = 1n << BigInt(32 - prefixLengths[tier]);
    offset = ((offset + size - 1n) / size) * size;
    zones.forEach((availabilityZone, zoneIndex) => {
      subnets.push({ tier, availabilityZone, zoneIndex, cidr: vpc.at(offset, prefixLengths[tier]).toString() });
      offset += size;
    });
  }
  if (offset > vpc.size) {
    const need = requiredPrefix(offset);
    const sizes = SUBNET_TIERS.map((t) => `${t} /${prefixLengths[t]}`).join(', ');
    return {
      problems: [`VPC ${vpc} (${vpc.size} addresses) is too small for ${zones.length} zones x 4 tiers (${sizes}: ${offset} addresses); allowed: a VPC of /${need} or larger, or smaller tiers`],
    };
  }
  return { plan: { vpcCidr: vpc.toString(), subnets, freeAddresses: vpc.size - offset }, problems: [] };
}

/** Like planSubnets, but throws with the problems: for constructs, whose inputs the loader already checked. */
export function planSubnetsOrThrow(vpcCidr: string, prefixLengths: Readonly<Record<SubnetTier, number>>, zones: readonly string[]): SubnetPlan {
  const { plan, problems } = planSubnets(vpcCidr, prefixLengths, zones);
  if (!plan) throw new Error(`subnet plan of ${vpcCidr}: ${problems.join('; ')}`);
  return plan;
}

/** The smallest prefix length whose block holds `addresses`. */
function requiredPrefix(addresses: bigint): number {
  let prefix = 32;
  while (prefix > 0 && 1n << BigInt(32 - prefix) < addresses) prefix--;
  return prefix;
}

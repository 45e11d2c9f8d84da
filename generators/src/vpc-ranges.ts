import { Cidr } from '@platform/platform';
import type { Fleet } from './model.js';

/** The first `count` /16 ranges of 10.0.0.0/8 that overlap no cluster VPC of the fleet, for the next cluster. */
export function freeVpcRanges(fleet: Pick<Fleet, 'clusters'>, count: number): string[] {
  const used = fleet.clusters.map((c) => Cidr.parse(c.spec.network.vpcCidr));
  const free: string[] = [];
  for (let octet = 0; octet < 256 && free.length < count; octet++) {
    const candidate = Cidr.parse(`10.${octet}.0.0/16`);
    if (!used.some((u) => u.overlaps(candidate))) free.push(candidate.toString());
  }
  return free;
}

import { describe, expect, it } from 'vitest';
import { planSubnets, planSubnetsOrThrow } from '../../src/infra/subnet-plan.js';

const zones = ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'];
const defaults = { compute: 19, secure: 22, elb: 24, mgmt: 26 };

describe('planSubnets', () => {
  it('GIVEN a /16 and the default tiers WHEN planned THEN lays tiers out in order, aligned, without overlap', () => {
    const plan = planSubnetsOrThrow('10.10.0.0/16', defaults, zones);
    expect(plan.subnets.map((s) => `${s.tier}-${s.zoneIndex} ${s.availabilityZone} ${s.cidr}`)).toEqual([
      'compute-0 eu-west-2a 10.10.0.0/19',
      'compute-1 eu-west-2b 10.10.32.0/19',
      'compute-2 eu-west-2c 10.10.64.0/19',
      'secure-0 eu-west-2a 10.10.96.0/22',
      'secure-1 eu-west-2b 10.10.100.0/22',
      'secure-2 eu-west-2c 10.10.104.0/22',
      'elb-0 eu-west-2a 10.10.108.0/24',
      'elb-1 eu-west-2b 10.10.109.0/24',
      'elb-2 eu-west-2c 10.10.110.0/24',
      'mgmt-0 eu-west-2a 10.10.111.0/26',
      'mgmt-1 eu-west-2b 10.10.111.64/26',
      'mgmt-2 eu-west-2c 10.10.111.128/26',
    ]);
    expect(plan.freeAddresses).toBe(65536n - 28608n);
  });

  it('GIVEN a smaller tier before a larger one WHEN planned THEN the larger block is aligned to its size', () => {
    const plan = planSubnetsOrThrow('10.0.0.0/20', { compute: 26, secure: 24, elb: 28, mgmt: 28 }, zones);
    expect(plan.subnets.filter((s) => s.tier === 'secure').map((s) => s.cidr)).toEqual(['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']);
  });

  it('GIVEN a VPC too small WHEN planned THEN names the sizes and the VPC needed', () => {
    expect(planSubnets('10.0.0.0/18', defaults, zones).problems).toEqual([
      'VPC 10.0.0.0/18 (16384 addresses) is too small for 3 zones x 4 tiers (compute /19, secure /22, elb /24, mgmt /26: 28608 addresses); allowed: a VPC of /17 or larger, or smaller tiers',
    ]);
    expect(() => planSubnetsOrThrow('10.0.0.0/18', defaults, zones)).toThrow('subnet plan of 10.0.0.0/18: VPC 10.0.0.0/18 (16384 addresses) is too small');
  });

  it('GIVEN a tier larger than the VPC WHEN planned THEN reports that tier', () => {
    expect(planSubnets('10.0.0.0/22', { ...defaults, compute: 20 }, zones).problems).toEqual([
      'compute subnets are /20, larger than the VPC 10.0.0.0/22; allowed: a prefix length of at least /22',
    ]);
  });
});

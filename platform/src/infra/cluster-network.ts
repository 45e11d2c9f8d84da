import { Construct } from 'constructs';
import { Eip, InternetGateway, NatGateway, Route, RouteTable, RouteTableAssociation, Subnet, Vpc } from '../crossplane/ec2/network.js';
import { type InfraProps, mrBase, named, resolveInfra } from './infra-props.js';
import { PUBLIC_TIERS, type SubnetPlan, type SubnetTier } from './subnet-plan.js';

export interface ClusterNetworkProps extends InfraProps {
  /** The subnets to create (see planSubnets). */
  readonly plan: SubnetPlan;
}

/** metadata.name of the subnet of a tier in a zone. */
export const subnetName = (tier: SubnetTier, zoneIndex: number) => `${tier}-${zoneIndex}`;
export const VPC_NAME = 'vpc';

/** Load-balancer discovery tags of each tier (kubernetes.io/role/...); the cluster tag goes on every subnet. */
const TIER_TAGS: Record<SubnetTier, Record<string, string>> = {
  elb: { 'kubernetes.io/role/elb': '1' },
  compute: { 'kubernetes.io/role/internal-elb': '1' },
  secure: {},
  mgmt: {},
};

/**
 * The cluster's VPC: DNS support and hostnames, one subnet per tier and zone from the plan, an
 * internet gateway, an EIP and NAT gateway per zone (in the elb tier), a public route table for
 * elb and mgmt, and per zone a private route table for secure and compute through that zone's NAT.
 * The VPC and subnets are retained: removing them from Git never deletes them.
 */
export class ClusterNetwork extends Construct {
  constructor(scope: Construct, id: string, props: ClusterNetworkProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const { region } = infra;
    const vpcIdRef = { name: VPC_NAME };
    const zones = [...new Set(props.plan.subnets.map((s) => s.zoneIndex))];

    new Vpc(this, 'vpc', {
      ...mrBase(infra, VPC_NAME),
      retain: true,
      forProvider: { region, cidrBlock: props.plan.vpcCidr, enableDnsSupport: true, enableDnsHostnames: true, tags: named(infra, 'vpc') },
    });
    for (const s of props.plan.subnets) {
      const name = subnetName(s.tier, s.zoneIndex);
      new Subnet(this, name, {
        ...mrBase(infra, name),
        labels: { ...infra.labels, 'platform.example.com/subnet-tier': s.tier },
        retain: true,
        forProvider: {
          region,
          vpcIdRef,
          availabilityZone: s.availabilityZone,
          cidrBlock: s.cidr,
          mapPublicIpOnLaunch: false,
          tags: named(infra, name, { ...TIER_TAGS[s.tier], [`kubernetes.io/cluster/${infra.cluster}`]: 'shared', 'platform.example.com/subnet-tier': s.tier }),
        },
      });
    }

    new InternetGateway(this, 'igw', { ...mrBase(infra, 'igw'), forProvider: { region, vpcIdRef, tags: named(infra, 'igw') } });
    new RouteTable(this, 'public', { ...mrBase(infra, 'public'), forProvider: { region, vpcIdRef, tags: named(infra, 'public') } });
    new Route(this, 'public-default', {
      ...mrBase(infra, 'public-default'),
      forProvider: { region, routeTableIdRef: { name: 'public' }, destinationCidrBlock: '0.0.0.0/0', gatewayIdRef: { name: 'igw' } },
    });

    for (const z of zones) {
      const nat = `nat-${z}`;
      const rt = `private-${z}`;
      new Eip(this, `eip-${z}`, { ...mrBase(infra, nat), forProvider: { region, domain: 'vpc', tags: named(infra, nat) } });
      new NatGateway(this, nat, {
        ...mrBase(infra, nat),
        forProvider: { region, allocationIdRef: { name: nat }, subnetIdRef: { name: subnetName('elb', z) }, connectivityType: 'public', tags: named(infra, nat) },
      });
      new RouteTable(this, rt, { ...mrBase(infra, rt), forProvider: { region, vpcIdRef, tags: named(infra, rt) } });
      new Route(this, `${rt}-default`, {
        ...mrBase(infra, `${rt}-default`),
        forProvider: { region, routeTableIdRef: { name: rt }, destinationCidrBlock: '0.0.0.0/0', natGatewayIdRef: { name: nat } },
      });
    }

    for (const s of props.plan.subnets) {
      const name = subnetName(s.tier, s.zoneIndex);
      const table = PUBLIC_TIERS.includes(s.tier) ? 'public' : `private-${s.zoneIndex}`;
      new RouteTableAssociation(this, `assoc-${name}`, {
        ...mrBase(infra, name),
        forProvider: { region, routeTableIdRef: { name: table }, subnetIdRef: { name } },
      });
    }
  }
}

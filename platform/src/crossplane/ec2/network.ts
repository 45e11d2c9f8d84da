import { BOOL, NUM, STR, STR_MAP, oneOf, referable, regional } from '../_fields.js';
import type { Ref, RegionalForProvider, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

/**
 * The ec2 kinds of a VPC: VPC, Subnet, InternetGateway, EIP, NATGateway, RouteTable, Route and
 * RouteTableAssociation. All are ID-identified (AWS assigns the id), so none takes an external name.
 */
const ec2 = kindsOf('ec2.aws.m.upbound.io/v1beta1');

export type { TaggedForProvider } from '../_fields.js';

/** Fields of the kinds that live in a VPC. */
export interface InVpcForProvider extends TaggedForProvider {
  readonly vpcId?: string;
  readonly vpcIdRef?: Ref;
}

export const EC2_VPC = ec2('VPC', regional({
  assignGeneratedIpv6CidrBlock: BOOL,
  cidrBlock: STR,
  enableDnsHostnames: BOOL,
  enableDnsSupport: BOOL,
  enableNetworkAddressUsageMetrics: BOOL,
  instanceTenancy: oneOf('default', 'dedicated'),
  ipv4NetmaskLength: NUM,
  tags: STR_MAP,
}));

export interface VpcForProvider extends TaggedForProvider {
  readonly cidrBlock: string;
  readonly enableDnsSupport?: boolean;
  readonly enableDnsHostnames?: boolean;
}

export const Vpc = managedResourceClass<VpcForProvider>(EC2_VPC);

export const EC2_SUBNET = ec2('Subnet', regional({
  assignIpv6AddressOnCreation: BOOL,
  availabilityZone: STR,
  availabilityZoneId: STR,
  cidrBlock: STR,
  enableResourceNameDnsARecordOnLaunch: BOOL,
  mapPublicIpOnLaunch: BOOL,
  privateDnsHostnameTypeOnLaunch: oneOf('ip-name', 'resource-name'),
  tags: STR_MAP,
  ...referable('vpcId'),
}));

export interface SubnetForProvider extends InVpcForProvider {
  readonly availabilityZone: string;
  readonly cidrBlock: string;
  readonly mapPublicIpOnLaunch?: boolean;
  readonly privateDnsHostnameTypeOnLaunch?: 'ip-name' | 'resource-name';
}

export const Subnet = managedResourceClass<SubnetForProvider>(EC2_SUBNET);

export const EC2_INTERNET_GATEWAY = ec2('InternetGateway', regional({ tags: STR_MAP, ...referable('vpcId') }));

export const InternetGateway = managedResourceClass<InVpcForProvider>(EC2_INTERNET_GATEWAY);

export const EC2_EIP = ec2('EIP', regional({ domain: oneOf('vpc', 'standard'), networkBorderGroup: STR, publicIpv4Pool: STR, tags: STR_MAP }));

export interface EipForProvider extends TaggedForProvider {
  readonly domain: 'vpc';
}

export const Eip = managedResourceClass<EipForProvider>(EC2_EIP);

export const EC2_NAT_GATEWAY = ec2('NATGateway', regional({
  ...referable('allocationId'),
  connectivityType: oneOf('public', 'private'),
  privateIp: STR,
  ...referable('subnetId'),
  ...referable('vpcId'),
  tags: STR_MAP,
}));

export interface NatGatewayForProvider extends TaggedForProvider {
  /** The EIP of a public NAT gateway. */
  readonly allocationIdRef?: Ref;
  readonly connectivityType?: 'public' | 'private';
  /** The public subnet the gateway sits in. */
  readonly subnetIdRef?: Ref;
}

export const NatGateway = managedResourceClass<NatGatewayForProvider>(EC2_NAT_GATEWAY);

export const EC2_ROUTE_TABLE = ec2('RouteTable', regional({ tags: STR_MAP, ...referable('vpcId') }));

export const RouteTable = managedResourceClass<InVpcForProvider>(EC2_ROUTE_TABLE);

export const EC2_ROUTE = ec2('Route', regional({
  destinationCidrBlock: STR,
  destinationIpv6CidrBlock: STR,
  ...referable('gatewayId'),
  ...referable('natGatewayId'),
  ...referable('routeTableId'),
  ...referable('transitGatewayId'),
  ...referable('vpcEndpointId'),
  ...referable('vpcPeeringConnectionId'),
}));

export interface RouteForProvider extends RegionalForProvider {
  readonly destinationCidrBlock: string;
  readonly routeTableIdRef: Ref;
  /** An InternetGateway. */
  readonly gatewayIdRef?: Ref;
  readonly natGatewayIdRef?: Ref;
}

export const Route = managedResourceClass<RouteForProvider>(EC2_ROUTE);

export const EC2_ROUTE_TABLE_ASSOCIATION = ec2('RouteTableAssociation', regional({ ...referable('gatewayId'), ...referable('routeTableId'), ...referable('subnetId') }));

export interface RouteTableAssociationForProvider extends RegionalForProvider {
  readonly routeTableIdRef: Ref;
  readonly subnetIdRef: Ref;
}

export const RouteTableAssociation = managedResourceClass<RouteTableAssociationForProvider>(EC2_ROUTE_TABLE_ASSOCIATION);


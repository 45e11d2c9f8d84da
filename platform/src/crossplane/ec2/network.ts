import type { Construct } from 'constructs';
import { BOOL, NUM, STR, STR_MAP, oneOf, referable, regional, untyped } from '../_fields.js';
import type { Ref, RegionalForProvider, Tags, TypedManagedResourceProps } from '../_fields.js';
import { ManagedResource, defineManagedResourceKind } from '../managed-resource.js';

/**
 * The ec2 kinds of a VPC: VPC, Subnet, InternetGateway, EIP, NATGateway, RouteTable, Route and
 * RouteTableAssociation. All are ID-identified (AWS assigns the id), so none takes an external name.
 */
const EC2 = 'ec2.aws.m.upbound.io/v1beta1';

export interface TaggedForProvider extends RegionalForProvider {
  readonly tags?: Tags;
}

/** Fields of the kinds that live in a VPC. */
export interface InVpcForProvider extends TaggedForProvider {
  readonly vpcId?: string;
  readonly vpcIdRef?: Ref;
}

export const EC2_VPC = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'VPC',
  forProvider: regional({
    assignGeneratedIpv6CidrBlock: BOOL,
    cidrBlock: STR,
    enableDnsHostnames: BOOL,
    enableDnsSupport: BOOL,
    enableNetworkAddressUsageMetrics: BOOL,
    instanceTenancy: oneOf('default', 'dedicated'),
    ipv4NetmaskLength: NUM,
    tags: STR_MAP,
  }),
});

export interface VpcForProvider extends TaggedForProvider {
  readonly cidrBlock: string;
  readonly enableDnsSupport?: boolean;
  readonly enableDnsHostnames?: boolean;
}

export class Vpc extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<VpcForProvider>) {
    super(scope, id, EC2_VPC, untyped(props));
  }
}

export const EC2_SUBNET = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'Subnet',
  forProvider: regional({
    assignIpv6AddressOnCreation: BOOL,
    availabilityZone: STR,
    availabilityZoneId: STR,
    cidrBlock: STR,
    enableResourceNameDnsARecordOnLaunch: BOOL,
    mapPublicIpOnLaunch: BOOL,
    privateDnsHostnameTypeOnLaunch: oneOf('ip-name', 'resource-name'),
    tags: STR_MAP,
    ...referable('vpcId'),
  }),
});

export interface SubnetForProvider extends InVpcForProvider {
  readonly availabilityZone: string;
  readonly cidrBlock: string;
  readonly mapPublicIpOnLaunch?: boolean;
  readonly privateDnsHostnameTypeOnLaunch?: 'ip-name' | 'resource-name';
}

export class Subnet extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<SubnetForProvider>) {
    super(scope, id, EC2_SUBNET, untyped(props));
  }
}

export const EC2_INTERNET_GATEWAY = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'InternetGateway',
  forProvider: regional({ tags: STR_MAP, ...referable('vpcId') }),
});

export class InternetGateway extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<InVpcForProvider>) {
    super(scope, id, EC2_INTERNET_GATEWAY, untyped(props));
  }
}

export const EC2_EIP = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'EIP',
  forProvider: regional({ domain: oneOf('vpc', 'standard'), networkBorderGroup: STR, publicIpv4Pool: STR, tags: STR_MAP }),
});

export interface EipForProvider extends TaggedForProvider {
  readonly domain: 'vpc';
}

export class Eip extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<EipForProvider>) {
    super(scope, id, EC2_EIP, untyped(props));
  }
}

export const EC2_NAT_GATEWAY = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'NATGateway',
  forProvider: regional({
    ...referable('allocationId'),
    connectivityType: oneOf('public', 'private'),
    privateIp: STR,
    ...referable('subnetId'),
    ...referable('vpcId'),
    tags: STR_MAP,
  }),
});

export interface NatGatewayForProvider extends TaggedForProvider {
  /** The EIP of a public NAT gateway. */
  readonly allocationIdRef?: Ref;
  readonly connectivityType?: 'public' | 'private';
  /** The public subnet the gateway sits in. */
  readonly subnetIdRef?: Ref;
}

export class NatGateway extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<NatGatewayForProvider>) {
    super(scope, id, EC2_NAT_GATEWAY, untyped(props));
  }
}

export const EC2_ROUTE_TABLE = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'RouteTable',
  forProvider: regional({ tags: STR_MAP, ...referable('vpcId') }),
});

export class RouteTable extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<InVpcForProvider>) {
    super(scope, id, EC2_ROUTE_TABLE, untyped(props));
  }
}

export const EC2_ROUTE = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'Route',
  forProvider: regional({
    destinationCidrBlock: STR,
    destinationIpv6CidrBlock: STR,
    ...referable('gatewayId'),
    ...referable('natGatewayId'),
    ...referable('routeTableId'),
    ...referable('transitGatewayId'),
    ...referable('vpcEndpointId'),
    ...referable('vpcPeeringConnectionId'),
  }),
});

export interface RouteForProvider extends RegionalForProvider {
  readonly destinationCidrBlock: string;
  readonly routeTableIdRef: Ref;
  /** An InternetGateway. */
  readonly gatewayIdRef?: Ref;
  readonly natGatewayIdRef?: Ref;
}

export class Route extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<RouteForProvider>) {
    super(scope, id, EC2_ROUTE, untyped(props));
  }
}

export const EC2_ROUTE_TABLE_ASSOCIATION = defineManagedResourceKind({
  apiVersion: EC2,
  kind: 'RouteTableAssociation',
  forProvider: regional({ ...referable('gatewayId'), ...referable('routeTableId'), ...referable('subnetId') }),
});

export interface RouteTableAssociationForProvider extends RegionalForProvider {
  readonly routeTableIdRef: Ref;
  readonly subnetIdRef: Ref;
}

export class RouteTableAssociation extends ManagedResource {
  constructor(scope: Construct, id: string, props: TypedManagedResourceProps<RouteTableAssociationForProvider>) {
    super(scope, id, EC2_ROUTE_TABLE_ASSOCIATION, untyped(props));
  }
}


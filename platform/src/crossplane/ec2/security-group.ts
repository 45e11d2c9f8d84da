import { BOOL, NUM, STR, STR_MAP, referable, regional } from '../_fields.js';
import type { Ref, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass, type ManagedResourceKind } from '../managed-resource.js';
import type { InVpcForProvider } from './network.js';

const ec2 = kindsOf('ec2.aws.m.upbound.io/v1beta1');

/** ec2 SecurityGroup. ID-identified; its rules are separate SecurityGroupIngressRule/EgressRule objects. */
export const EC2_SECURITY_GROUP = ec2('SecurityGroup', regional({ description: STR, name: STR, revokeRulesOnDelete: BOOL, tags: STR_MAP, ...referable('vpcId') }));

export interface SecurityGroupForProvider extends InVpcForProvider {
  /** AWS group name; unique in the VPC. */
  readonly name?: string;
  readonly description?: string;
  readonly revokeRulesOnDelete?: boolean;
}

export const SecurityGroup = managedResourceClass<SecurityGroupForProvider>(EC2_SECURITY_GROUP);

function ruleKind(kind: string): ManagedResourceKind {
  const fields = { cidrIpv4: STR, cidrIpv6: STR, description: STR, fromPort: NUM, toPort: NUM, ipProtocol: STR };
  const refs = { ...referable('prefixListId'), ...referable('referencedSecurityGroupId'), ...referable('securityGroupId') };
  return ec2(kind, regional({ ...fields, ...refs, tags: STR_MAP }, ['ipProtocol']));
}

export const EC2_SECURITY_GROUP_INGRESS_RULE = ruleKind('SecurityGroupIngressRule');
export const EC2_SECURITY_GROUP_EGRESS_RULE = ruleKind('SecurityGroupEgressRule');

/** One rule: a protocol and port range, from (ingress) or to (egress) one CIDR or one security group. */
export interface SecurityGroupRuleForProvider extends TaggedForProvider {
  /** The group the rule belongs to. */
  readonly securityGroupIdRef: Ref;
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly ipProtocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrIpv4?: string;
  readonly referencedSecurityGroupIdRef?: Ref;
  readonly description?: string;
}

export const SecurityGroupIngressRule = managedResourceClass<SecurityGroupRuleForProvider>(EC2_SECURITY_GROUP_INGRESS_RULE);

export const SecurityGroupEgressRule = managedResourceClass<SecurityGroupRuleForProvider>(EC2_SECURITY_GROUP_EGRESS_RULE);

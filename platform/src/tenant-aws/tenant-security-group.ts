import { Construct } from 'constructs';
import { SecurityGroup, SecurityGroupIngressRule, type SecurityGroupRuleForProvider } from '../crossplane/ec2/security-group.js';
import { type TenantAwsEnv, type TenantNetwork, awsName, mrCommon, tenantTags } from './tenant-aws-env.js';

export interface TenantSecurityGroupProps {
  readonly env: TenantAwsEnv;
  readonly network: TenantNetwork;
  /** metadata.name of the group; its AWS name is `<cluster>-<tenant>-<name>`. */
  readonly name: string;
  /** The one TCP port the data store listens on. */
  readonly port: number;
  /** What the group protects, for its AWS description. */
  readonly description: string;
  /** Networks outside the cluster that may reach the port too, each with a label unique in the list. @default [] */
  readonly fromCidrs?: readonly { readonly label: string; readonly cidr: string; readonly description: string }[];
}

/**
 * A security group for one tenant data store (database, cache, search domain) that admits one TCP
 * port from the cluster's compute tier (and from the given CIDRs, which the loader holds to the
 * cluster's allowlist) and nothing else. It has no egress rules.
 */
export class TenantSecurityGroup extends Construct {
  /** Reference for `vpcSecurityGroupIdRefs` and friends. */
  readonly ref: { readonly name: string };

  constructor(scope: Construct, id: string, props: TenantSecurityGroupProps) {
    super(scope, id);
    const { env, network, name } = props;
    const common = mrCommon(env, name);
    this.ref = { name };
    new SecurityGroup(this, 'group', {
      ...common,
      forProvider: { region: env.region, name: awsName(env, name), description: props.description, vpcId: network.vpcId, revokeRulesOnDelete: true, tags: tenantTags(env) },
    });
    const rule: SecurityGroupRuleForProvider & { readonly referencedSecurityGroupId: string } = {
      region: env.region,
      securityGroupIdRef: this.ref,
      ipProtocol: 'tcp',
      fromPort: props.port,
      toPort: props.port,
      referencedSecurityGroupId: network.computeSecurityGroupId,
      description: 'from the compute tier only',
      tags: tenantTags(env),
    };
    new SecurityGroupIngressRule(this, 'from-compute', { ...common, name: `${name}-from-compute`, forProvider: rule });
    for (const from of props.fromCidrs ?? []) {
      const { referencedSecurityGroupId: _compute, ...tcp } = rule;
      new SecurityGroupIngressRule(this, `from-${from.label}`, { ...common, name: `${name}-from-${from.label}`, forProvider: { ...tcp, cidrIpv4: from.cidr, description: from.description } });
    }
  }
}

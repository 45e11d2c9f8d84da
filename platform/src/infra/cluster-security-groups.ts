import { Construct } from 'constructs';
import { SecurityGroup, SecurityGroupEgressRule, SecurityGroupIngressRule, type SecurityGroupRuleForProvider } from '../crossplane/ec2/security-group.js';
import { type InfraProps, mrBase, named, resolveInfra, type ResolvedInfra } from './infra-props.js';
import { VPC_NAME } from './cluster-network.js';

export interface ClusterSecurityGroupsProps extends InfraProps {
  /** CIDRs that may reach the Kubernetes API (port 443 of the control plane). @default [] */
  readonly apiCidrs?: readonly string[];
  /** CIDRs that may reach the bastion on port 22; a bastion group is only created when given. @default - no bastion */
  readonly bastionCidrs?: readonly string[];
}

/** metadata.name of the security groups. */
export const SECURITY_GROUPS = { controlPlane: 'control-plane', nodes: 'nodes', bastion: 'bastion' } as const;

type Rule = Omit<SecurityGroupRuleForProvider, 'region' | 'securityGroupIdRef'> & { readonly name: string };

/**
 * The cluster's security groups: control plane, nodes and (optionally) bastion, with one ingress
 * rule per CIDR of the access lists. Nothing is open to 0.0.0.0/0 for ingress; egress is open so
 * nodes reach AWS APIs and registries through the NAT gateways.
 */
export class ClusterSecurityGroups extends Construct {
  private readonly infra: ResolvedInfra;

  constructor(scope: Construct, id: string, props: ClusterSecurityGroupsProps) {
    super(scope, id);
    this.infra = resolveInfra(props);
    const { controlPlane, nodes, bastion } = SECURITY_GROUPS;
    const cp = { name: controlPlane };
    const nd = { name: nodes };

    this.group(controlPlane, 'EKS control plane: API from nodes and the API access list', [
      { name: `${controlPlane}-from-nodes`, ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupIdRef: nd, description: 'API from nodes' },
      ...(props.apiCidrs ?? []).map((cidr, i) => ({ name: `${controlPlane}-api-${i}`, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: cidr, description: `API from ${cidr}` })),
    ]);
    this.group(nodes, 'Worker nodes: node to node, and kubelet/webhooks from the control plane', [
      { name: `${nodes}-from-nodes`, ipProtocol: '-1', referencedSecurityGroupIdRef: nd, description: 'node to node' },
      { name: `${nodes}-from-control-plane`, ipProtocol: 'tcp', fromPort: 1025, toPort: 65535, referencedSecurityGroupIdRef: cp, description: 'kubelet and webhooks from the control plane' },
      { name: `${nodes}-https-from-control-plane`, ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupIdRef: cp, description: 'webhooks on 443 from the control plane' },
      ...(props.bastionCidrs ? [{ name: `${nodes}-ssh-from-bastion`, ipProtocol: 'tcp', fromPort: 22, toPort: 22, referencedSecurityGroupIdRef: { name: bastion }, description: 'SSH from the bastion' }] : []),
    ]);
    if (props.bastionCidrs) {
      this.group(bastion, 'Bastion: SSH from the access list only', props.bastionCidrs.map((cidr, i) => ({ name: `${bastion}-ssh-${i}`, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: cidr, description: `SSH from ${cidr}` })));
    }
  }

  private group(name: string, description: string, ingress: readonly Rule[]): void {
    const { region } = this.infra;
    new SecurityGroup(this, name, {
      ...mrBase(this.infra, name),
      forProvider: { region, name: `${this.infra.cluster}-${name}`, description, vpcIdRef: { name: VPC_NAME }, revokeRulesOnDelete: true, tags: named(this.infra, name) },
    });
    const securityGroupIdRef = { name };
    for (const { name: ruleName, ...rule } of ingress) {
      new SecurityGroupIngressRule(this, ruleName, { ...mrBase(this.infra, ruleName), forProvider: { region, securityGroupIdRef, ...rule, tags: named(this.infra, ruleName) } });
    }
    const egress = `${name}-egress`;
    new SecurityGroupEgressRule(this, egress, {
      ...mrBase(this.infra, egress),
      forProvider: { region, securityGroupIdRef, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'all egress', tags: named(this.infra, egress) },
    });
  }
}

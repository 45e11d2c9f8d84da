import { Construct } from 'constructs';
import { IamInstanceProfile, IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { awsManagedPolicy, policyDocument, serviceTrustPolicy } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, resolveInfra, type ResolvedInfra } from './infra-props.js';
import { clusterKeyAlias } from './cluster-kms-key.js';

/** metadata.name of the cluster's IAM objects. */
export const CLUSTER_ROLES = { cluster: 'eks-cluster', node: 'eks-node', ebsCsi: 'ebs-csi-driver' } as const;

/** The IAM name of a cluster role: `<cluster>-<role>`, unique in the account. */
export const iamName = (cluster: string, role: string) => `${cluster}-${role}`;

/** The ARN of a role of the cluster, for fields that take no reference. */
export const roleArn = (accountId: string, cluster: string, role: string) => `arn:aws:iam::${accountId}:role/${iamName(cluster, role)}`;

const NODE_POLICIES = ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonEKS_CNI_Policy', 'AmazonSSMManagedInstanceCore'];

/**
 * The cluster's IAM: the EKS cluster role, the node role with the managed policies nodes need
 * (worker, registry pull, VPC CNI, SSM) plus DescribeCluster on this cluster for bootstrap, the
 * node instance profile, and the EBS CSI driver's Pod Identity role with use of the cluster key.
 * Every name is `<cluster>-<purpose>`; no statement grants `*` actions.
 */
export class ClusterIam extends Construct {
  private readonly infra: ResolvedInfra;

  constructor(scope: Construct, id: string, props: InfraProps) {
    super(scope, id);
    const infra = (this.infra = resolveInfra(props));
    const { cluster, accountId, region } = infra;

    this.role(CLUSTER_ROLES.cluster, 'EKS control plane', serviceTrustPolicy('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']), ['AmazonEKSClusterPolicy']);
    this.role(CLUSTER_ROLES.node, 'EKS worker nodes', serviceTrustPolicy('ec2.amazonaws.com'), NODE_POLICIES);
    this.policy(CLUSTER_ROLES.node, 'Nodes read their cluster endpoint and CA at boot', [
      { sid: 'DescribeOwnCluster', actions: ['eks:DescribeCluster'], resources: [`arn:aws:eks:${region}:${accountId}:cluster/${cluster}`] },
    ]);
    new IamInstanceProfile(this, 'instance-profile', {
      ...mrBase(infra, CLUSTER_ROLES.node),
      externalName: iamName(cluster, CLUSTER_ROLES.node),
      forProvider: { roleRef: { name: CLUSTER_ROLES.node }, tags: infra.tags },
    });

    this.role(CLUSTER_ROLES.ebsCsi, 'EBS CSI driver (Pod Identity)', serviceTrustPolicy('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']), ['service-role/AmazonEBSCSIDriverPolicy']);
    this.policy(CLUSTER_ROLES.ebsCsi, 'EBS CSI driver uses the cluster key for encrypted volumes', [
      {
        sid: 'UseClusterKey',
        actions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
        resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
        condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': clusterKeyAlias(cluster) } },
      },
    ]);
  }

  private role(name: string, description: string, assumeRolePolicy: string, managed: readonly string[]): void {
    const { infra } = this;
    new IamRole(this, name, {
      ...mrBase(infra, name),
      externalName: iamName(infra.cluster, name),
      forProvider: { assumeRolePolicy, description: `${infra.cluster}: ${description}`, tags: infra.tags },
    });
    for (const policy of managed) {
      const attachment = `${name}-${policy.replace(/^.*\//, '').toLowerCase().replace(/_/g, '-')}`;
      new IamRolePolicyAttachment(this, attachment, {
        ...mrBase(infra, attachment),
        forProvider: { roleRef: { name }, policyArn: awsManagedPolicy(policy) },
      });
    }
  }

  /** A customer-managed policy named after the role and attached to it. */
  private policy(role: string, description: string, statements: Parameters<typeof policyDocument>[0]): void {
    const { infra } = this;
    new IamPolicy(this, `${role}-policy`, {
      ...mrBase(infra, role),
      externalName: iamName(infra.cluster, role),
      forProvider: { description: `${infra.cluster}: ${description}`, policy: policyDocument(statements), tags: infra.tags },
    });
    new IamRolePolicyAttachment(this, `${role}-own`, {
      ...mrBase(infra, `${role}-own`),
      forProvider: { roleRef: { name: role }, policyArnRef: { name: role } },
    });
  }
}

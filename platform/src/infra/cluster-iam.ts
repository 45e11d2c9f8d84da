import { Construct } from 'constructs';
import { IamInstanceProfile } from '../crossplane/iam/role.js';
import { serviceTrustPolicy } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { useClusterKey } from './cluster-kms-key.js';
import { clusterRole, iamName, podIdentityTrustPolicy, rolePolicy } from './_iam.js';

export { iamName, roleArn } from './_iam.js';

/** metadata.name of the cluster's IAM objects. */
export const CLUSTER_ROLES = { cluster: 'eks-cluster', node: 'eks-node', ebsCsi: 'ebs-csi-driver' } as const;

/** The EBS CSI controller's ServiceAccount (in kube-system), which the EKS add-on associates with its role. */
export const EBS_CSI_SERVICE_ACCOUNT = 'ebs-csi-controller-sa';

const NODE_POLICIES = ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonEKS_CNI_Policy', 'AmazonSSMManagedInstanceCore'];

/**
 * The cluster's IAM: the EKS cluster role, the node role with the managed policies nodes need
 * (worker, registry pull, VPC CNI, SSM) plus DescribeCluster on this cluster for bootstrap, the
 * node instance profile, and the EBS CSI driver's Pod Identity role with use of the cluster key.
 * Every name is `<cluster>-<purpose>`; no statement grants `*` actions.
 */
export class ClusterIam extends Construct {
  constructor(scope: Construct, id: string, props: InfraProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const { cluster, accountId, region } = infra;

    clusterRole(this, infra, CLUSTER_ROLES.cluster, 'EKS control plane', serviceTrustPolicy('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']), ['AmazonEKSClusterPolicy']);
    clusterRole(this, infra, CLUSTER_ROLES.node, 'EKS worker nodes', serviceTrustPolicy('ec2.amazonaws.com'), NODE_POLICIES);
    rolePolicy(this, infra, CLUSTER_ROLES.node, 'Nodes read their cluster endpoint and CA at boot', [
      { sid: 'DescribeOwnCluster', actions: ['eks:DescribeCluster'], resources: [`arn:aws:eks:${region}:${accountId}:cluster/${cluster}`] },
    ]);
    new IamInstanceProfile(this, 'instance-profile', {
      ...mrBase(infra, CLUSTER_ROLES.node),
      externalName: iamName(cluster, CLUSTER_ROLES.node),
      forProvider: { roleRef: { name: CLUSTER_ROLES.node }, tags: infra.tags },
    });

    clusterRole(this, infra, CLUSTER_ROLES.ebsCsi, 'EBS CSI driver (Pod Identity)', podIdentityTrustPolicy(cluster, 'kube-system', [EBS_CSI_SERVICE_ACCOUNT]), ['service-role/AmazonEBSCSIDriverPolicy']);
    rolePolicy(this, infra, CLUSTER_ROLES.ebsCsi, 'EBS CSI driver uses the cluster key for encrypted volumes', [
      useClusterKey(infra, ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo']),
    ]);
  }
}

import { Construct } from 'constructs';
import { EksAccessEntry, EksAccessPolicyAssociation, EksAddon, EksCluster } from '../crossplane/eks/cluster.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { subnetName } from './cluster-network.js';
import { SECURITY_GROUPS } from './cluster-security-groups.js';
import { CLUSTER_ROLES, EBS_CSI_SERVICE_ACCOUNT, roleArn } from './cluster-iam.js';

export interface EksControlPlaneProps extends InfraProps {
  /** Kubernetes minor version, e.g. `1.34`. */
  readonly version: string;
  /** Zone indexes of the secure-tier subnets the control plane ENIs go in. */
  readonly zoneIndexes: readonly number[];
  /** CIDRs allowed on the public endpoint; empty turns the public endpoint off. @default [] */
  readonly apiCidrs?: readonly string[];
  /** The KMS key (ARN or alias ARN) that envelope-encrypts Secrets. */
  readonly secretsKeyArn: string;
  /** IAM principal ARNs granted cluster admin. @default [] */
  readonly platformAdmins?: readonly string[];
}

/** metadata.name of the EKS cluster object. */
export const EKS_CLUSTER_NAME = 'cluster';

/** The EKS add-ons every cluster gets, managed by EKS (versions default to the cluster version's default). */
export const EKS_ADDONS = ['vpc-cni', 'coredns', 'kube-proxy', 'aws-ebs-csi-driver', 'eks-pod-identity-agent'] as const;

/**
 * Configuration values of the EKS add-ons that need any (`configurationValues`, a JSON string checked by EKS against
 * the add-on's schema, `aws eks describe-addon-configuration`). vpc-cni: `enableNetworkPolicy` starts the VPC CNI's
 * network policy agent (aws-eks-nodeagent), which enforces NetworkPolicy with eBPF; EKS leaves it off, and without it
 * every NetworkPolicy of the platform (tenant default-deny included) is accepted and ignored. The agent runs in the
 * default `standard` enforcing mode: a new pod is reachable for the moment before its policies are programmed, but
 * pods of namespaces without policies (kube-system, the add-ons) are not cut off as `strict` mode would do.
 */
export const EKS_ADDON_CONFIGURATION: Readonly<Partial<Record<(typeof EKS_ADDONS)[number], Readonly<Record<string, string>>>>> = {
  'vpc-cni': { enableNetworkPolicy: 'true' },
};

const CLUSTER_ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

/**
 * The EKS cluster in the secure tier: private endpoint on, public endpoint limited to the API access
 * list (off when the list is empty), Secrets encrypted with the cluster key, control-plane logs,
 * API authentication with access entries (the node role, and cluster admin for platform admins),
 * and the EKS add-ons. The cluster is retained and named after the fleet's cluster name.
 */
export class EksControlPlane extends Construct {
  constructor(scope: Construct, id: string, props: EksControlPlaneProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const { region, cluster, accountId } = infra;
    const apiCidrs = props.apiCidrs ?? [];
    const clusterNameRef = { name: EKS_CLUSTER_NAME };

    new EksCluster(this, 'cluster', {
      ...mrBase(infra, EKS_CLUSTER_NAME),
      externalName: cluster,
      retain: true,
      forProvider: {
        region,
        version: props.version,
        roleArnRef: { name: CLUSTER_ROLES.cluster },
        accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
        bootstrapSelfManagedAddons: false,
        enabledClusterLogTypes: ['api', 'audit', 'authenticator'],
        encryptionConfig: { provider: { keyArn: props.secretsKeyArn }, resources: ['secrets'] },
        upgradePolicy: { supportType: 'STANDARD' },
        vpcConfig: {
          endpointPrivateAccess: true,
          endpointPublicAccess: apiCidrs.length > 0,
          ...(apiCidrs.length > 0 ? { publicAccessCidrs: [...apiCidrs] } : {}),
          subnetIdRefs: props.zoneIndexes.map((z) => ({ name: subnetName('secure', z) })),
          securityGroupIdRefs: [{ name: SECURITY_GROUPS.controlPlane }],
        },
        tags: infra.tags,
      },
    });

    for (const addon of EKS_ADDONS) {
      const configuration = EKS_ADDON_CONFIGURATION[addon];
      new EksAddon(this, `addon-${addon}`, {
        ...mrBase(infra, addon),
        forProvider: {
          region,
          clusterNameRef,
          addonName: addon,
          resolveConflictsOnCreate: 'OVERWRITE',
          resolveConflictsOnUpdate: 'OVERWRITE',
          ...(configuration ? { configurationValues: JSON.stringify(configuration) } : {}),
          ...(addon === 'aws-ebs-csi-driver'
            ? { podIdentityAssociation: [{ roleArn: roleArn(accountId, cluster, CLUSTER_ROLES.ebsCsi), serviceAccount: EBS_CSI_SERVICE_ACCOUNT }] }
            : {}),
          tags: infra.tags,
        },
      });
    }

    new EksAccessEntry(this, 'access-nodes', {
      ...mrBase(infra, CLUSTER_ROLES.node),
      forProvider: { region, clusterNameRef, principalArnFromRoleRef: { name: CLUSTER_ROLES.node }, type: 'EC2_LINUX', tags: infra.tags },
    });
    (props.platformAdmins ?? []).forEach((principalArn, i) => {
      const name = `platform-admin-${i}`;
      new EksAccessEntry(this, name, { ...mrBase(infra, name), forProvider: { region, clusterNameRef, principalArn, type: 'STANDARD', tags: infra.tags } });
      new EksAccessPolicyAssociation(this, `${name}-admin`, {
        ...mrBase(infra, name),
        forProvider: { region, clusterNameRef, principalArnRef: { name }, policyArn: CLUSTER_ADMIN_POLICY, accessScope: { type: 'cluster' } },
      });
    });
  }
}

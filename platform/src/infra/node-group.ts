import { Construct } from 'constructs';
import { LaunchTemplate, NODE_METADATA_OPTIONS } from '../crossplane/ec2/launch-template.js';
import { AutoscalingGroup, type AsgTag } from '../crossplane/autoscaling/autoscaling-group.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { subnetName } from './cluster-network.js';
import { SECURITY_GROUPS } from './cluster-security-groups.js';
import { CLUSTER_KEY } from './cluster-kms-key.js';
import { CLUSTER_ROLES } from './cluster-iam.js';

export interface NodeTaint {
  readonly key: string;
  /** @default '' */
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeGroupProps extends InfraProps {
  /** Node group name (DNS label), unique in the cluster. */
  readonly name: string;
  readonly kubernetesVersion: string;
  /** Instance types, first one preferred; all of one CPU architecture. */
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly maxSize: number;
  /** Initial size; cluster-autoscaler owns it afterwards. @default minSize */
  readonly desiredSize?: number;
  /** Root volume size. @default 50 */
  readonly diskSizeGiB?: number;
  /** Zone indexes of the compute subnets to spread over. */
  readonly zoneIndexes: readonly number[];
  /** @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default [] */
  readonly taints?: readonly NodeTaint[];
}

/** metadata.name of a node group's launch template and auto scaling group. */
export const nodeGroupObjectName = (group: string) => `nodes-${group}`;

/** The AWS name of a node group's launch template and auto scaling group: `<cluster>-<group>`. */
export const nodeGroupAwsName = (cluster: string, group: string) => `${cluster}-${group}`;

/** Graviton instance families (`m7g`, `c6gn`, `r8gd`, ...) need the arm64 AMI. */
export const isArm = (instanceType: string) => /^[a-z]+[0-9]+g[a-z]*\./.test(instanceType);

/**
 * A self-managed node group: a launch template (EKS-optimised AL2023 AMI resolved from SSM at launch,
 * IMDSv2 required and out of pods' reach (hop limit 1, see NODE_METADATA_OPTIONS), root volume encrypted with the cluster key, nodeadm bootstrap with the group's
 * labels and taints) and an auto scaling group over the compute subnets of every zone, tagged for
 * cluster-autoscaler auto-discovery (tags propagated to the instances).
 */
export class NodeGroup extends Construct {
  constructor(scope: Construct, id: string, props: NodeGroupProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const { region, cluster } = infra;
    const [first, ...rest] = props.instanceTypes;
    if (!first) throw new Error(`NodeGroup '${props.name}': 'instanceTypes' is empty`);
    const arches = new Set(props.instanceTypes.map(isArm));
    if (arches.size > 1) throw new Error(`NodeGroup '${props.name}': 'instanceTypes' (${props.instanceTypes.join(', ')}) mix arm64 and x86_64; allowed: one architecture per group`);
    if (props.minSize > props.maxSize) throw new Error(`NodeGroup '${props.name}': 'minSize' (${props.minSize}) must not exceed 'maxSize' (${props.maxSize})`);
    const objectName = nodeGroupObjectName(props.name);
    const awsName = nodeGroupAwsName(cluster, props.name);
    const arch = isArm(first) ? 'arm64' : 'x86_64';
    const labels = { 'platform.example.com/node-group': props.name, ...(props.labels ?? {}) };
    const taints = props.taints ?? [];
    const instanceTags = { ...infra.tags, Name: awsName, [`kubernetes.io/cluster/${cluster}`]: 'owned' };

    new LaunchTemplate(this, 'launch-template', {
      ...mrBase(infra, objectName),
      forProvider: {
        region,
        name: awsName,
        description: `${cluster} node group ${props.name}`,
        imageId: `resolve:ssm:/aws/service/eks/optimized-ami/${props.kubernetesVersion}/amazon-linux-2023/${arch}/standard/recommended/image_id`,
        instanceType: first,
        iamInstanceProfile: { nameRef: { name: CLUSTER_ROLES.node } },
        vpcSecurityGroupIdRefs: [{ name: SECURITY_GROUPS.nodes }],
        metadataOptions: NODE_METADATA_OPTIONS,
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeSize: props.diskSizeGiB ?? 50, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true', kmsKeyIdRef: { name: CLUSTER_KEY } },
          },
        ],
        monitoring: { enabled: true },
        tagSpecifications: [
          { resourceType: 'instance', tags: instanceTags },
          { resourceType: 'volume', tags: instanceTags },
        ],
        updateDefaultVersion: true,
        userData: Buffer.from(nodeUserData(cluster, region, labels, taints)).toString('base64'),
        tags: infra.tags,
      },
    });

    new AutoscalingGroup(this, 'asg', {
      ...mrBase(infra, objectName),
      externalName: awsName,
      forProvider: {
        region,
        minSize: props.minSize,
        maxSize: props.maxSize,
        vpcZoneIdentifierRefs: props.zoneIndexes.map((z) => ({ name: subnetName('compute', z) })),
        capacityRebalance: false,
        healthCheckType: 'EC2',
        healthCheckGracePeriod: 300,
        mixedInstancesPolicy: {
          instancesDistribution: { onDemandAllocationStrategy: 'prioritized', onDemandPercentageAboveBaseCapacity: 100 },
          launchTemplate: {
            launchTemplateSpecification: { launchTemplateIdRef: { name: objectName }, version: '$Latest' },
            override: [first, ...rest].map((instanceType) => ({ instanceType })),
          },
        },
        tag: asgTags(cluster, awsName, infra.tags, labels, taints),
      },
      initProvider: { desiredCapacity: props.desiredSize ?? props.minSize },
    });
  }
}

/** ASG tags, all propagated at launch: cluster ownership, autoscaler discovery and node templates for scale-from-zero. */
function asgTags(cluster: string, name: string, tags: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>, taints: readonly NodeTaint[]): AsgTag[] {
  const all: Record<string, string> = {
    ...tags,
    Name: name,
    [`kubernetes.io/cluster/${cluster}`]: 'owned',
    'k8s.io/cluster-autoscaler/enabled': 'true',
    [`k8s.io/cluster-autoscaler/${cluster}`]: 'owned',
  };
  for (const [k, v] of Object.entries(labels)) all[`k8s.io/cluster-autoscaler/node-template/label/${k}`] = v;
  for (const t of taints) all[`k8s.io/cluster-autoscaler/node-template/taint/${t.key}`] = `${t.value ?? ''}:${t.effect}`;
  return Object.keys(all)
    .sort()
    .map((key) => ({ key, value: all[key]!, propagateAtLaunch: true }));
}

/**
 * AL2023 user data: reads the cluster endpoint, CA and service CIDR with the node role's
 * eks:DescribeCluster (they are not known when the manifests are rendered), then runs nodeadm
 * with the group's labels and taints.
 */
export function nodeUserData(cluster: string, region: string, labels: Readonly<Record<string, string>>, taints: readonly NodeTaint[]): string {
  const flags = [`--node-labels=${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',')}`];
  if (taints.length > 0) flags.push(`--register-with-taints=${taints.map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`).join(',')}`);
  return [
    '#!/bin/bash',
    'set -euo pipefail',
    `read -r ENDPOINT CA CIDR < <(aws eks describe-cluster --region ${region} --name ${cluster} \\`,
    "  --query '[cluster.endpoint,cluster.certificateAuthority.data,cluster.kubernetesNetworkConfig.serviceIpv4Cidr]' --output text)",
    'cat > /etc/eks/nodeadm-platform.yaml <<EOF',
    'apiVersion: node.eks.aws/v1alpha1',
    'kind: NodeConfig',
    'spec:',
    '  cluster:',
    `    name: ${cluster}`,
    '    apiServerEndpoint: ${ENDPOINT}',
    '    certificateAuthority: ${CA}',
    '    cidr: ${CIDR}',
    '  kubelet:',
    '    flags:',
    ...flags.map((f) => `      - "${f}"`),
    'EOF',
    'nodeadm init --config-source file:///etc/eks/nodeadm-platform.yaml',
    '',
  ].join('\n');
}

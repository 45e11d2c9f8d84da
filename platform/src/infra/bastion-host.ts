import { Construct } from 'constructs';
import { IamInstanceProfile } from '../crossplane/iam/role.js';
import { serviceTrustPolicy } from '../crossplane/iam/policy-document.js';
import { LaunchTemplate, NODE_METADATA_OPTIONS } from '../crossplane/ec2/launch-template.js';
import { AutoscalingGroup } from '../crossplane/autoscaling/autoscaling-group.js';
import { type InfraProps, mrBase, named, resolveInfra } from './infra-props.js';
import { subnetName } from './cluster-network.js';
import { SECURITY_GROUPS } from './cluster-security-groups.js';
import { CLUSTER_KEY } from './cluster-kms-key.js';
import { clusterRole, iamName } from './_iam.js';

export interface BastionHostProps extends InfraProps {
  /** Zone indexes of the mgmt subnets the bastion may run in. */
  readonly zoneIndexes: readonly number[];
  /** @default 't3.micro' */
  readonly instanceType?: string;
  /** Root volume size; at least the AMI's 8 GiB. @default 8 */
  readonly diskSizeGiB?: number;
}

/** metadata.name of the bastion's objects (role, instance profile, launch template, auto scaling group). */
export const BASTION = SECURITY_GROUPS.bastion;

/** The latest Amazon Linux 2023 AMI, resolved from the public SSM parameter at launch. */
export const BASTION_AMI = 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/**
 * The bastion host (`access.ssh.mode: bastion`): one instance kept alive by an auto scaling group
 * (min = max = desired = 1) over the mgmt subnets of every zone, with a public address, the
 * bastion security group (SSH from the access list only), IMDSv2 required, a root volume
 * encrypted with the cluster key, and an instance profile whose role has only
 * AmazonSSMManagedInstanceCore. No key pair: operators use EC2 Instance Connect or Session Manager.
 */
export class BastionHost extends Construct {
  constructor(scope: Construct, id: string, props: BastionHostProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const { region, cluster } = infra;
    const awsName = iamName(cluster, BASTION);
    const instanceTags = named(infra, BASTION);

    clusterRole(this, infra, BASTION, 'bastion host (Session Manager only)', serviceTrustPolicy('ec2.amazonaws.com'), ['AmazonSSMManagedInstanceCore']);
    new IamInstanceProfile(this, 'instance-profile', {
      ...mrBase(infra, BASTION),
      externalName: awsName,
      forProvider: { roleRef: { name: BASTION }, tags: infra.tags },
    });

    new LaunchTemplate(this, 'launch-template', {
      ...mrBase(infra, BASTION),
      forProvider: {
        region,
        name: awsName,
        description: `${cluster} bastion host`,
        imageId: BASTION_AMI,
        instanceType: props.instanceType ?? 't3.micro',
        iamInstanceProfile: { nameRef: { name: BASTION } },
        networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: 'true', deleteOnTermination: 'true', securityGroupRefs: [{ name: SECURITY_GROUPS.bastion }] }],
        metadataOptions: NODE_METADATA_OPTIONS,
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeSize: props.diskSizeGiB ?? 8, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true', kmsKeyIdRef: { name: CLUSTER_KEY } },
          },
        ],
        tagSpecifications: [
          { resourceType: 'instance', tags: instanceTags },
          { resourceType: 'volume', tags: instanceTags },
        ],
        updateDefaultVersion: true,
        tags: infra.tags,
      },
    });

    new AutoscalingGroup(this, 'asg', {
      ...mrBase(infra, BASTION),
      externalName: awsName,
      forProvider: {
        region,
        minSize: 1,
        maxSize: 1,
        desiredCapacity: 1,
        vpcZoneIdentifierRefs: props.zoneIndexes.map((z) => ({ name: subnetName('mgmt', z) })),
        launchTemplate: { idRef: { name: BASTION }, version: '$Latest' },
        healthCheckType: 'EC2',
        healthCheckGracePeriod: 120,
        tag: Object.entries(instanceTags)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      },
    });
  }
}

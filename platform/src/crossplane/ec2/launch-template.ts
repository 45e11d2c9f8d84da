import { BOOL, NUM, STR, STR_MAP, arr, obj, oneOf, referable, referableList, regional } from '../_fields.js';
import type { Ref, TaggedForProvider, Tags } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

/**
 * ec2 LaunchTemplate (the subset of fields the platform uses; the schema is closed, so anything
 * else fails the render). ID-identified; `name` is the AWS launch template name.
 */
export const EC2_LAUNCH_TEMPLATE = defineManagedResourceKind({
  apiVersion: 'ec2.aws.m.upbound.io/v1beta1',
  kind: 'LaunchTemplate',
  forProvider: regional({
    blockDeviceMappings: arr(
      obj({
        deviceName: STR,
        ebs: obj({
          deleteOnTermination: oneOf('true', 'false'),
          encrypted: oneOf('true', 'false'),
          iops: NUM,
          ...referable('kmsKeyId'),
          throughput: NUM,
          volumeSize: NUM,
          volumeType: oneOf('gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'),
        }),
      }),
    ),
    description: STR,
    ebsOptimized: oneOf('true', 'false'),
    iamInstanceProfile: obj({ ...referable('arn'), ...referable('name') }),
    imageId: STR,
    instanceType: STR,
    metadataOptions: obj({
      httpEndpoint: oneOf('enabled', 'disabled'),
      httpProtocolIpv6: oneOf('enabled', 'disabled'),
      httpPutResponseHopLimit: { type: 'number', minimum: 1, maximum: 64 },
      httpTokens: oneOf('required', 'optional'),
      instanceMetadataTags: oneOf('enabled', 'disabled'),
    }),
    monitoring: obj({ enabled: BOOL }),
    name: STR,
    networkInterfaces: arr(
      obj({
        associatePublicIpAddress: oneOf('true', 'false'),
        deleteOnTermination: oneOf('true', 'false'),
        description: STR,
        deviceIndex: NUM,
        ...referableList('securityGroups', 'securityGroup'),
        ...referable('subnetId'),
      }),
    ),
    tagSpecifications: arr(obj({ resourceType: oneOf('instance', 'volume', 'network-interface', 'spot-instances-request'), tags: STR_MAP })),
    tags: STR_MAP,
    updateDefaultVersion: BOOL,
    userData: STR,
    ...referableList('vpcSecurityGroupIds', 'vpcSecurityGroupId'),
  }),
});

export interface LaunchTemplateForProvider extends TaggedForProvider {
  readonly name?: string;
  readonly description?: string;
  /** An AMI id, or `resolve:ssm:<parameter>` to resolve it from SSM at launch. */
  readonly imageId: string;
  readonly instanceType?: string;
  readonly blockDeviceMappings?: readonly {
    readonly deviceName: string;
    readonly ebs: {
      readonly volumeSize: number;
      readonly volumeType: 'gp3' | 'gp2' | 'io2';
      readonly encrypted: 'true';
      readonly deleteOnTermination?: 'true' | 'false';
      readonly kmsKeyIdRef?: Ref;
      readonly kmsKeyId?: string;
    };
  }[];
  readonly iamInstanceProfile?: { readonly nameRef?: Ref; readonly arnRef?: Ref };
  /**
   * Network interfaces, e.g. a public address for a host in a public subnet. Security groups then
   * go here (`securityGroupRefs`), not in `vpcSecurityGroupIdRefs`.
   */
  readonly networkInterfaces?: readonly {
    readonly deviceIndex: number;
    readonly associatePublicIpAddress?: 'true' | 'false';
    readonly deleteOnTermination?: 'true' | 'false';
    readonly description?: string;
    readonly securityGroupRefs?: readonly Ref[];
  }[];
  /** IMDS settings: the platform always requires tokens (IMDSv2) and a hop limit of 1 (see NODE_METADATA_OPTIONS). */
  readonly metadataOptions?: {
    readonly httpEndpoint: 'enabled' | 'disabled';
    readonly httpTokens: 'required';
    readonly httpPutResponseHopLimit: 1;
  };
  readonly monitoring?: { readonly enabled: boolean };
  readonly tagSpecifications?: readonly { readonly resourceType: 'instance' | 'volume' | 'network-interface'; readonly tags: Tags }[];
  readonly updateDefaultVersion?: boolean;
  /** Base64-encoded user data. */
  readonly userData?: string;
  readonly vpcSecurityGroupIdRefs?: readonly Ref[];
}

/**
 * The instance metadata settings of every platform launch template: IMDSv2 only (session tokens), and a PUT
 * response hop limit of 1, so the token answer dies at the first hop and a pod on the pod network (one hop
 * further than the node) never gets a token, hence never the node role's credentials. Processes on the node
 * itself (kubelet, nodeadm, the VPC CNI's ipamd, the EKS Pod Identity agent, all host-network) keep IMDS. Pods
 * that need AWS use EKS Pod Identity: the SDKs call the Pod Identity agent on the link-local address
 * 169.254.170.23 (`AWS_CONTAINER_CREDENTIALS_FULL_URI`), not IMDS, so the hop limit does not affect them.
 */
export const NODE_METADATA_OPTIONS = { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 } as const;

export const LaunchTemplate = managedResourceClass<LaunchTemplateForProvider>(EC2_LAUNCH_TEMPLATE);

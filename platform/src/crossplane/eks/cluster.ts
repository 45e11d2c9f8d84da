import { BOOL, REF, SELECTOR, STR, STR_MAP, arr, obj, oneOf, referable, referableList, regional } from '../_fields.js';
import type { Ref, Referable, RegionalForProvider, Selector, TaggedForProvider, Tags } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const eks = kindsOf('eks.aws.m.upbound.io/v1beta1');

/** eks Cluster. Name-identified: the external name is the EKS cluster name. */
export const EKS_CLUSTER = eks('Cluster', regional(
  {
    accessConfig: obj({ authenticationMode: oneOf('API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP'), bootstrapClusterCreatorAdminPermissions: BOOL }),
    bootstrapSelfManagedAddons: BOOL,
    deletionProtection: BOOL,
    enabledClusterLogTypes: arr(oneOf('api', 'audit', 'authenticator', 'controllerManager', 'scheduler')),
    encryptionConfig: obj({ provider: obj({ keyArn: STR }, ['keyArn']), resources: arr(oneOf('secrets')) }, ['provider', 'resources']),
    forceUpdateVersion: BOOL,
    kubernetesNetworkConfig: obj({ ipFamily: oneOf('ipv4', 'ipv6'), serviceIpv4Cidr: STR, elasticLoadBalancing: obj({ enabled: BOOL }) }),
    ...referable('roleArn'),
    tags: STR_MAP,
    upgradePolicy: obj({ supportType: oneOf('STANDARD', 'EXTENDED') }),
    version: STR,
    vpcConfig: obj({
      endpointPrivateAccess: BOOL,
      endpointPublicAccess: BOOL,
      publicAccessCidrs: arr(STR),
      ...referableList('securityGroupIds', 'securityGroupId'),
      ...referableList('subnetIds', 'subnetId'),
    }),
    zonalShiftConfig: obj({ enabled: BOOL }),
  },
  ['vpcConfig'],
));

export interface EksClusterForProvider extends TaggedForProvider {
  readonly version?: string;
  readonly roleArnRef?: Ref;
  readonly roleArn?: string;
  readonly accessConfig?: { readonly authenticationMode: 'API' | 'API_AND_CONFIG_MAP'; readonly bootstrapClusterCreatorAdminPermissions?: boolean };
  readonly bootstrapSelfManagedAddons?: boolean;
  readonly deletionProtection?: boolean;
  readonly enabledClusterLogTypes?: readonly string[];
  /** Envelope encryption of Secrets; `keyArn` takes a key ARN or alias ARN. */
  readonly encryptionConfig?: { readonly provider: { readonly keyArn: string }; readonly resources: readonly 'secrets'[] };
  readonly kubernetesNetworkConfig?: { readonly ipFamily?: 'ipv4' | 'ipv6'; readonly serviceIpv4Cidr?: string };
  readonly upgradePolicy?: { readonly supportType: 'STANDARD' | 'EXTENDED' };
  readonly vpcConfig: {
    readonly endpointPrivateAccess: boolean;
    readonly endpointPublicAccess: boolean;
    readonly publicAccessCidrs?: readonly string[];
    readonly securityGroupIdRefs?: readonly Ref[];
    readonly subnetIdRefs?: readonly Ref[];
    readonly subnetIdSelector?: Selector;
  };
}

export const EksCluster = managedResourceClass<EksClusterForProvider>(EKS_CLUSTER);

/** Fields of the kinds that belong to one EKS cluster. */
export interface EksClusterPartForProvider extends RegionalForProvider, Referable<'clusterName'> {}

/** eks Addon. Identified by `<cluster>:<addon>`. */
export const EKS_ADDON = eks('Addon', regional(
  {
    addonName: STR,
    addonVersion: STR,
    ...referable('clusterName'),
    configurationValues: STR,
    podIdentityAssociation: arr(obj({ roleArn: STR, serviceAccount: STR }, ['roleArn', 'serviceAccount'])),
    preserve: BOOL,
    resolveConflictsOnCreate: oneOf('NONE', 'OVERWRITE'),
    resolveConflictsOnUpdate: oneOf('NONE', 'OVERWRITE', 'PRESERVE'),
    ...referable('serviceAccountRoleArn'),
    tags: STR_MAP,
  },
  ['addonName'],
));

export interface EksAddonForProvider extends EksClusterPartForProvider {
  readonly addonName: string;
  /** @default - the default version for the cluster's Kubernetes version */
  readonly addonVersion?: string;
  /** JSON string of the add-on's configuration values. */
  readonly configurationValues?: string;
  readonly preserve?: boolean;
  readonly resolveConflictsOnCreate?: 'NONE' | 'OVERWRITE';
  readonly resolveConflictsOnUpdate?: 'NONE' | 'OVERWRITE' | 'PRESERVE';
  readonly serviceAccountRoleArnRef?: Ref;
  /** Pod Identity roles for the add-on's service accounts. */
  readonly podIdentityAssociation?: readonly { readonly roleArn: string; readonly serviceAccount: string }[];
  readonly tags?: Tags;
}

export const EksAddon = managedResourceClass<EksAddonForProvider>(EKS_ADDON);

/** eks AccessEntry: an IAM principal allowed to authenticate to the cluster. */
export const EKS_ACCESS_ENTRY = eks('AccessEntry', regional({
  ...referable('clusterName'),
  kubernetesGroups: arr(STR),
  principalArn: STR,
  principalArnFromRoleRef: REF,
  principalArnFromRoleSelector: SELECTOR,
  tags: STR_MAP,
  type: oneOf('STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX'),
  userName: STR,
}));

export interface EksAccessEntryForProvider extends EksClusterPartForProvider {
  readonly principalArn?: string;
  /** The principal as an IamRole of the same namespace (its ARN). */
  readonly principalArnFromRoleRef?: Ref;
  /** `EC2_LINUX` for self-managed nodes (EKS maps them to system:nodes), `STANDARD` for people and tools. */
  readonly type?: 'STANDARD' | 'EC2_LINUX';
  readonly kubernetesGroups?: readonly string[];
  readonly tags?: Tags;
}

export const EksAccessEntry = managedResourceClass<EksAccessEntryForProvider>(EKS_ACCESS_ENTRY);

/** eks AccessPolicyAssociation: grants an EKS access policy (e.g. cluster admin) to an access entry's principal. */
export const EKS_ACCESS_POLICY_ASSOCIATION = eks('AccessPolicyAssociation', regional(
  {
    accessScope: obj({ type: oneOf('cluster', 'namespace'), namespaces: arr(STR) }, ['type']),
    ...referable('clusterName'),
    policyArn: STR,
    ...referable('principalArn'),
  },
  ['policyArn', 'accessScope'],
));

export interface EksAccessPolicyAssociationForProvider extends EksClusterPartForProvider {
  readonly accessScope: { readonly type: 'cluster' | 'namespace'; readonly namespaces?: readonly string[] };
  /** e.g. arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy */
  readonly policyArn: string;
  readonly principalArn?: string;
  /** An EksAccessEntry of the same namespace (its principal), so the association waits for the entry. */
  readonly principalArnRef?: Ref;
}

export const EksAccessPolicyAssociation = managedResourceClass<EksAccessPolicyAssociationForProvider>(EKS_ACCESS_POLICY_ASSOCIATION);

import { BOOL, STR, STR_MAP, referable, regional } from '../_fields.js';
import type { Referable, TaggedForProvider } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

/** eks PodIdentityAssociation: lets one Kubernetes ServiceAccount assume one IAM role. ID-identified. */
export const EKS_POD_IDENTITY_ASSOCIATION = defineManagedResourceKind({
  apiVersion: 'eks.aws.m.upbound.io/v1beta1',
  kind: 'PodIdentityAssociation',
  forProvider: regional(
    {
      ...referable('clusterName'),
      ...referable('roleArn'),
      ...referable('targetRoleArn'),
      disableSessionTags: BOOL,
      namespace: STR,
      serviceAccount: STR,
      tags: STR_MAP,
    },
    ['namespace', 'serviceAccount'],
  ),
});

/** `clusterName`: the EKS cluster name (set it, or reference an EksCluster in the same namespace). */
export interface EksPodIdentityAssociationForProvider extends TaggedForProvider, Referable<'clusterName'>, Referable<'roleArn'> {
  /** Kubernetes namespace of the ServiceAccount. */
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly disableSessionTags?: boolean;
  /**
   * A role in another account that EKS Pod Identity assumes from `roleArn` (role chaining): the pods get that
   * role's credentials. @default - the pods get `roleArn`'s credentials
   */
  readonly targetRoleArn?: string;
}

export const EksPodIdentityAssociation = managedResourceClass<EksPodIdentityAssociationForProvider>(EKS_POD_IDENTITY_ASSOCIATION);

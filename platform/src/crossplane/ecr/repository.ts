import { BOOL, STR, STR_MAP, arr, obj, oneOf, referable, regional } from '../_fields.js';
import type { Ref, RegionalForProvider, TaggedForProvider } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const ecr = kindsOf('ecr.aws.m.upbound.io/v1beta1');

/**
 * ecr.aws.m.upbound.io/v1beta1 Repository. Name-identified: the external name is the repository
 * name (forProvider has no name field).
 */
export const ECR_REPOSITORY = ecr(
  'Repository',
  regional({
    encryptionConfiguration: arr(obj({ encryptionType: oneOf('AES256', 'KMS', 'KMS_DSSE'), ...referable('kmsKey') })),
    forceDelete: BOOL,
    imageScanningConfiguration: obj({ scanOnPush: BOOL }),
    imageTagMutability: oneOf('MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'),
    tags: STR_MAP,
  }),
);

export interface EcrRepositoryForProvider extends TaggedForProvider {
  readonly encryptionConfiguration: readonly { readonly encryptionType: 'KMS'; readonly kmsKeyRef: Ref }[];
  readonly imageScanningConfiguration: { readonly scanOnPush: boolean };
  readonly imageTagMutability: 'IMMUTABLE' | 'MUTABLE';
  readonly forceDelete?: boolean;
}

/** An ECR repository. Holds images: emit it with `retain: true`. */
export const EcrRepository = managedResourceClass<EcrRepositoryForProvider>(ECR_REPOSITORY);

/** forProvider of the policies attached to one repository (`policy` is JSON, required on create). */
export interface EcrRepositoryPolicyForProvider extends RegionalForProvider {
  readonly repositoryRef: Ref;
  readonly policy: string;
}

const attached = (kind: string) => ecr(kind, regional({ policy: STR, ...referable('repository') }, ['policy']));

/** ecr.aws.m.upbound.io/v1beta1 LifecyclePolicy: which images ECR expires. */
export const ECR_LIFECYCLE_POLICY = attached('LifecyclePolicy');
/** ecr.aws.m.upbound.io/v1beta1 RepositoryPolicy: who may pull or push. */
export const ECR_REPOSITORY_POLICY = attached('RepositoryPolicy');

export const EcrLifecyclePolicy = managedResourceClass<EcrRepositoryPolicyForProvider>(ECR_LIFECYCLE_POLICY);

export const EcrRepositoryPolicy = managedResourceClass<EcrRepositoryPolicyForProvider>(ECR_REPOSITORY_POLICY);

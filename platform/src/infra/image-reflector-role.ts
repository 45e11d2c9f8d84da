import { Construct } from 'constructs';
import { EksPodIdentityAssociation } from '../crossplane/eks/pod-identity-association.js';
import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';
import { addonRoleArn, addonRoleSuffix } from './infra-names.js';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';
import { EKS_CLUSTER_NAME } from './eks-control-plane.js';
import { clusterRole, podIdentityTrustPolicy, rolePolicy } from './_iam.js';
import { type EcrRepositoryRef, ecrRepositoryArn } from '../workloads/ecr-image.js';

/**
 * Flux's image-reflector-controller (installed by `flux bootstrap`, not a Helm add-on): its
 * ServiceAccount, and the name of its role (`<cluster>-image-reflector-controller`, named like an
 * add-on role) and of its IAM objects.
 */
export const IMAGE_REFLECTOR = { namespace: FLUX_NAMESPACE, serviceAccount: 'image-reflector-controller', role: 'image-reflector-controller' } as const;

/** The ARN of the image-reflector-controller's role in the management cluster's account. */
export const imageReflectorRoleArn = (accountId: string, cluster: string) => addonRoleArn(accountId, cluster, IMAGE_REFLECTOR.role);

/** What the controller does with a repository it scans: list tags, read manifests and layers. */
export const ECR_READ_ACTIONS: readonly string[] = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:DescribeImages',
  'ecr:GetDownloadUrlForLayer',
  'ecr:ListImages',
];

export interface ImageReflectorRoleProps extends InfraProps {
  /** The ECR repositories the fleet's followed apps use, in any account of the fleet. An empty list renders nothing. */
  readonly repositories: readonly EcrRepositoryRef[];
}

/** The statements of the controller's policy: log in to ECR in the repositories' regions, and read exactly those repositories. */
export function imageReflectorStatements(repositories: readonly EcrRepositoryRef[]): PolicyStatement[] {
  if (repositories.length === 0) return [];
  const regions = [...new Set(repositories.map((r) => r.region))].sort();
  return [
    {
      sid: 'Login',
      actions: ['ecr:GetAuthorizationToken'],
      resources: ['*'],
      anyResourceBecause: 'ecr:GetAuthorizationToken cannot be scoped to a repository',
      // Flux asks for the token in the registry's region.
      condition: { StringEquals: { 'aws:RequestedRegion': regions.length === 1 ? regions[0]! : regions } },
    },
    { sid: 'ScanRepositories', actions: ECR_READ_ACTIONS, resources: [...new Set(repositories.map(ecrRepositoryArn))].sort() },
  ];
}

/**
 * The AWS identity of the management cluster's image-reflector-controller, for ImageRepositories
 * with `provider: aws`: the role `<cluster>-image-reflector-controller` trusting Pod Identity for
 * the controller's ServiceAccount in flux-system, a policy that reads exactly the given repositories
 * (they may live in other accounts; their repository policies admit this role), and the Pod
 * Identity association. Pod Identity needs no annotation on the ServiceAccount, which `flux
 * bootstrap` owns. Nothing is rendered while no followed app uses ECR.
 */
export class ImageReflectorRole extends Construct {
  constructor(scope: Construct, id: string, props: ImageReflectorRoleProps) {
    super(scope, id);
    const statements = imageReflectorStatements(props.repositories);
    if (statements.length === 0) return;
    const infra = resolveInfra(props);
    const name = addonRoleSuffix(IMAGE_REFLECTOR.role);
    const { namespace, serviceAccount } = IMAGE_REFLECTOR;
    clusterRole(this, infra, name, 'Flux image-reflector-controller (Pod Identity)', podIdentityTrustPolicy(infra.cluster, namespace, [serviceAccount]));
    rolePolicy(this, infra, name, 'Flux image-reflector-controller: scan the ECR repositories of the followed apps', statements);
    new EksPodIdentityAssociation(this, 'association', {
      ...mrBase(infra, name),
      forProvider: { region: infra.region, clusterNameRef: { name: EKS_CLUSTER_NAME }, roleArnRef: { name }, namespace, serviceAccount, tags: infra.tags },
    });
  }
}

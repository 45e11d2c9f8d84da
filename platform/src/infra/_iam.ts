/**
 * @internal The IAM objects every infra construct builds the same way: a role named
 * `<cluster>-<name>` with AWS-managed policies attached, a customer-managed policy named after the
 * role and attached to it, and the trust policies the platform uses.
 */
import type { Construct } from 'constructs';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { awsManagedPolicy, policyDocument, type PolicyStatement } from '../crossplane/iam/policy-document.js';
import { oidcProviderArn } from '../crossplane/iam/openid-connect-provider.js';
import { mrBase, type ResolvedInfra } from './infra-props.js';

/** The IAM name of a cluster role or policy: `<cluster>-<name>`, unique in the account. */
export const iamName = (cluster: string, name: string) => `${cluster}-${name}`;

/** The ARN of a role of the cluster, for fields that take no reference. */
export const roleArn = (accountId: string, cluster: string, name: string) => `arn:aws:iam::${accountId}:role/${iamName(cluster, name)}`;

/**
 * The trust policy of a Pod Identity role: the EKS Pod Identity service may assume it (and tag the
 * session), and only for pods of this cluster running as one of the given ServiceAccounts of one
 * namespace (the session tags Pod Identity adds, so a stray association cannot use the role).
 */
export function podIdentityTrustPolicy(cluster: string, namespace: string, serviceAccounts: readonly string[]): string {
  return policyDocument([
    {
      sid: 'EksPodIdentity',
      principal: { Service: 'pods.eks.amazonaws.com' },
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      condition: {
        StringEquals: {
          'aws:RequestTag/eks-cluster-name': cluster,
          'aws:RequestTag/kubernetes-namespace': namespace,
          'aws:RequestTag/kubernetes-service-account': serviceAccounts.length === 1 ? serviceAccounts[0]! : [...serviceAccounts],
        },
      },
    },
  ]);
}

/** The audience IRSA tokens carry, which the AWS SDKs present to STS. */
export const IRSA_AUDIENCE = 'sts.amazonaws.com';

/**
 * The trust policy of an IRSA role: web identities from the cluster's OIDC provider
 * (`oidc-provider/<issuer>`) may assume it, only with a token for STS issued to one of the given
 * ServiceAccounts of one namespace.
 */
export function irsaTrustPolicy(accountId: string, issuer: string, namespace: string, serviceAccounts: readonly string[]): string {
  const subjects = serviceAccounts.map((sa) => `system:serviceaccount:${namespace}:${sa}`);
  return policyDocument([
    {
      sid: 'EksIrsa',
      principal: { Federated: oidcProviderArn(accountId, issuer) },
      actions: ['sts:AssumeRoleWithWebIdentity'],
      condition: { StringEquals: { [`${issuer}:sub`]: subjects.length === 1 ? subjects[0]! : subjects, [`${issuer}:aud`]: IRSA_AUDIENCE } },
    },
  ]);
}

/** metadata.name of the attachment of an AWS-managed policy to a role, e.g. `eks-node-amazonssmmanagedinstancecore`. */
export const managedAttachmentName = (role: string, policy: string) => `${role}-${policy.replace(/^.*\//, '').toLowerCase().replace(/_/g, '-')}`;

/** A role `<cluster>-<name>` (metadata.name `name`) with the given trust and AWS-managed policies attached. */
export function clusterRole(scope: Construct, infra: ResolvedInfra, name: string, description: string, assumeRolePolicy: string, managed: readonly string[] = []): void {
  new IamRole(scope, name, {
    ...mrBase(infra, name),
    externalName: iamName(infra.cluster, name),
    forProvider: { assumeRolePolicy, description: `${infra.cluster}: ${description}`, tags: infra.tags },
  });
  for (const policy of managed) {
    const attachment = managedAttachmentName(name, policy);
    new IamRolePolicyAttachment(scope, attachment, {
      ...mrBase(infra, attachment),
      forProvider: { roleRef: { name }, policyArn: awsManagedPolicy(policy) },
    });
  }
}

/** A customer-managed policy `<cluster>-<role>` (metadata.name `role`) attached to the role (attachment `<role>-own`). */
export function rolePolicy(scope: Construct, infra: ResolvedInfra, role: string, description: string, statements: readonly PolicyStatement[]): void {
  new IamPolicy(scope, `${role}-policy`, {
    ...mrBase(infra, role),
    externalName: iamName(infra.cluster, role),
    forProvider: { description: `${infra.cluster}: ${description}`, policy: policyDocument(statements), tags: infra.tags },
  });
  new IamRolePolicyAttachment(scope, `${role}-own`, {
    ...mrBase(infra, `${role}-own`),
    forProvider: { roleRef: { name: role }, policyArnRef: { name: role } },
  });
}

import { NUM, STR, STR_MAP, arr, global, obj, referable, referableList } from '../_fields.js';
import type { Referable, Tags } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const iam = kindsOf('iam.aws.m.upbound.io/v1beta1');

/** iam Role. Global (no region) and name-identified: the external name is the role name. */
export const IAM_ROLE = iam('Role', global(
  {
    assumeRolePolicy: STR,
    description: STR,
    forceDetachPolicies: { type: 'boolean' },
    inlinePolicy: arr(obj({ name: STR, policy: STR })),
    ...referableList('managedPolicyArns', 'managedPolicyArns'),
    maxSessionDuration: NUM,
    path: STR,
    permissionsBoundary: STR,
    tags: STR_MAP,
  },
  ['assumeRolePolicy'],
));

export interface IamRoleForProvider {
  /** Trust policy as a JSON string (see `policyDocument`). */
  readonly assumeRolePolicy: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly path?: string;
  readonly permissionsBoundary?: string;
  readonly tags?: Tags;
}

/** An IAM role. Attach policies with IamRolePolicyAttachment, so each grant is its own object. */
export const IamRole = managedResourceClass<IamRoleForProvider>(IAM_ROLE);

/** iam Policy: a customer-managed policy. Name-identified: the external name is the policy name. */
export const IAM_POLICY = iam('Policy', global({ delayAfterPolicyCreationInMs: NUM, description: STR, path: STR, policy: STR, tags: STR_MAP }, ['policy']));

export interface IamPolicyForProvider {
  /** Policy document as a JSON string (see `policyDocument`). */
  readonly policy: string;
  readonly description?: string;
  readonly path?: string;
  readonly tags?: Tags;
}

export const IamPolicy = managedResourceClass<IamPolicyForProvider>(IAM_POLICY);

/** iam RolePolicyAttachment: attaches one managed policy (AWS-managed ARN or an IamPolicy by ref) to one role. */
export const IAM_ROLE_POLICY_ATTACHMENT = iam('RolePolicyAttachment', global({ ...referable('policyArn'), ...referable('role') }));

export interface IamRolePolicyAttachmentForProvider extends Referable<'policyArn'>, Referable<'role'> {}

export const IamRolePolicyAttachment = managedResourceClass<IamRolePolicyAttachmentForProvider>(IAM_ROLE_POLICY_ATTACHMENT);

/** iam InstanceProfile. Name-identified: the external name is the instance profile name. */
export const IAM_INSTANCE_PROFILE = iam('InstanceProfile', global({ path: STR, ...referable('role'), tags: STR_MAP }));

export interface IamInstanceProfileForProvider extends Referable<'role'> {
  readonly path?: string;
  readonly tags?: Tags;
}

export const IamInstanceProfile = managedResourceClass<IamInstanceProfileForProvider>(IAM_INSTANCE_PROFILE);

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { EksPodIdentityAssociation } from '../crossplane/eks/pod-identity-association.js';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { policyDocument } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, IAM_ROLE_NAME, fittedAwsName, mrCommon, accountRoleArn, ownBoundaryArn, tenantTags } from './tenant-aws-env.js';
import { type WorkloadAccess, workloadStatements } from './tenant-aws-kinds.js';
import { type TenantAwsUse, useStatements } from './tenant-aws-uses.js';
import { type ExternalAccessGrant, externalAccessStatements } from './tenant-external-access.js';

export interface TenantWorkloadRoleProps {
  readonly env: TenantAwsEnv;
  /** The ServiceAccount's name. */
  readonly serviceAccount: string;
  /** The ServiceAccount's namespace (the main one or `<tenant>-<suffix>`). @default - env.namespace */
  readonly namespace?: string;
  readonly access: WorkloadAccess;
  /** Other tenants' resources the tenant uses here, agreed by both files (see `tenant-aws-uses.ts`). @default [] */
  readonly uses?: readonly TenantAwsUse[];
  /** Reviewed access beyond the tenant's own resources (the tenant file's `aws.externalAccess`, resolved on this cluster). @default [] */
  readonly externalAccess?: readonly ExternalAccessGrant[];
  /**
   * Render the ServiceAccount itself. An app's ServiceAccount is rendered by the app; a ServiceAccount declared only
   * in the tenant file is rendered here, so the Pod Identity association always binds an existing account.
   * @default false
   */
  readonly createServiceAccount?: boolean;
}

/** The short AWS name of a workload ServiceAccount's role: `sa-[<suffix>-]<name>` (`<suffix>` of an extra namespace). */
export function workloadRoleShortName(serviceAccount: string, namespaceSuffix = ''): string {
  return `sa-${namespaceSuffix ? `${namespaceSuffix}-` : ''}${serviceAccount}`;
}

/** The AWS role name of a workload ServiceAccount: `<cluster>-<prefix>-sa-[<suffix>-]<name>`, shortened to IAM's 64 characters. */
export function workloadRoleName(env: TenantAwsEnv, serviceAccount: string, namespace?: string): string {
  const suffix = namespace && namespace !== env.namespace ? namespace.slice(env.namespace.length + 1) : '';
  return fittedAwsName(env, IAM_ROLE_NAME, workloadRoleShortName(serviceAccount, suffix));
}

/** The namespace of a workload ServiceAccount: the main one, or `<tenant>-<suffix>`. */
export const workloadNamespace = (env: TenantAwsEnv, suffix: string) => (suffix === '' ? env.namespace : `${env.namespace}-${suffix}`);

/** The role ARNs of the tenant's workload ServiceAccounts, in their order. */
export function workloadRoleArns(env: TenantAwsEnv, serviceAccounts: readonly { readonly name: string; readonly namespace: string }[]): string[] {
  return serviceAccounts.map((sa) => accountRoleArn(env, workloadRoleName(env, sa.name, workloadNamespace(env, sa.namespace))));
}

/**
 * An IAM role for one workload ServiceAccount, assumable only through EKS Pod Identity for that
 * ServiceAccount (the PodIdentityAssociation binds them), with a policy naming exactly the tenant's
 * own resources, the other tenants' resources it uses, and the reviewed external access the tenant names
 * (`tenancy.externalAccess` of the cluster file). KMS use is granted by the tenant key's policy, which lists this role.
 */
export class TenantWorkloadRole extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: TenantWorkloadRoleProps) {
    super(scope, id);
    const { env } = props;
    const namespace = props.namespace ?? env.namespace;
    const roleName = workloadRoleName(env, props.serviceAccount, namespace);
    const common = mrCommon(env, workloadRoleShortName(props.serviceAccount, namespace === env.namespace ? '' : namespace.slice(env.namespace.length + 1)));
    this.roleArn = accountRoleArn(env, roleName);
    new IamRole(this, 'role', {
      ...common,
      externalName: roleName,
      forProvider: {
        description: `ServiceAccount ${namespace}/${props.serviceAccount} on cluster ${env.cluster}`,
        assumeRolePolicy: policyDocument([{ sid: 'EksPodIdentity', principal: { Service: 'pods.eks.amazonaws.com' }, actions: ['sts:AssumeRole', 'sts:TagSession'] }]),
        permissionsBoundary: ownBoundaryArn(env),
        tags: tenantTags(env),
      },
    });
    const external = props.externalAccess ?? [];
    const statements = [...workloadStatements(props.access), ...useStatements(env, props.uses ?? [], 'workloads'), ...externalAccessStatements(external)];
    if (statements.length > 0) {
      new IamPolicy(this, 'policy', {
        ...common,
        externalName: roleName,
        forProvider: { description: `What ${namespace}/${props.serviceAccount} may use: the tenant's own resources${external.length > 0 ? `, and ${external.map((g) => g.name).join(', ')}` : ''}`, policy: policyDocument(statements), tags: tenantTags(env) },
      });
      new IamRolePolicyAttachment(this, 'attachment', { ...common, forProvider: { roleRef: { name: common.name }, policyArnRef: { name: common.name } } });
    }
    if (props.createServiceAccount) {
      new ApiObject(this, 'service-account', {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: props.serviceAccount, namespace, labels: { 'platform.example.com/tenant': env.tenant } },
      });
    }
    new EksPodIdentityAssociation(this, 'pod-identity', {
      ...common,
      forProvider: { region: env.region, clusterName: env.cluster, namespace, serviceAccount: props.serviceAccount, roleArnRef: { name: common.name }, tags: tenantTags(env) },
    });
  }
}

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { EksPodIdentityAssociation } from '../crossplane/eks/pod-identity-association.js';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, awsName, mrCommon, accountRoleArn, tenantTags } from './tenant-aws-env.js';
import { tenantBoundaryArn } from '../infra/infra-names.js';

/** The tenant's own resources a workload may use, as ARNs. */
export interface WorkloadAccess {
  readonly buckets: readonly string[];
  readonly queues: readonly string[];
  readonly topics: readonly string[];
  readonly tables: readonly string[];
  readonly domains: readonly string[];
}

export interface TenantWorkloadRoleProps {
  readonly env: TenantAwsEnv;
  /** The ServiceAccount's name. */
  readonly serviceAccount: string;
  /** The ServiceAccount's namespace (the main one or `<tenant>-<suffix>`). @default - env.namespace */
  readonly namespace?: string;
  readonly access: WorkloadAccess;
  /**
   * Render the ServiceAccount itself. An app's ServiceAccount is rendered by the app; a ServiceAccount declared only
   * in the tenant file is rendered here, so the Pod Identity association always binds an existing account.
   * @default false
   */
  readonly createServiceAccount?: boolean;
}

/** The AWS role name of a workload ServiceAccount: `<cluster>-<tenant>-sa-[<suffix>-]<name>`. */
export function workloadRoleName(env: TenantAwsEnv, serviceAccount: string, namespace?: string): string {
  const suffix = namespace && namespace !== env.namespace ? `${namespace.slice(env.tenant.length + 1)}-` : '';
  return awsName(env, `sa-${suffix}${serviceAccount}`);
}

/** The statements of a workload policy: data-plane actions on exactly the given ARNs, never `*`. */
export function workloadStatements(access: WorkloadAccess): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  if (access.buckets.length > 0) {
    out.push({ sid: 'Buckets', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [...access.buckets] });
    out.push({ sid: 'Objects', actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], resources: access.buckets.map((b) => `${b}/*`) });
  }
  if (access.queues.length > 0) {
    out.push({ sid: 'Queues', actions: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], resources: [...access.queues] });
  }
  if (access.topics.length > 0) out.push({ sid: 'Topics', actions: ['sns:Publish', 'sns:GetTopicAttributes'], resources: [...access.topics] });
  if (access.tables.length > 0) {
    out.push({
      sid: 'Tables',
      actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
      resources: access.tables.flatMap((t) => [t, `${t}/index/*`]),
    });
  }
  if (access.domains.length > 0) {
    out.push({ sid: 'SearchDomains', actions: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete', 'es:ESHttpPatch'], resources: access.domains.map((d) => `${d}/*`) });
  }
  return out;
}

/**
 * An IAM role for one workload ServiceAccount, assumable only through EKS Pod Identity for that
 * ServiceAccount (the PodIdentityAssociation binds them), with a policy naming exactly the tenant's
 * own resources. KMS use is granted by the tenant key's policy, which lists this role.
 */
export class TenantWorkloadRole extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: TenantWorkloadRoleProps) {
    super(scope, id);
    const { env } = props;
    const namespace = props.namespace ?? env.namespace;
    const roleName = workloadRoleName(env, props.serviceAccount, namespace);
    const common = mrCommon(env, roleName.slice(env.cluster.length + env.tenant.length + 2));
    this.roleArn = accountRoleArn(env, roleName);
    new IamRole(this, 'role', {
      ...common,
      externalName: roleName,
      forProvider: {
        description: `ServiceAccount ${namespace}/${props.serviceAccount} on cluster ${env.cluster}`,
        assumeRolePolicy: policyDocument([{ sid: 'EksPodIdentity', principal: { Service: 'pods.eks.amazonaws.com' }, actions: ['sts:AssumeRole', 'sts:TagSession'] }]),
        permissionsBoundary: tenantBoundaryArn(env),
        tags: tenantTags(env),
      },
    });
    const statements = workloadStatements(props.access);
    if (statements.length > 0) {
      new IamPolicy(this, 'policy', {
        ...common,
        externalName: roleName,
        forProvider: { description: `What ${namespace}/${props.serviceAccount} may use: the tenant's own resources`, policy: policyDocument(statements), tags: tenantTags(env) },
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

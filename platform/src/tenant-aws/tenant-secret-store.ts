import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { type TenantAwsEnv, accountRoleArn, awsName, mrCommon, secretNamePrefix, ownBoundaryArn, tenantSecretsArn, tenantTags } from './tenant-aws-env.js';

export interface TenantSecretStoreProps {
  readonly env: TenantAwsEnv;
  /** The IAM role of the cluster's external-secrets controller, which assumes the store's role. */
  readonly controllerRoleArn: string;
  /** The tenant's namespaces: each gets the store. @default - the main namespace */
  readonly namespaces?: readonly string[];
  /** Statements on other tenants' secrets the tenant uses (see `useStatements`). @default [] */
  readonly usedSecretStatements?: readonly PolicyStatement[];
}

/**
 * `<cluster>-<prefix>-secrets` (the tenant's AWS name `secrets`): the role the tenant's SecretStores
 * read with. The infra layer lets the cluster's external-secrets role assume exactly these roles.
 */
export const tenantSecretReaderRoleName = (env: Pick<TenantAwsEnv, 'cluster' | 'tenant' | 'awsPrefix'>) => awsName(env, 'secrets');

/** The Secrets Manager actions of a reader of the tenant's secrets. */
export const SECRET_READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];

/** Name of the tenant's SecretStore in each of its namespaces (apps' ExternalSecrets use it too). */
export const tenantSecretStoreName = (tenant: string) => `${tenant}-secrets`;

/**
 * The tenant's SecretStore `<tenant>-secrets` over AWS Secrets Manager, in each tenant namespace,
 * with keys relative to `<cluster>/<tenant>/`, and the role it reads with, `<cluster>-<tenant>-secrets`,
 * which may read only that prefix and the other tenants' secrets it uses. The external-secrets controller assumes that role for these stores only.
 */
export class TenantSecretStore extends Construct {
  /** ARN of the reading role (add it to the tenant key's users so it can decrypt). */
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: TenantSecretStoreProps) {
    super(scope, id);
    const { env } = props;
    const roleName = tenantSecretReaderRoleName(env);
    const common = mrCommon(env, 'secrets-reader');
    this.roleArn = accountRoleArn(env, roleName);
    new IamRole(this, 'role', {
      ...common,
      externalName: roleName,
      forProvider: {
        description: `external-secrets reading ${secretNamePrefix(env)}* for tenant ${env.tenant}`,
        assumeRolePolicy: policyDocument([{ sid: 'ExternalSecretsController', principal: { AWS: props.controllerRoleArn }, actions: ['sts:AssumeRole', 'sts:TagSession'] }]),
        permissionsBoundary: ownBoundaryArn(env),
        tags: tenantTags(env),
      },
    });
    new IamPolicy(this, 'policy', {
      ...common,
      externalName: roleName,
      forProvider: {
        description: `Read the secrets of tenant ${env.tenant}`,
        policy: policyDocument([
          { sid: 'ReadTenantSecrets', actions: SECRET_READ_ACTIONS, resources: [tenantSecretsArn(env)] },
          ...(props.usedSecretStatements ?? []),
        ]),
        tags: tenantTags(env),
      },
    });
    new IamRolePolicyAttachment(this, 'attachment', { ...common, forProvider: { roleRef: { name: common.name }, policyArnRef: { name: common.name } } });
    for (const namespace of props.namespaces ?? [env.namespace]) {
      new ApiObject(this, `store-${namespace}`, {
        apiVersion: 'external-secrets.io/v1',
        kind: 'SecretStore',
        metadata: { name: tenantSecretStoreName(env.tenant), namespace, labels: common.labels },
        spec: { provider: { aws: { service: 'SecretsManager', region: env.region, role: this.roleArn, prefix: secretNamePrefix(env) } } },
      });
    }
  }
}

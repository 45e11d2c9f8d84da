import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { SecretsManagerSecret } from '../crossplane/secretsmanager/secret.js';
import { type TenantAwsEnv, fitName, mrCommon, secretNamePrefix, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';
import { SECRET_READ_ACTIONS, tenantSecretStoreName } from './tenant-secret-store.js';

const SECRET_NAME = { what: 'Secrets Manager secret name', max: 512 };
/** `<cluster>/<prefix>/<name>`: the Secrets Manager name of a tenant secret. */
export const secretName = (env: TenantAwsEnv, name: string) => fitName(secretNamePrefix(env), name, SECRET_NAME.max);
const secretArn = (env: TenantAwsEnv, name: string) => `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${secretName(env, name)}-??????`;

export interface TenantSecretProps {
  readonly env: TenantAwsEnv;
  /** Secret name: `<cluster>/<prefix>/<name>` in AWS, `<name>` in the namespace. */
  readonly name: string;
  readonly kmsKeyRef: { readonly name: string };
  /** @default - none */
  readonly description?: string;
  /** @default '1h' */
  readonly refreshInterval?: string;
}

/**
 * A Secrets Manager secret under `<cluster>/<tenant>/`, created empty (its value is set in AWS,
 * never in Git), and an ExternalSecret that copies every JSON field of it into the Secret `<name>`
 * of the tenant namespace through the tenant's SecretStore `<tenant>-secrets`. The secret is retained.
 */
export class TenantSecret extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: TenantSecretProps) {
    super(scope, id);
    const { env, name } = props;
    const common = mrCommon(env, `secret-${name}`);
    this.arn = secretArn(env, name);
    new SecretsManagerSecret(this, 'secret', {
      ...common,
      retain: true,
      forProvider: {
        region: env.region,
        name: secretName(env, name),
        description: props.description ?? `Tenant ${env.tenant}: ${name} (value set in AWS, not in Git)`,
        kmsKeyIdRef: props.kmsKeyRef,
        recoveryWindowInDays: 30,
        tags: tenantTags(env),
      },
    });
    new ApiObject(this, 'external-secret', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name, namespace: env.namespace, labels: common.labels },
      spec: {
        refreshInterval: props.refreshInterval ?? '1h',
        secretStoreRef: { kind: 'SecretStore', name: tenantSecretStoreName(env.tenant) },
        target: { name, creationPolicy: 'Owner' },
        // The store's prefix is <cluster>/<tenant>/, so the key is the bare name.
        dataFrom: [{ extract: { key: name } }],
      },
    });
  }
}

/** The tenant AWS kind `aws.secrets`. */
export const SECRETS: TenantAwsKind<TenantAwsItem<'secrets'>> = {
  field: 'secrets',
  title: 'Secrets Manager secret',
  mrPrefix: 'secret',
  names: [{ rule: SECRET_NAME, short: (s) => s.name, head: 'secret' }],
  /** Secrets Manager appends `-` and six random characters to a secret's ARN. */
  arn: (env, s) => secretArn(env, s.name),
  workloadArns: () => [],
  workloadActions: () => [],
  dataPlane: (patterns) => [{ sid: 'OwnSecrets', actions: SECRET_READ_ACTIONS, resources: [...patterns] }],
  providerRole: (patterns) => [{ sid: 'Secrets', actions: ['secretsmanager:CreateSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:UpdateSecret', 'secretsmanager:TagResource', 'secretsmanager:UntagResource', 'secretsmanager:GetResourcePolicy'], resources: [...patterns] }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:secretsmanager:${s.region}:${s.accountId}:secret:${s.cluster}/${s.prefix}/*`],
  vpc: null,
  publicEndpoint: false,
  stateful: [{ service: 'secretsmanager', kind: 'Secret', title: 'Secrets Manager secret', loss: 'the secret value and its versions (after the recovery window)' }],
  providerPackages: ['secretsmanager'],
  summary: 'created empty under `<cluster>/<prefix>/`, value set in AWS; arrives as the Secret `<name>` through the tenant SecretStore',
  sharing: {
    accesses: { read: { ownerField: 'readers', statements: (arns) => [{ sid: 'ReadSharedSecrets', actions: SECRET_READ_ACTIONS, resources: [...arns] }], keyActions: ['kms:Decrypt'] } },
    usedBy: 'secretStore',
    service: 'secretsmanager',
    arns: (owner, sec) => [SECRETS.arn(owner, sec)],
    details: null,
  },
  render: (scope, ctx, s) => {
    new TenantSecret(scope, `secret-${s.name}`, { env: ctx.env, name: s.name, kmsKeyRef: ctx.kmsKeyRef, description: s.description, refreshInterval: s.refreshInterval });
  },
};


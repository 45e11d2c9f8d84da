import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { SecretsManagerSecret } from '../crossplane/secretsmanager/secret.js';
import { type TenantAwsEnv, arns, mrCommon, secretName, tenantTags } from './tenant-aws-env.js';
import { tenantSecretStoreName } from './tenant-secret-store.js';

export interface TenantSecretProps {
  readonly env: TenantAwsEnv;
  /** Secret name: `<cluster>/<tenant>/<name>` in AWS, `<name>` in the namespace. */
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
    this.arn = arns.secret(env, name);
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

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { TENANT_LABEL } from '../tenancy/tenant-namespace.js';
import { type TenantAwsEnv, secretNamePrefix } from './tenant-aws-env.js';
import { type TenantAwsUse, ownerEnv, useDetails, usedObjectName } from './tenant-aws-uses.js';

export interface TenantUsedResourcesProps {
  /** The consumer on this cluster. */
  readonly env: TenantAwsEnv;
  /** Its agreed uses of other tenants' resources here. */
  readonly uses: readonly TenantAwsUse[];
  /** The role of the consumer's SecretStores (`TenantSecretStore.roleArn`), which reads the used secrets. */
  readonly secretStoreRoleArn: string;
  /** @default '1h' */
  readonly refreshInterval?: string;
}

/** `<consumer>-secrets-<owner>`: the consumer's SecretStore over the secrets of one owner. */
export const usedSecretStoreName = (consumer: string, owner: string) => `${consumer}-secrets-${owner}`;

/**
 * What a tenant needs in its main namespace to use other tenants' resources: for each used topic, queue and bucket,
 * the ConfigMap `<owner>-<name>-<topic|queue|bucket>` with its address (`arn`; a queue's `url`; a bucket's `bucket`
 * and `region`), and for each used secret the Secret `<owner>-<name>`, copied by an ExternalSecret through the
 * SecretStore `<consumer>-secrets-<owner>` (prefix `<cluster>/<owner prefix>/`, read with the consumer's own
 * SecretStore role, whose policy names exactly the used secrets). The access itself is IAM's (see `tenant-aws-uses.ts`).
 */
export class TenantUsedResources extends Construct {
  constructor(scope: Construct, id: string, props: TenantUsedResourcesProps) {
    super(scope, id);
    const { env } = props;
    const labels = { [TENANT_LABEL]: env.tenant };
    const secretOwners = new Map<string, TenantAwsUse>();
    for (const use of props.uses) {
      const details = useDetails(env, use);
      const name = usedObjectName(use);
      if (details !== null) {
        new ApiObject(this, `config-${name}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: env.namespace, labels }, data: { ...details } });
        continue;
      }
      secretOwners.set(use.owner, use);
      new ApiObject(this, `secret-${name}`, {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name, namespace: env.namespace, labels },
        spec: {
          refreshInterval: props.refreshInterval ?? '1h',
          secretStoreRef: { kind: 'SecretStore', name: usedSecretStoreName(env.tenant, use.owner) },
          target: { name, creationPolicy: 'Owner' },
          // The store's prefix is the owner's <cluster>/<prefix>/, so the key is the bare name.
          dataFrom: [{ extract: { key: use.name } }],
        },
      });
    }
    for (const [owner, use] of [...secretOwners].sort(([a], [b]) => a.localeCompare(b))) {
      new ApiObject(this, `store-${owner}`, {
        apiVersion: 'external-secrets.io/v1',
        kind: 'SecretStore',
        metadata: { name: usedSecretStoreName(env.tenant, owner), namespace: env.namespace, labels },
        spec: { provider: { aws: { service: 'SecretsManager', region: env.region, role: props.secretStoreRoleArn, prefix: secretNamePrefix(ownerEnv(env, use)) } } },
      });
    }
  }
}

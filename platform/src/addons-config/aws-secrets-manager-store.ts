import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/** Name of the platform's ClusterSecretStore. */
export const PLATFORM_SECRET_STORE = 'aws-secrets-manager';

/** The Secrets Manager prefix of a cluster's platform secrets: `platform/<cluster>/`. */
export const platformSecretPrefix = (cluster: string) => `platform/${cluster}/`;

export interface AwsSecretsManagerStoreProps {
  readonly cluster: string;
  readonly region: string;
  /** Namespaces whose ExternalSecrets may use the store: the platform's own, never tenants'. */
  readonly namespaces: readonly string[];
}

/**
 * The platform's ClusterSecretStore over AWS Secrets Manager. Every key is read under
 * `platform/<cluster>/`, with external-secrets' own Pod Identity role (which IAM scopes to that
 * prefix), and only ExternalSecrets in platform namespaces may use it. Tenants get their own
 * SecretStores under their own prefix.
 */
export class AwsSecretsManagerStore extends ApiObject {
  constructor(scope: Construct, id: string, props: AwsSecretsManagerStoreProps) {
    super(scope, id, {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterSecretStore',
      metadata: { name: PLATFORM_SECRET_STORE },
      spec: {
        conditions: [{ namespaces: [...props.namespaces].sort() }],
        provider: { aws: { service: 'SecretsManager', region: props.region, prefix: platformSecretPrefix(props.cluster) } },
      },
    });
  }
}

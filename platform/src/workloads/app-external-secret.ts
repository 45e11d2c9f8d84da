import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';
import type { SecretSettings } from './app-settings.js';

export interface AppExternalSecretProps extends AppObjectProps {
  /** SecretStore in the namespace that reads the tenant's prefix of AWS Secrets Manager. */
  readonly secretStoreName: string;
  /** Kubernetes Secret to create, keyed like `data`. */
  readonly targetName: string;
  /** Secret keys (environment variable names) → full Secrets Manager key and optional JSON property. */
  readonly data: Readonly<Record<string, SecretSettings>>;
  /** @default '1h' */
  readonly refreshInterval?: string;
}

/**
 * An external-secrets.io/v1 ExternalSecret that copies values from AWS Secrets Manager into a Secret
 * owned by it, so no secret value is ever written to Git.
 */
export class AppExternalSecret extends ApiObject {
  constructor(scope: Construct, id: string, props: AppExternalSecretProps) {
    const keys = Object.keys(props.data).sort();
    if (keys.length === 0) throw new Error(`'data' of ExternalSecret ${props.name} must not be empty`);
    super(scope, id, {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: appMetadata(props),
      spec: {
        refreshInterval: props.refreshInterval ?? '1h',
        secretStoreRef: { kind: 'SecretStore', name: props.secretStoreName },
        target: { name: props.targetName, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        data: keys.map((k) => {
          const s = props.data[k]!;
          return { secretKey: k, remoteRef: s.property ? { key: s.key, property: s.property } : { key: s.key } };
        }),
      },
    });
  }
}

import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { PLATFORM_SECRET_STORE, platformSecretPrefix } from './aws-secrets-manager-store.js';

/** One key of the Kubernetes Secret, copied from one Secrets Manager entry (a plain string). */
export interface PlatformSecretKey {
  /** Key in the Kubernetes Secret. */
  readonly secretKey: string;
  /** Secrets Manager name below `platform/<cluster>/`, e.g. `dex/github-client-secret`. */
  readonly key: string;
}

export interface PlatformExternalSecretProps {
  readonly cluster: string;
  /** Name of the ExternalSecret and of the Secret it writes. */
  readonly name: string;
  /** A platform namespace (the ClusterSecretStore serves no other). */
  readonly namespace: string;
  /** The Secret's keys, each from its own Secrets Manager entry. */
  readonly data: readonly PlatformSecretKey[];
  /** @default '1h' */
  readonly refreshInterval?: string;
}

/**
 * An ExternalSecret that copies platform entries of AWS Secrets Manager (`platform/<cluster>/<key>`) into one Secret
 * of a platform namespace through the ClusterSecretStore. The annotation names every entry it reads, so a reader of
 * out/ (and docs/bootstrap.md) sees what must exist in AWS.
 */
export class PlatformExternalSecret extends ApiObject {
  constructor(scope: Construct, id: string, props: PlatformExternalSecretProps) {
    if (props.data.length === 0) throw new Error(`ExternalSecret ${props.namespace}/${props.name}: 'data' is empty; allowed: at least one key`);
    super(scope, id, {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: {
        name: props.name,
        namespace: props.namespace,
        annotations: { 'platform.example.com/secrets-manager-key': props.data.map((d) => `${platformSecretPrefix(props.cluster)}${d.key}`).join(',') },
      },
      spec: {
        refreshInterval: props.refreshInterval ?? '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: PLATFORM_SECRET_STORE },
        target: { name: props.name, creationPolicy: 'Owner' },
        data: props.data.map((d) => ({ secretKey: d.secretKey, remoteRef: { key: d.key } })),
      },
    });
  }
}

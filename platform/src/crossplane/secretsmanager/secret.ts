import { BOOL, STR, STR_MAP, referable, regional } from '../_fields.js';
import type { Ref, TaggedForProvider } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

/**
 * secretsmanager.aws.m.upbound.io/v1beta1 Secret: the secret's metadata only; its value is a
 * separate SecretVersion, which the platform never renders (values never go through Git).
 * ID-identified (the ARN); the secret name is `forProvider.name`.
 */
export const SECRETSMANAGER_SECRET = defineManagedResourceKind({
  apiVersion: 'secretsmanager.aws.m.upbound.io/v1beta1',
  kind: 'Secret',
  forProvider: regional({
    description: STR,
    forceOverwriteReplicaSecret: BOOL,
    ...referable('kmsKeyId'),
    name: { type: 'string', pattern: '^[A-Za-z0-9/_+=.@-]{1,512}$' },
    recoveryWindowInDays: { type: 'number', minimum: 0, maximum: 30 },
    tags: STR_MAP,
  }),
});

export interface SecretsManagerSecretForProvider extends TaggedForProvider {
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyIdRef?: Ref;
  /** 7 to 30 days in which a deleted secret can be restored (0 deletes at once). */
  readonly recoveryWindowInDays?: number;
}

/** A Secrets Manager secret, created empty. */
export const SecretsManagerSecret = managedResourceClass<SecretsManagerSecretForProvider>(SECRETSMANAGER_SECRET);

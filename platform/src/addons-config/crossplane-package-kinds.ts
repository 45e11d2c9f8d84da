/**
 * JSON Schemas of the Crossplane kinds addons-config emits (no Kubernetes or controller release validates them):
 * the package manager's Provider and DeploymentRuntimeConfig, the ManagedResourceActivationPolicy
 * (Crossplane v2.3) and provider-family-aws's ClusterProviderConfig (v2.6). Written from the
 * documented fields; only what the platform sets is allowed, so a typo fails the render.
 */
import { registerSchema } from '../validation/manifest-validator.js';

const STR = { type: 'string', minLength: 1 } as const;
const NAME = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 } as const;
const STR_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

function closed(properties: Record<string, object>, required: readonly string[] = []): object {
  return { type: 'object', additionalProperties: false, properties, ...(required.length > 0 ? { required } : {}) };
}

/** A cluster-scoped object of one kind: no namespace. */
function clusterScoped(apiVersion: string, kind: string, spec: object): object {
  return closed(
    {
      apiVersion: { const: apiVersion },
      kind: { const: kind },
      metadata: closed({ name: NAME, labels: STR_MAP, annotations: STR_MAP }, ['name']),
      spec,
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  );
}

export const PROVIDER_API_VERSION = 'pkg.crossplane.io/v1';
export const RUNTIME_CONFIG_API_VERSION = 'pkg.crossplane.io/v1beta1';
export const MRAP_API_VERSION = 'apiextensions.crossplane.io/v1alpha1';
export const AWS_PROVIDER_CONFIG_API_VERSION = 'aws.m.upbound.io/v1beta1';

/** Crossplane v2 requires fully qualified package references: registry host, path and tag or digest. */
const PACKAGE = { type: 'string', pattern: '^[a-z0-9.-]+\\.[a-z]{2,}(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$' };

registerSchema(
  PROVIDER_API_VERSION,
  'Provider',
  clusterScoped(
    PROVIDER_API_VERSION,
    'Provider',
    closed(
      {
        package: PACKAGE,
        packagePullPolicy: { enum: ['Always', 'Never', 'IfNotPresent'] },
        revisionActivationPolicy: { enum: ['Automatic', 'Manual'] },
        revisionHistoryLimit: { type: 'integer', minimum: 0 },
        skipDependencyResolution: { type: 'boolean' },
        runtimeConfigRef: closed(
          { apiVersion: { const: RUNTIME_CONFIG_API_VERSION }, kind: { const: 'DeploymentRuntimeConfig' }, name: NAME },
          ['name'],
        ),
      },
      ['package'],
    ),
  ),
);

registerSchema(
  RUNTIME_CONFIG_API_VERSION,
  'DeploymentRuntimeConfig',
  clusterScoped(
    RUNTIME_CONFIG_API_VERSION,
    'DeploymentRuntimeConfig',
    closed({
      serviceAccountTemplate: closed({ metadata: closed({ name: NAME, labels: STR_MAP, annotations: STR_MAP }) }),
    }),
  ),
);

registerSchema(
  MRAP_API_VERSION,
  'ManagedResourceActivationPolicy',
  clusterScoped(
    MRAP_API_VERSION,
    'ManagedResourceActivationPolicy',
    // MRD names (plural.group) with at most a leading `*.` wildcard.
    closed({ activate: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' } } }, ['activate']),
  ),
);

registerSchema(
  AWS_PROVIDER_CONFIG_API_VERSION,
  'ClusterProviderConfig',
  clusterScoped(
    AWS_PROVIDER_CONFIG_API_VERSION,
    'ClusterProviderConfig',
    closed(
      {
        credentials: closed({ source: { enum: ['IRSA', 'PodIdentity', 'WebIdentity', 'Secret', 'None'] } }, ['source']),
        assumeRoleChain: {
          type: 'array',
          items: closed({ roleARN: { type: 'string', pattern: '^arn:aws:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$' }, externalID: STR }, ['roleARN']),
        },
      },
      ['credentials'],
    ),
  ),
);

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { CROSSPLANE_PROVIDER_SERVICE_ACCOUNT } from '../addons/crossplane.js';
import { PROVIDER_API_VERSION, RUNTIME_CONFIG_API_VERSION } from './crossplane-package-kinds.js';
import { tenantAwsProviderServices } from '../tenant-aws/tenant-aws-kinds.js';

/** provider-upjet-aws family packages, all at one version (a Renovate regex manager bumps it). */
export const AWS_PROVIDER_PACKAGES = {
  repository: 'xpkg.crossplane.io/crossplane-contrib',
  version: 'v2.6.0',
} as const;

/**
 * The AWS services the platform's own managed resources need: the cluster infrastructure (network, node groups,
 * EKS, DNS, IAM, keys, buckets) and what every tenant gets (key, security groups, roles, pod identity).
 */
const PLATFORM_PROVIDER_SERVICES = ['autoscaling', 'ec2', 'eks', 'iam', 'kms', 'route53', 's3'] as const;

/** The AWS services whose provider packages every cluster installs: the platform's and every tenant AWS kind's, sorted. */
export function awsProviderServices(): string[] {
  return [...new Set([...PLATFORM_PROVIDER_SERVICES, ...tenantAwsProviderServices()])].sort();
}

/** The DeploymentRuntimeConfig every AWS provider runs with. */
export const AWS_RUNTIME_CONFIG = 'provider-aws';

export interface AwsProvidersProps {
  /**
   * IAM role the provider ServiceAccount is annotated with for IRSA.
   * @default - none: EKS Pod Identity associates the role with the ServiceAccount name
   */
  readonly irsaRoleArn?: string;
  /** @default awsProviderServices() */
  readonly services?: readonly string[];
}

/**
 * The Crossplane AWS provider packages (`provider-family-aws` and one `provider-aws-<service>` per
 * service) and the DeploymentRuntimeConfig that pins their ServiceAccount name, so one Pod Identity
 * association (or one IRSA role) covers every provider pod.
 */
export class AwsProviders extends Construct {
  constructor(scope: Construct, id: string, props: AwsProvidersProps = {}) {
    super(scope, id);
    const annotations = props.irsaRoleArn ? { 'eks.amazonaws.com/role-arn': props.irsaRoleArn } : undefined;
    new ApiObject(this, 'runtime-config', {
      apiVersion: RUNTIME_CONFIG_API_VERSION,
      kind: 'DeploymentRuntimeConfig',
      metadata: { name: AWS_RUNTIME_CONFIG },
      spec: { serviceAccountTemplate: { metadata: { name: CROSSPLANE_PROVIDER_SERVICE_ACCOUNT, annotations } } },
    });
    const packages = ['provider-family-aws', ...(props.services ?? awsProviderServices()).map((s) => `provider-aws-${s}`)];
    for (const pkg of packages) {
      new ApiObject(this, pkg, {
        apiVersion: PROVIDER_API_VERSION,
        kind: 'Provider',
        metadata: { name: `crossplane-contrib-${pkg}` },
        spec: {
          package: `${AWS_PROVIDER_PACKAGES.repository}/${pkg}:${AWS_PROVIDER_PACKAGES.version}`,
          runtimeConfigRef: { apiVersion: RUNTIME_CONFIG_API_VERSION, kind: 'DeploymentRuntimeConfig', name: AWS_RUNTIME_CONFIG },
        },
      });
    }
  }
}

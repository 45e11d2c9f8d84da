import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { AWS_PROVIDER_CONFIG_API_VERSION } from './crossplane-package-kinds.js';
import { addonRoleArn } from '../infra/infra-names.js';

/** The role in a cluster's account that the management cluster's Crossplane assumes to manage that cluster. */
export const defaultCrossplaneAssumeRoleArn = (accountId: string, cluster: string) => `arn:aws:iam::${accountId}:role/${cluster}-crossplane`;

/** The role the management cluster's Crossplane assumes for a cluster: its `crossplane.assumeRoleArn`, or the default. */
export const crossplaneAssumeRoleArn = (c: { readonly name: string; readonly aws: { readonly accountId: string }; readonly crossplane?: { readonly assumeRoleArn?: string } }) =>
  c.crossplane?.assumeRoleArn ?? defaultCrossplaneAssumeRoleArn(c.aws.accountId, c.name);

/** The role the provider pods of a cluster's own Crossplane run as (Pod Identity or IRSA). */
export const crossplaneProviderRoleArn = (accountId: string, cluster: string) => addonRoleArn(accountId, cluster, 'crossplane');

export interface AwsClusterProviderConfigProps {
  /** `default` (the cluster's own account) or `infra-<cluster>`. */
  readonly name: string;
  /** How the provider pods get AWS credentials. */
  readonly credentials: 'PodIdentity' | 'IRSA';
  /** Roles assumed in order after authenticating (into another cluster's account). @default [] */
  readonly assumeRoleChain?: readonly string[];
  /** @default - none */
  readonly labels?: Record<string, string>;
}

/** A provider-upjet-aws `ClusterProviderConfig` that namespaced managed resources in any namespace can use. */
export class AwsClusterProviderConfig extends ApiObject {
  constructor(scope: Construct, id: string, props: AwsClusterProviderConfigProps) {
    const chain = props.assumeRoleChain ?? [];
    super(scope, id, {
      apiVersion: AWS_PROVIDER_CONFIG_API_VERSION,
      kind: 'ClusterProviderConfig',
      metadata: { name: props.name, labels: props.labels },
      spec: {
        credentials: { source: props.credentials },
        assumeRoleChain: chain.length > 0 ? chain.map((roleARN) => ({ roleARN })) : undefined,
      },
    });
  }
}

import type { ProviderConfigRef } from '../crossplane/managed-resource.js';
import type { Tags } from '../crossplane/_fields.js';
import { CLUSTER_LABEL, infraNamespace, infraProviderConfigRef } from './infra-names.js';

/** Props every infrastructure construct of one cluster shares. */
export interface InfraProps {
  /** The cluster the infrastructure belongs to (name from clusters/<name>.yaml). */
  readonly cluster: string;
  readonly accountId: string;
  readonly region: string;
  /** @default - infraNamespace(cluster) */
  readonly namespace?: string;
  /** @default - infraProviderConfigRef(cluster) */
  readonly providerConfigRef?: ProviderConfigRef;
  /** Tags on every taggable AWS object. @default - cluster and managed-by tags */
  readonly tags?: Tags;
}

/** @internal The resolved common props of every MR a construct emits. */
export interface ResolvedInfra {
  readonly cluster: string;
  readonly accountId: string;
  readonly region: string;
  readonly namespace: string;
  readonly providerConfigRef: ProviderConfigRef;
  readonly tags: Tags;
  readonly labels: Record<string, string>;
}

/** The tags every infra object of a cluster carries in AWS. */
export const infraTags = (cluster: string): Tags => ({ [CLUSTER_LABEL]: cluster, 'platform.example.com/managed-by': 'crossplane' });

/** @internal Resolves InfraProps defaults once. */
export function resolveInfra(props: InfraProps): ResolvedInfra {
  return {
    cluster: props.cluster,
    accountId: props.accountId,
    region: props.region,
    namespace: props.namespace ?? infraNamespace(props.cluster),
    providerConfigRef: props.providerConfigRef ?? infraProviderConfigRef(props.cluster),
    tags: props.tags ?? infraTags(props.cluster),
    labels: { [CLUSTER_LABEL]: props.cluster },
  };
}

/** @internal The common MR props (name, namespace, provider config, labels) of one object. */
export function mrBase(infra: ResolvedInfra, name: string) {
  return { name, namespace: infra.namespace, providerConfigRef: infra.providerConfigRef, labels: infra.labels };
}

/** @internal `tags` plus a Name tag. */
export function named(infra: ResolvedInfra, name: string, extra: Tags = {}): Tags {
  return { ...infra.tags, Name: `${infra.cluster}-${name}`, ...extra };
}

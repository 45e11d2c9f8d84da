/**
 * Names the infrastructure of cluster X is known by, shared by the infra layer (which emits the
 * managed resources) and the add-ons layer (which emits the ClusterProviderConfig they use).
 */

/** Namespace of the management cluster that holds cluster X's infrastructure managed resources. */
export const infraNamespace = (cluster: string) => `infra-${cluster}`;

/** The ClusterProviderConfig (rendered in the management cluster's addons-config) that cluster X's infra MRs use. */
export const infraProviderConfigName = (cluster: string) => `infra-${cluster}`;

/** `providerConfigRef` of every infra managed resource of cluster X. */
export const infraProviderConfigRef = (cluster: string) => ({ kind: 'ClusterProviderConfig' as const, name: infraProviderConfigName(cluster) });

/** Label on every infra object: the cluster it belongs to. */
export const CLUSTER_LABEL = 'platform.example.com/cluster';

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

/**
 * `<cluster>-boundary-<awsPrefix>`: the permissions boundary of every role tenant `<awsPrefix>` creates on the cluster
 * (see tenant-aws/tenant-boundary.ts). One per tenant, so each holds only that tenant's grants.
 */
export const tenantBoundaryName = (cluster: string, awsPrefix: string) => `${cluster}-boundary-${awsPrefix}`;

/** The ARN of a tenant's boundary policy on a cluster. */
export const tenantBoundaryArn = (env: { readonly cluster: string; readonly accountId: string }, awsPrefix: string) =>
  `arn:aws:iam::${env.accountId}:policy/${tenantBoundaryName(env.cluster, awsPrefix)}`;

/** The ARNs of every tenant boundary of a cluster (`<cluster>-boundary-*`). */
export const tenantBoundariesArn = (env: { readonly cluster: string; readonly accountId: string }) => tenantBoundaryArn(env, '*');

/** Label on every infra object: the cluster it belongs to. */
export const CLUSTER_LABEL = 'platform.example.com/cluster';

/** Role names that differ from the add-on name: the Crossplane role is its AWS provider's. */
const ADDON_ROLE_SUFFIXES: Readonly<Record<string, string>> = { crossplane: 'crossplane-provider' };

/**
 * The IAM role of an add-on that needs AWS: `<cluster>-<addon>` (`<cluster>-crossplane-provider`
 * for Crossplane). The infra layer creates it; add-on values, provider configs and tenant trust
 * policies name it through this function only.
 */
export const addonRoleName = (cluster: string, addon: string) => `${cluster}-${addonRoleSuffix(addon)}`;

/** The part of an add-on's role name after `<cluster>-`; also the metadata.name of its IAM objects. */
export const addonRoleSuffix = (addon: string) => ADDON_ROLE_SUFFIXES[addon] ?? addon;

/** The ARN of an add-on's role, for fields that take no reference. */
export const addonRoleArn = (accountId: string, cluster: string, addon: string) => `arn:aws:iam::${accountId}:role/${addonRoleName(cluster, addon)}`;

/** `<cluster>-metrics-reader`: in each cluster's account, the role that may only read the cluster's metrics bucket (fleet view). */
export const METRICS_READER_ROLE = 'metrics-reader';

/** `<management>-thanos-fleet`: the management cluster's role its fleet store gateways start from (Pod Identity). */
export const FLEET_METRICS_ROLE = 'thanos-fleet';

/** The ARN of a cluster's metrics-reader role. */
export const metricsReaderRoleArn = (accountId: string, cluster: string) => `arn:aws:iam::${accountId}:role/${cluster}-${METRICS_READER_ROLE}`;

/** The ARN of the management cluster's fleet metrics role. */
export const fleetMetricsRoleArn = (accountId: string, management: string) => `arn:aws:iam::${accountId}:role/${management}-${FLEET_METRICS_ROLE}`;

/** The management cluster's Thanos store gateway for another cluster's bucket: its release, and its ServiceAccount. */
export const fleetStoreName = (cluster: string) => `thanos-store-${cluster}`;

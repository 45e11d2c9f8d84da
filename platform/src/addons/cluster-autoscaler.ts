import { defineAddon } from './_addon.js';

/**
 * The cluster-autoscaler release for each Kubernetes minor version: upstream supports only the autoscaler whose minor
 * version matches the control plane's, so the image follows the cluster, not the chart's default. A cluster file
 * whose `kubernetes.version` has no entry here is rejected by the loader.
 */
export const AUTOSCALER_RELEASES: Readonly<Record<string, string>> = {
  '1.32': 'v1.32.5',
  '1.33': 'v1.33.5',
  '1.34': 'v1.34.4',
  '1.35': 'v1.35.1',
};

/** The image tag for a cluster's Kubernetes minor version; throws for a version without a release. */
export function autoscalerImageTag(kubernetesVersion: string): string {
  const tag = AUTOSCALER_RELEASES[kubernetesVersion];
  if (!tag) {
    throw new Error(`cluster-autoscaler: no release for Kubernetes ${kubernetesVersion}; known: ${Object.keys(AUTOSCALER_RELEASES).join(', ')}`);
  }
  return tag;
}

/**
 * cluster-autoscaler, discovering the node groups' auto scaling groups by the tags the infra layer
 * puts on them: `k8s.io/cluster-autoscaler/enabled` and `k8s.io/cluster-autoscaler/<cluster>`.
 */
export const CLUSTER_AUTOSCALER = defineAddon({
  name: 'cluster-autoscaler',
  namespace: 'cluster-autoscaler',
  chart: 'cluster-autoscaler',
  repository: 'https://kubernetes.github.io/autoscaler',
  version: '9.59.0',
  sourceKind: 'HelmRepository',
  serviceAccounts: ['cluster-autoscaler'],
  values: (env) => ({
    image: { tag: autoscalerImageTag(env.kubernetesVersion) },
    cloudProvider: 'aws',
    awsRegion: env.region,
    autoDiscovery: {
      clusterName: env.cluster,
      tags: ['k8s.io/cluster-autoscaler/enabled', `k8s.io/cluster-autoscaler/${env.cluster}`],
    },
    rbac: { serviceAccount: { name: 'cluster-autoscaler' } },
    extraArgs: { 'balance-similar-node-groups': true, expander: 'least-waste', 'skip-nodes-with-system-pods': false },
  }),
});

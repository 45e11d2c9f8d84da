import { defineAddon } from './_addon.js';

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

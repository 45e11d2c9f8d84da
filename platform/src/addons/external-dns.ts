import { defineAddon } from './_addon.js';

/** external-dns: publishes Service and Ingress hostnames of the cluster's domain into Route53. */
export const EXTERNAL_DNS = defineAddon({
  name: 'external-dns',
  namespace: 'external-dns',
  chart: 'external-dns',
  repository: 'https://kubernetes-sigs.github.io/external-dns/',
  version: '1.21.1',
  sourceKind: 'HelmRepository',
  serviceAccounts: ['external-dns'],
  podSecurity: 'restricted',
  dependsOn: ['kube-prometheus-stack'],
  values: (env) => ({
    provider: { name: 'aws' },
    // sync deletes records it owns (TXT registry, owner = cluster) and never touches others.
    policy: 'sync',
    registry: 'txt',
    txtOwnerId: env.cluster,
    domainFilters: [env.domain],
    sources: ['service', 'ingress'],
    extraArgs: env.hostedZoneId ? [`--zone-id-filter=${env.hostedZoneId}`] : [],
    env: [{ name: 'AWS_DEFAULT_REGION', value: env.region }],
    serviceAccount: { name: 'external-dns' },
    serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
  }),
});

import { defineAddon } from './_addon.js';

/** external-secrets: syncs AWS Secrets Manager entries into Kubernetes Secrets (ClusterSecretStore in addons-config/). */
export const EXTERNAL_SECRETS = defineAddon({
  name: 'external-secrets',
  namespace: 'external-secrets',
  chart: 'external-secrets',
  repository: 'oci://ghcr.io/external-secrets/charts/external-secrets',
  version: '2.9.0',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['external-secrets'],
  dependsOn: ['kube-prometheus-stack'],
  values: (env) => ({
    installCRDs: true,
    replicaCount: 2,
    leaderElect: true,
    serviceAccount: { name: 'external-secrets' },
    serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
  }),
});

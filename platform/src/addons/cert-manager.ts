import { defineAddon } from './_addon.js';

/** cert-manager, with its CRDs, solving ACME DNS-01 challenges in Route53 through Pod Identity. */
export const CERT_MANAGER = defineAddon({
  name: 'cert-manager',
  namespace: 'cert-manager',
  chart: 'cert-manager',
  repository: 'oci://quay.io/jetstack/charts/cert-manager',
  version: 'v1.21.1',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['cert-manager'],
  podSecurity: 'restricted',
  dependsOn: ['kube-prometheus-stack'],
  values: (env) => ({
    crds: { enabled: true, keep: true },
    replicaCount: env.environment === 'production' ? 2 : 1,
    serviceAccount: { name: 'cert-manager' },
    // Check DNS-01 propagation against public resolvers, not the VPC resolver.
    extraArgs: ['--dns01-recursive-nameservers-only', '--dns01-recursive-nameservers=1.1.1.1:53,8.8.8.8:53'],
    prometheus: { enabled: true, servicemonitor: { enabled: env.enabled('kube-prometheus-stack') } },
  }),
});

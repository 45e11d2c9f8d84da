import { defineAddon } from './_addon.js';

/** fluent-bit (DaemonSet): ships container logs, enriched with Kubernetes metadata, to the cluster's logs bucket. */
export const FLUENT_BIT = defineAddon({
  name: 'fluent-bit',
  namespace: 'logging',
  chart: 'fluent-bit',
  repository: 'oci://ghcr.io/fluent/helm-charts/fluent-bit',
  version: '0.58.1',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['fluent-bit'],
  dependsOn: ['kube-prometheus-stack'],
  // Reads /var/log of the node.
  podSecurity: 'privileged',
  values: (env) => ({
    serviceAccount: { name: 'fluent-bit' },
    serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
    config: {
      outputs: [
        '[OUTPUT]',
        '    Name s3',
        '    Match kube.*',
        `    bucket ${env.logsBucket}`,
        `    region ${env.region}`,
        '    compression gzip',
        '    total_file_size 50M',
        '    upload_timeout 10m',
        `    s3_key_format /${env.cluster}/$TAG[4]/%Y/%m/%d/%H-%M-%S-$UUID.gz`,
        '',
      ].join('\n'),
    },
  }),
});

import { type AddonEnvironment, defineAddon } from './_addon.js';
import { LOKI_HOST, LOKI_PORT } from './loki.js';

/** The archive: every container log line, gzipped, to the cluster's logs bucket. */
const s3Output = (env: AddonEnvironment) => [
  '[OUTPUT]',
  '    Name s3',
  '    Match kube.*',
  `    bucket ${env.logsBucket}`,
  `    region ${env.region}`,
  '    compression gzip',
  '    total_file_size 50M',
  '    upload_timeout 10m',
  `    s3_key_format /${env.cluster}/$TAG[4]/%Y/%m/%d/%H-%M-%S-$UUID.gz`,
];

/**
 * The searchable copy: every container log line to Loki, labelled with the namespace (which names the tenant:
 * `<tenant>` or `<tenant>-<suffix>`), pod, container and cluster. Few labels on purpose: Loki indexes labels only.
 */
const lokiOutput = (env: AddonEnvironment) => [
  '[OUTPUT]',
  '    Name loki',
  '    Match kube.*',
  `    Host ${LOKI_HOST}`,
  `    Port ${LOKI_PORT}`,
  `    labels cluster=${env.cluster}, namespace=$kubernetes['namespace_name'], pod=$kubernetes['pod_name'], container=$kubernetes['container_name']`,
  '    line_format json',
  '    Retry_Limit 5',
];

/**
 * fluent-bit (DaemonSet): ships container logs, enriched with Kubernetes metadata, to the cluster's logs bucket
 * (the archive) and, when the loki add-on is on, to Loki (the searchable copy).
 */
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
      outputs: [...s3Output(env), ...(env.enabled('loki') ? lokiOutput(env) : []), ''].join('\n'),
    },
  }),
});

import { type AddonEnvironment, configMap, defineAddon } from './_addon.js';
import { PLATFORM_LOG_TENANT, TENANTS_HASH_ANNOTATION } from './_log-tenancy.js';
import { stableHash } from '../_fit-name.js';
import { LOKI_TENANTS_CONFIGMAP, LOKI_TENANTS_FUNCTION, LOKI_TENANTS_SCRIPT, LOKI_TENANT_KEY, lokiTenantsScript } from './fluent-bit-loki-tenants.js';
import { LOKI_HOST, LOKI_PORT } from './loki.js';

/** The namespace of fluent-bit. */
export const LOGGING_NAMESPACE = 'logging';

/** Where the Loki tenants' Lua filter is mounted. */
const TENANTS_DIR = '/fluent-bit/loki-tenants';

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
 * The searchable copy: every container log line to Loki, labelled with the namespace, pod, container and cluster (few
 * labels on purpose: Loki indexes labels only), into the Loki tenant the Lua filter named (`X-Scope-OrgID`). The output
 * sends one tenant per flushed chunk, and a chunk holds one tag (one container's log file), so records of two tenants
 * never share a request. A record without the key goes to the platform tenant.
 */
const lokiOutput = (env: AddonEnvironment) => [
  '[OUTPUT]',
  '    Name loki',
  '    Match kube.*',
  `    Host ${LOKI_HOST}`,
  `    Port ${LOKI_PORT}`,
  `    labels cluster=${env.cluster}, namespace=$kubernetes['namespace_name'], pod=$kubernetes['pod_name'], container=$kubernetes['container_name']`,
  `    tenant_id ${PLATFORM_LOG_TENANT}`,
  `    tenant_id_key ${LOKI_TENANT_KEY}`,
  `    remove_keys ${LOKI_TENANT_KEY}`,
  '    line_format json',
  '    Retry_Limit 5',
];

/** The chart's Kubernetes metadata filter, then (with Loki) the filter that names each record's Loki tenant. */
const filters = (env: AddonEnvironment) => [
  '[FILTER]',
  '    Name kubernetes',
  '    Match kube.*',
  '    Merge_Log On',
  '    Keep_Log Off',
  '    K8S-Logging.Parser On',
  '    K8S-Logging.Exclude On',
  ...(env.enabled('loki') ? ['', '[FILTER]', '    Name lua', '    Match kube.*', `    script ${TENANTS_DIR}/${LOKI_TENANTS_SCRIPT}`, `    call ${LOKI_TENANTS_FUNCTION}`] : []),
];

/**
 * fluent-bit (DaemonSet): ships container logs, enriched with Kubernetes metadata, to the cluster's logs bucket
 * (the archive) and, when the loki add-on is on, to Loki (the searchable copy), each tenant's into its own Loki tenant.
 * The namespace-to-tenant table is a ConfigMap beside the release; its hash on the pods restarts them when it changes.
 */
export const FLUENT_BIT = defineAddon({
  name: 'fluent-bit',
  namespace: LOGGING_NAMESPACE,
  chart: 'fluent-bit',
  repository: 'oci://ghcr.io/fluent/helm-charts/fluent-bit',
  version: '0.58.1',
  sourceKind: 'OCIRepository',
  serviceAccounts: ['fluent-bit'],
  dependsOn: ['kube-prometheus-stack'],
  // Reads /var/log of the node.
  podSecurity: 'privileged',
  fromTenants: true,
  objects: (scope, env) => {
    if (env.enabled('loki')) configMap(scope, LOGGING_NAMESPACE, LOKI_TENANTS_CONFIGMAP, { [LOKI_TENANTS_SCRIPT]: lokiTenantsScript(env.teams ?? []) });
  },
  values: (env) => ({
    serviceAccount: { name: 'fluent-bit' },
    serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
    ...(env.enabled('loki')
      ? {
          podAnnotations: { [TENANTS_HASH_ANNOTATION]: stableHash(lokiTenantsScript(env.teams ?? []), 16) },
          extraVolumes: [{ name: 'loki-tenants', configMap: { name: LOKI_TENANTS_CONFIGMAP } }],
          extraVolumeMounts: [{ name: 'loki-tenants', mountPath: TENANTS_DIR, readOnly: true }],
        }
      : {}),
    config: {
      filters: [...filters(env), ''].join('\n'),
      outputs: [...s3Output(env), ...(env.enabled('loki') ? lokiOutput(env) : []), ''].join('\n'),
    },
  }),
});

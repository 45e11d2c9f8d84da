import { type AddonEnvironment, defineAddon } from './_addon.js';
import { inDomain } from '../tenancy/tenant-zones.js';

/** The tenant zones outside the cluster's domain (under another parent), which the domain filter must name. */
const outside = (env: AddonEnvironment) => [...new Set((env.tenantZones ?? []).filter((z) => !inDomain(z, env.domain)))].sort();

/**
 * external-dns: publishes Service and Ingress hostnames of the cluster's domain, and of the tenants' own zones,
 * into Route53. Each record goes to the most specific zone that contains it. With tenant zones, whose ids AWS
 * assigns at creation, the zone-id filter gives way to public zones of the domains; its IAM policy still holds
 * it to the cluster zone and the names inside the tenant zones (see ADDON_AWS_POLICIES).
 */
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
    domainFilters: [env.domain, ...outside(env)],
    sources: ['service', 'ingress'],
    extraArgs: (env.tenantZones ?? []).length > 0 ? ['--aws-zone-type=public'] : env.hostedZoneId ? [`--zone-id-filter=${env.hostedZoneId}`] : [],
    env: [{ name: 'AWS_DEFAULT_REGION', value: env.region }],
    serviceAccount: { name: 'external-dns' },
    serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
  }),
});

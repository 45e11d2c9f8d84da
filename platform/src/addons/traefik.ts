import { defineAddon } from './_addon.js';

/** The namespace of the ingress controller; tenant network policies allow traffic from it. */
export const INGRESS_NAMESPACE = 'traefik';

/**
 * Traefik, the ingress controller (IngressClass `traefik`, the default), behind an internet-facing
 * NLB that aws-load-balancer-controller provisions with IP targets. HTTP redirects to HTTPS.
 */
export const TRAEFIK = defineAddon({
  name: 'traefik',
  namespace: INGRESS_NAMESPACE,
  chart: 'traefik',
  repository: 'oci://ghcr.io/traefik/helm/traefik',
  version: '41.3.0',
  sourceKind: 'OCIRepository',
  dependsOn: ['aws-load-balancer-controller', 'kube-prometheus-stack'],
  values: (env) => ({
    deployment: { replicas: env.environment === 'production' ? 3 : 2 },
    podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
    ingressClass: { enabled: true, isDefaultClass: true, name: 'traefik' },
    service: {
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-attributes': 'load_balancing.cross_zone.enabled=true',
        'service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags': `platform.example.com/cluster=${env.cluster}`,
      },
    },
    ports: { web: { redirections: { entryPoint: { to: 'websecure', scheme: 'https', permanent: true } } } },
    // The ServiceMonitor scrapes a dedicated metrics Service; the metrics port stays unexposed on the NLB.
    metrics: { prometheus: { service: { enabled: true }, serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') } } },
  }),
});

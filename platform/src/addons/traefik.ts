import { defineAddon } from './_addon.js';

/** The namespace of the ingress controller; tenant network policies allow traffic from it. */
export const INGRESS_NAMESPACE = 'traefik';

/** The IngressClass the chart creates (the cluster's default); app ingresses name it. */
export const INGRESS_CLASS = 'traefik';

/** Traefik entry point of public ingresses, behind the internet-facing NLB. */
export const PUBLIC_ENTRYPOINT = 'websecure';
/** Traefik entry point of private ingresses, reachable only through the internal NLB (Service `traefik-internal`). */
export const INTERNAL_ENTRYPOINT = 'internal';

/** Key of the chart's additional Service for the internal NLB; the chart names it `traefik-<key>`. */
const INTERNAL_SERVICE = 'internal';

/** The NLB scheme each entry point must be reached through: what `validate --charts` holds the chart's Services to. */
export const ENTRYPOINT_SCHEMES: Readonly<Record<string, 'internet-facing' | 'internal'>> = {
  [PUBLIC_ENTRYPOINT]: 'internet-facing',
  [INTERNAL_ENTRYPOINT]: 'internal',
};

/**
 * Hostname external-dns gives the internal NLB in the cluster's zone. Private ingresses name it as
 * their DNS target, so their hosts resolve to the internal NLB and not to the public one that
 * Traefik writes into every Ingress status.
 */
export const internalIngressHost = (domain: string) => `ingress-internal.${domain}`;

/** Annotations of an NLB that aws-load-balancer-controller provisions with IP targets. */
function nlbAnnotations(scheme: 'internet-facing' | 'internal', cluster: string): Record<string, string> {
  return {
    'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
    'service.beta.kubernetes.io/aws-load-balancer-scheme': scheme,
    'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
    'service.beta.kubernetes.io/aws-load-balancer-attributes': 'load_balancing.cross_zone.enabled=true',
    'service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags': `platform.example.com/cluster=${cluster}`,
  };
}

/**
 * Traefik, the ingress controller (IngressClass `traefik`, the default), with two TLS entry points:
 * `websecure` behind an internet-facing NLB (HTTP redirects to it) and `internal` behind a second,
 * internal NLB that only the VPC and networks routed into it can reach. An Ingress picks one with
 * `traefik.ingress.kubernetes.io/router.entrypoints`; both are served by the same pods, so tenant
 * network policies that admit the traefik namespace cover both.
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
    ingressClass: { enabled: true, isDefaultClass: true, name: INGRESS_CLASS },
    service: {
      annotations: nlbAnnotations('internet-facing', env.cluster),
      additionalServices: {
        // Service traefik-internal: only the `internal` port, on an NLB without public addresses.
        // The chart takes Service fields under `spec` and its own ports from `ports.<name>.expose.<service>`.
        [INTERNAL_SERVICE]: {
          spec: { type: 'LoadBalancer' },
          annotations: {
            ...nlbAnnotations('internal', env.cluster),
            'external-dns.alpha.kubernetes.io/hostname': internalIngressHost(env.domain),
          },
        },
      },
    },
    ports: {
      web: { http: { redirections: { entryPoint: { to: PUBLIC_ENTRYPOINT, scheme: 'https', permanent: true } } } },
      [INTERNAL_ENTRYPOINT]: {
        port: 8444,
        exposedPort: 443,
        protocol: 'TCP',
        expose: { default: false, [INTERNAL_SERVICE]: true },
        http: { tls: { enabled: true } },
      },
    },
    // The ServiceMonitor scrapes a dedicated metrics Service; the metrics port stays unexposed on the NLB.
    metrics: { prometheus: { service: { enabled: true }, serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') } } },
  }),
});

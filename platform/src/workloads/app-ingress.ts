import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppIngressProps extends AppObjectProps {
  readonly host: string;
  /** Path prefix. @default '/' */
  readonly path?: string;
  /** Service and port name to route to. */
  readonly serviceName: string;
  readonly servicePort: string;
  /** Reachable from the internet; otherwise only through the internal-only middleware. @default false */
  readonly public?: boolean;
}

/** IngressClass of the platform's ingress controller. */
export const INGRESS_CLASS = 'traefik';
/** ClusterIssuer that signs ingress certificates. */
export const CLUSTER_ISSUER = 'letsencrypt-production';
/** Traefik Middleware (namespace traefik) that admits only private source addresses. */
export const INTERNAL_ONLY_MIDDLEWARE = 'traefik-internal-only@kubernetescrd';

/** An HTTPS Ingress through Traefik with a cert-manager certificate in Secret `<name>-tls`. */
export class AppIngress extends ApiObject {
  constructor(scope: Construct, id: string, props: AppIngressProps) {
    const annotations: Record<string, string> = {
      'cert-manager.io/cluster-issuer': CLUSTER_ISSUER,
      'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
      'traefik.ingress.kubernetes.io/router.tls': 'true',
    };
    if (!props.public) annotations['traefik.ingress.kubernetes.io/router.middlewares'] = INTERNAL_ONLY_MIDDLEWARE;
    super(scope, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: appMetadata(props, annotations),
      spec: {
        ingressClassName: INGRESS_CLASS,
        tls: [{ hosts: [props.host], secretName: `${props.name}-tls` }],
        rules: [
          {
            host: props.host,
            http: {
              paths: [{ path: props.path ?? '/', pathType: 'Prefix', backend: { service: { name: props.serviceName, port: { name: props.servicePort } } } }],
            },
          },
        ],
      },
    });
  }
}

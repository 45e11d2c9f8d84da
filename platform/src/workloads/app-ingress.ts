import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { INGRESS_CLASS, INTERNAL_ENTRYPOINT, PUBLIC_ENTRYPOINT } from '../addons/traefik.js';
import { letsEncryptIssuer } from '../addons-config/letsencrypt-issuers.js';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppIngressProps extends AppObjectProps {
  readonly host: string;
  /** Path prefix. @default '/' */
  readonly path?: string;
  /** Service and port name to route to. */
  readonly serviceName: string;
  readonly servicePort: string;
  /** Reachable from the internet; otherwise only through Traefik's internal entry point and NLB. @default false */
  readonly public?: boolean;
  /**
   * DNS name of the internal NLB (see internalIngressHost()) that external-dns points a private
   * host at. Required when `public` is false.
   */
  readonly internalTarget?: string;
}

/** ClusterIssuer that signs ingress certificates. */
export const CLUSTER_ISSUER = letsEncryptIssuer('production');

/**
 * An HTTPS Ingress through Traefik with a cert-manager certificate in Secret `<name>-tls`. A public
 * one is routed only on the `websecure` entry point (internet-facing NLB); a private one only on
 * the `internal` entry point (internal NLB), and its host's DNS record points at that NLB.
 */
export class AppIngress extends ApiObject {
  constructor(scope: Construct, id: string, props: AppIngressProps) {
    if (!props.public && !props.internalTarget) throw new Error(`private Ingress ${props.name} needs 'internalTarget'`);
    const annotations: Record<string, string> = {
      'cert-manager.io/cluster-issuer': CLUSTER_ISSUER,
      'traefik.ingress.kubernetes.io/router.entrypoints': props.public ? PUBLIC_ENTRYPOINT : INTERNAL_ENTRYPOINT,
      'traefik.ingress.kubernetes.io/router.tls': 'true',
    };
    if (!props.public) annotations['external-dns.alpha.kubernetes.io/target'] = props.internalTarget!;
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

import { INGRESS_CLASS, PUBLIC_ENTRYPOINT } from './traefik.js';
import { letsEncryptIssuer } from '../addons-config/letsencrypt-issuers.js';

/** @internal A platform UI's public HTTPS host in the cluster's zone, e.g. `dex.staging.example.com`. */
export const platformHost = (service: string, domain: string) => `${service}.${domain}`;

/**
 * @internal The ingress of a platform UI a chart renders: Traefik's public entry point, TLS from a cert-manager
 * certificate (Let's Encrypt production, DNS-01) in Secret `<service>-tls`.
 */
export function platformIngress(service: string, domain: string) {
  return {
    className: INGRESS_CLASS,
    host: platformHost(service, domain),
    tlsSecret: `${service}-tls`,
    annotations: {
      'cert-manager.io/cluster-issuer': letsEncryptIssuer('production'),
      'traefik.ingress.kubernetes.io/router.entrypoints': PUBLIC_ENTRYPOINT,
      'traefik.ingress.kubernetes.io/router.tls': 'true',
    },
  };
}

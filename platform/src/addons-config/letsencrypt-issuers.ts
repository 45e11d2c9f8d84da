import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** ACME directories of Let's Encrypt. */
export const LETSENCRYPT_SERVERS = {
  staging: 'https://acme-staging-v02.api.letsencrypt.org/directory',
  production: 'https://acme-v02.api.letsencrypt.org/directory',
} as const;

/** Name of the ClusterIssuer for an environment of Let's Encrypt; apps reference it in their Ingress. */
export const letsEncryptIssuer = (env: keyof typeof LETSENCRYPT_SERVERS) => `letsencrypt-${env}`;

export interface LetsEncryptIssuersProps {
  /** DNS zone the issuers solve for (the cluster's domain and its subdomains). */
  readonly domain: string;
  /** Region of the Route53 API calls. */
  readonly region: string;
  /** Route53 hosted zone of `domain`. @default - cert-manager looks the zone up by name */
  readonly hostedZoneId?: string;
  /**
   * The tenants' own zones on the cluster: DNS-01 challenges for names inside one go to that zone (found by name),
   * not to the cluster's zone, whose delegation hides them. @default []
   */
  readonly tenantZones?: readonly string[];
  /** Contact for expiry notices from Let's Encrypt. @default - none */
  readonly email?: string;
}

/**
 * Let's Encrypt staging and production ClusterIssuers solving ACME DNS-01 in Route53, with the
 * ambient credentials of cert-manager's ServiceAccount (Pod Identity).
 */
export class LetsEncryptIssuers extends Construct {
  constructor(scope: Construct, id: string, props: LetsEncryptIssuersProps) {
    super(scope, id);
    const zones = [...new Set(props.tenantZones ?? [])].sort();
    const route53 = { region: props.region, ...(props.hostedZoneId ? { hostedZoneID: props.hostedZoneId } : {}) };
    for (const env of ['staging', 'production'] as const) {
      new ApiObject(this, env, {
        apiVersion: 'cert-manager.io/v1',
        kind: 'ClusterIssuer',
        metadata: { name: letsEncryptIssuer(env) },
        spec: {
          acme: {
            server: LETSENCRYPT_SERVERS[env],
            email: props.email,
            privateKeySecretRef: { name: `${letsEncryptIssuer(env)}-account-key` },
            // cert-manager uses the solver whose dnsZones entry matches the most labels of the name.
            solvers: [
              { selector: { dnsZones: [props.domain] }, dns01: { route53 } },
              ...(zones.length > 0 ? [{ selector: { dnsZones: zones }, dns01: { route53: { region: props.region } } }] : []),
            ],
          },
        },
      });
    }
  }
}

import { defineAddon, type AddonEnvironment } from './_addon.js';
import { platformHost, platformIngress } from './_ingress.js';

/** The namespace of Dex. */
export const DEX_NAMESPACE = 'dex';

/** Dex's issuer URL in a cluster: its public host, which EKS and every client must reach over HTTPS. */
export const dexIssuerUrl = (domain: string) => `https://${platformHost('dex', domain)}`;

/** The public Dex client kubectl (kubelogin) logs in with; EKS accepts ID tokens with this audience. */
export const KUBECTL_CLIENT = 'kubernetes';

/** The addresses kubelogin listens on for the browser's redirect (its defaults: 8000, then 18000). */
export const KUBECTL_REDIRECT_URIS = ['http://localhost:8000', 'http://localhost:18000'] as const;

/** The confidential Dex client Grafana logs in with. */
export const GRAFANA_CLIENT = 'grafana';

/** The Secret in `dex` (an ExternalSecret in addons-config/) Dex reads its GitHub OAuth app and client secrets from, as env. */
export const DEX_CREDENTIALS_SECRET = 'dex-credentials';

/** The Secrets Manager entries below `platform/<cluster>/` that Dex and Grafana's login need. */
export const DEX_SECRET_KEYS = {
  githubClientId: 'dex/github-client-id',
  githubClientSecret: 'dex/github-client-secret',
  grafanaClientSecret: 'dex/grafana-client-secret',
} as const;

/** The env variables Dex expands in its config (`$NAME`) and in `secretEnv`. */
export const DEX_ENV = { githubClientId: 'GITHUB_CLIENT_ID', githubClientSecret: 'GITHUB_CLIENT_SECRET', grafanaClientSecret: 'GRAFANA_CLIENT_SECRET' } as const;

/** The claim Dex puts GitHub teams in, as `<org>:<team-slug>` (the connector's fixed format). */
export const GROUPS_CLAIM = 'groups';

/** Grafana's OAuth callback on a cluster. */
export const grafanaRedirectUri = (domain: string) => `https://${platformHost('grafana', domain)}/login/generic_oauth`;

/** Dex's configuration: the GitHub connector limited to the fleet's organisations, and the two static clients. */
function dexConfig(env: AddonEnvironment) {
  const issuer = dexIssuerUrl(env.domain);
  const orgs = env.githubOrgs ?? [];
  return {
    issuer,
    storage: { type: 'kubernetes', config: { inCluster: true } },
    web: { http: '0.0.0.0:5556' },
    telemetry: { http: '0.0.0.0:5558' },
    oauth2: { skipApprovalScreen: true, responseTypes: ['code'] },
    expiry: { idTokens: '1h', refreshTokens: { validIfNotUsedFor: '168h', absoluteLifetime: '720h' } },
    connectors: [
      {
        type: 'github',
        id: 'github',
        name: 'GitHub',
        config: {
          clientID: `$${DEX_ENV.githubClientId}`,
          clientSecret: `$${DEX_ENV.githubClientSecret}`,
          redirectURI: `${issuer}/callback`,
          // Members of these organisations only; every team of theirs becomes a group `<org>:<team-slug>`. A fleet
          // without tenants names none: anyone with a GitHub account authenticates, in no group, so with no access.
          ...(orgs.length > 0 ? { orgs: orgs.map((name) => ({ name })) } : {}),
          teamNameField: 'slug',
          useLoginAsID: true,
        },
      },
    ],
    staticClients: [
      { id: KUBECTL_CLIENT, name: 'kubectl', public: true, redirectURIs: [...KUBECTL_REDIRECT_URIS] },
      { id: GRAFANA_CLIENT, name: 'Grafana', secretEnv: DEX_ENV.grafanaClientSecret, redirectURIs: [grafanaRedirectUri(env.domain)] },
    ],
  };
}

/**
 * Dex: the cluster's OpenID Connect provider, logging people in with GitHub. EKS trusts it (the infra layer's
 * IdentityProviderConfig), so `kubectl` with kubelogin gets the person's GitHub teams as groups, and Grafana logs in
 * through it. Its state (refresh tokens, keys) lives in Kubernetes CRDs it creates. Public: EKS fetches its keys.
 */
export const DEX = defineAddon({
  name: 'dex',
  namespace: DEX_NAMESPACE,
  chart: 'dex',
  repository: 'https://charts.dexidp.io',
  version: '0.24.0',
  sourceKind: 'HelmRepository',
  dependsOn: ['cert-manager', 'traefik'],
  podSecurity: 'restricted',
  values: (env) => {
    const ingress = platformIngress('dex', env.domain);
    return {
      replicaCount: 2,
      config: dexConfig(env),
      envFrom: [{ secretRef: { name: DEX_CREDENTIALS_SECRET } }],
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsUser: 1001, runAsGroup: 1001 },
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
      ingress: {
        enabled: true,
        className: ingress.className,
        annotations: ingress.annotations,
        hosts: [{ host: ingress.host, paths: [{ path: '/', pathType: 'Prefix' }] }],
        tls: [{ secretName: ingress.tlsSecret, hosts: [ingress.host] }],
      },
      serviceMonitor: { enabled: env.enabled('kube-prometheus-stack') },
    };
  },
});

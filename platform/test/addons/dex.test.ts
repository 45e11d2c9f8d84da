import { describe, expect, it } from 'vitest';
import { DEX, DEX_CREDENTIALS_SECRET, KUBECTL_CLIENT, dexIssuerUrl } from '../../src/addons/dex.js';
import { stagingEnv } from './_env.js';

const values = (extra = {}) => DEX.values(stagingEnv([], extra)) as Record<string, any>;

describe('DEX', () => {
  it('GIVEN a cluster WHEN its values are built THEN Dex issues at https://dex.<domain> behind a TLS ingress on the public entry point', () => {
    const v = values();
    expect(dexIssuerUrl('staging.example.com')).toBe('https://dex.staging.example.com');
    expect(v.config.issuer).toBe('https://dex.staging.example.com');
    expect(v.ingress).toEqual({
      enabled: true,
      className: 'traefik',
      annotations: {
        'cert-manager.io/cluster-issuer': 'letsencrypt-production',
        'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
        'traefik.ingress.kubernetes.io/router.tls': 'true',
      },
      hosts: [{ host: 'dex.staging.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
      tls: [{ secretName: 'dex-tls', hosts: ['dex.staging.example.com'] }],
    });
  });

  it("GIVEN the fleet's GitHub organisations WHEN built THEN the GitHub connector admits only their members, names teams by slug, and reads its credentials from env", () => {
    const github = values({ githubOrgs: ['acme', 'globex'] }).config.connectors[0];
    expect(github).toEqual({
      type: 'github',
      id: 'github',
      name: 'GitHub',
      config: {
        clientID: '$GITHUB_CLIENT_ID',
        clientSecret: '$GITHUB_CLIENT_SECRET',
        redirectURI: 'https://dex.staging.example.com/callback',
        orgs: [{ name: 'acme' }, { name: 'globex' }],
        teamNameField: 'slug',
        useLoginAsID: true,
      },
    });
    expect(values().envFrom).toEqual([{ secretRef: { name: DEX_CREDENTIALS_SECRET } }]);
  });

  it('GIVEN a fleet without tenants WHEN built THEN no organisation is named (nobody gets a group)', () => {
    expect(values({ githubOrgs: [] }).config.connectors[0].config.orgs).toBeUndefined();
  });

  it('GIVEN the static clients WHEN built THEN kubectl is a public client on kubelogin\'s ports and Grafana\'s secret comes from env, never from values', () => {
    expect(values().config.staticClients).toEqual([
      { id: KUBECTL_CLIENT, name: 'kubectl', public: true, redirectURIs: ['http://localhost:8000', 'http://localhost:18000'] },
      { id: 'grafana', name: 'Grafana', secretEnv: 'GRAFANA_CLIENT_SECRET', redirectURIs: ['https://grafana.staging.example.com/login/generic_oauth'] },
    ]);
    expect(JSON.stringify(values())).not.toMatch(/secret":"[^$]/);
  });

  it('GIVEN Dex WHEN it keeps state THEN it uses Kubernetes CRDs, two replicas and a disruption budget', () => {
    const v = values();
    expect(v.config.storage).toEqual({ type: 'kubernetes', config: { inCluster: true } });
    expect(v).toMatchObject({ replicaCount: 2, podDisruptionBudget: { enabled: true, minAvailable: 1 } });
    expect(DEX.podSecurity).toBe('restricted');
  });
});

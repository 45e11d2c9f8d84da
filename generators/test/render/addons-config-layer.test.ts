import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectsIn, renderSmall } from './_render-fixture.js';

/** Cluster file lines switching Crossplane to IRSA, with an issuer of mgmt's region. */
const IRSA = 'kubernetes:\n  oidcIssuer: oidc.eks.eu-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF\ncrossplane:\n  credentials: IRSA\n';

describe('addons-config and providers layers', () => {
  it('puts provider packages in providers/ and the configs in addons-config/', () => {
    const prod = renderSmall('prod');
    expect(objectsIn(prod, 'providers').map((o) => o.kind)).toContain('ManagedResourceActivationPolicy');
    expect(objectsIn(prod, 'addons-config').filter((o) => !['ClusterRole', 'PriorityClass'].includes(o.kind) && !o.kind.startsWith('ValidatingAdmission') && !(o.kind === 'ConfigMap' && o.metadata.name === 'tenant-guardrails')).map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ClusterIssuer/letsencrypt-production',
      'ClusterIssuer/letsencrypt-staging',
      'ClusterProviderConfig/default',
      'ClusterSecretStore/aws-secrets-manager',
      'ConfigMap/grafana-org-sync',
      'ConfigMap/team-team-a-overview',
      'CronJob/grafana-org-sync',
      'ExternalSecret/dex-credentials',
      'ExternalSecret/grafana-admin',
      'ExternalSecret/grafana-oauth',
      'ExternalSecret/slack-bot-token',
      'Role/grafana-org-sync',
      'RoleBinding/grafana-org-sync',
      'ServiceAccount/grafana-org-sync',
    ]);
  });

  it('GIVEN external-secrets WHEN rendered THEN the Slack bot token comes from Secrets Manager into flux-system through the platform store', () => {
    const config = objectsIn(renderSmall('prod'), 'addons-config');
    const token = config.find((o) => o.kind === 'ExternalSecret' && o.metadata.name === 'slack-bot-token')!;
    expect(token.metadata).toMatchObject({ name: 'slack-bot-token', namespace: 'flux-system' });
    expect(token.spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
      target: { name: 'slack-bot-token', creationPolicy: 'Owner' },
      data: [{ secretKey: 'token', remoteRef: { key: 'slack-bot-token' } }],
    });
    const store = config.find((o) => o.kind === 'ClusterSecretStore')!;
    expect(store.spec.conditions[0].namespaces).toContain('flux-system');
    expect(store.spec.provider.aws.prefix).toBe('platform/prod/');
  });

  it('gives the management cluster one assume-role ClusterProviderConfig per cluster; on IRSA they, the runtime config and the activation policy follow', () => {
    const mgmt = renderSmall('mgmt', IRSA);
    const pcs = objectsIn(mgmt, 'addons-config').filter((o) => o.kind === 'ClusterProviderConfig');
    expect(pcs.map((o) => [o.metadata.name, o.spec.credentials.source, o.spec.assumeRoleChain?.[0].roleARN])).toEqual([
      ['default', 'IRSA', undefined],
      ['infra-mgmt', 'IRSA', 'arn:aws:iam::123456789012:role/mgmt-crossplane'],
      ['infra-prod', 'IRSA', 'arn:aws:iam::210987654321:role/prod-crossplane'],
    ]);
    const drc = objectsIn(mgmt, 'providers').find((o) => o.kind === 'DeploymentRuntimeConfig')!;
    expect(drc.spec.serviceAccountTemplate).toEqual({
      metadata: { name: 'provider-aws', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/mgmt-crossplane-provider' } },
    });
    const activated = (files: Map<string, string>) => objectsIn(files, 'providers').find((o) => o.kind === 'ManagedResourceActivationPolicy')!.spec.activate as string[];
    expect(activated(mgmt)).toContain('openidconnectproviders.iam.aws.m.upbound.io');
    expect(activated(renderSmall('mgmt'))).not.toContain('openidconnectproviders.iam.aws.m.upbound.io');
    expect(activated(renderSmall('mgmt'))).toContain('roles.iam.aws.m.upbound.io');
  });

  it('leaves out the objects of add-ons that are off', () => {
    const files = renderSmall('prod', 'addons:\n  crossplane:\n    enabled: false\n  cert-manager:\n    enabled: false\n');
    expect(objectsIn(files, 'providers')).toEqual([]);
    expect(objectsIn(files, 'addons-config').map((o) => o.kind)).not.toContain('ClusterIssuer');
    expect(files.has('providers/kustomization.yaml')).toBe(true);
  });

  it('builds addons/, providers/ and addons-config/ with kubectl kustomize', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addons-out-'));
    for (const [path, content] of renderSmall('mgmt')) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const folder of ['addons', 'providers', 'addons-config']) {
      const out = execFileSync('kubectl', ['kustomize', join(dir, folder)], { encoding: 'utf8' });
      expect(out.length, folder).toBeGreaterThan(0);
    }
  });
});

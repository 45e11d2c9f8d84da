import { describe, expect, it } from 'vitest';
import { PlatformExternalSecret } from '../../src/addons-config/platform-external-secret.js';
import { SlackTokenSecret } from '../../src/addons-config/slack-token-secret.js';
import { renderObjects } from '../infra/_render.js';

describe('PlatformExternalSecret', () => {
  it('GIVEN keys from Secrets Manager WHEN rendered THEN one ExternalSecret through the platform store names every entry it reads', () => {
    const [secret] = renderObjects((c) => new PlatformExternalSecret(c, 's', {
      cluster: 'staging', name: 'dex-credentials', namespace: 'dex',
      data: [{ secretKey: 'A', key: 'dex/a' }, { secretKey: 'B', key: 'dex/b' }],
    }));
    expect(secret!.metadata).toEqual({ name: 'dex-credentials', namespace: 'dex', annotations: { 'platform.example.com/secrets-manager-key': 'platform/staging/dex/a,platform/staging/dex/b' } });
    expect(secret!.spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
      target: { name: 'dex-credentials', creationPolicy: 'Owner' },
      data: [{ secretKey: 'A', remoteRef: { key: 'dex/a' } }, { secretKey: 'B', remoteRef: { key: 'dex/b' } }],
    });
  });

  it('GIVEN no key WHEN constructed THEN fails naming the Secret', () => {
    expect(() => renderObjects((c) => new PlatformExternalSecret(c, 's', { cluster: 'x', name: 'n', namespace: 'ns', data: [] }))).toThrow(
      "ExternalSecret ns/n: 'data' is empty; allowed: at least one key",
    );
  });

  it('GIVEN the Slack bot token for Alertmanager WHEN rendered in monitoring THEN it is the same entry as flux-system reads', () => {
    const [token] = renderObjects((c) => new SlackTokenSecret(c, 't', { cluster: 'staging', namespace: 'monitoring' }));
    expect(token!.metadata).toMatchObject({ name: 'slack-bot-token', namespace: 'monitoring', annotations: { 'platform.example.com/secrets-manager-key': 'platform/staging/slack-bot-token' } });
  });
});

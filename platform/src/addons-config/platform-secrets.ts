import { DEX_CREDENTIALS_SECRET, DEX_ENV, DEX_NAMESPACE, DEX_SECRET_KEYS } from '../addons/dex.js';
import { GRAFANA_ADMIN_SECRET, GRAFANA_NAMESPACE, GRAFANA_OAUTH_SECRET, GRAFANA_OAUTH_SECRET_ENV, GRAFANA_SECRET_KEYS } from '../addons/grafana.js';
import type { PlatformSecretKey } from './platform-external-secret.js';

/** One key of an add-on's Secret and what the Secrets Manager entry behind it holds. */
export interface PlatformSecretEntry extends PlatformSecretKey {
  /** What to store in Secrets Manager, for docs/bootstrap.md. */
  readonly value: string;
}

/** A Secret an add-on reads, copied from Secrets Manager by an ExternalSecret in addons-config/ while the add-on is on. */
export interface PlatformSecret {
  readonly addon: string;
  readonly namespace: string;
  readonly name: string;
  readonly data: readonly PlatformSecretEntry[];
  /** Who reads the Secret, for docs/bootstrap.md. */
  readonly readBy: string;
}

/**
 * The add-ons' credentials that live in AWS Secrets Manager under `platform/<cluster>/`: the one list the
 * addons-config layer renders ExternalSecrets from and docs/bootstrap.md's table is checked against. (The Slack bot
 * token, which follows `notifications.slackChannel`, is SlackTokenSecret.)
 */
export const PLATFORM_SECRETS: readonly PlatformSecret[] = [
  {
    addon: 'dex',
    namespace: DEX_NAMESPACE,
    name: DEX_CREDENTIALS_SECRET,
    readBy: 'Dex (env): the GitHub connector and the grafana client',
    data: [
      { secretKey: DEX_ENV.githubClientId, key: DEX_SECRET_KEYS.githubClientId, value: "the client id of the cluster's GitHub OAuth app" },
      { secretKey: DEX_ENV.githubClientSecret, key: DEX_SECRET_KEYS.githubClientSecret, value: 'a client secret of that OAuth app' },
      { secretKey: DEX_ENV.grafanaClientSecret, key: DEX_SECRET_KEYS.grafanaClientSecret, value: 'a random string (e.g. `openssl rand -hex 32`): the secret of Dex client `grafana`' },
    ],
  },
  {
    addon: 'grafana',
    namespace: GRAFANA_NAMESPACE,
    name: GRAFANA_OAUTH_SECRET,
    readBy: "Grafana (env): its login through Dex",
    data: [{ secretKey: GRAFANA_OAUTH_SECRET_ENV, key: DEX_SECRET_KEYS.grafanaClientSecret, value: 'the same entry as Dex reads' }],
  },
  {
    addon: 'grafana',
    namespace: GRAFANA_NAMESPACE,
    name: GRAFANA_ADMIN_SECRET,
    readBy: "Grafana: the break-glass admin account",
    data: [
      { secretKey: 'admin-user', key: GRAFANA_SECRET_KEYS.adminUser, value: 'the admin login, e.g. `admin`' },
      { secretKey: 'admin-password', key: GRAFANA_SECRET_KEYS.adminPassword, value: 'a long random password' },
    ],
  },
];

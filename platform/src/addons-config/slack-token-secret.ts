import type { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';
import { PlatformExternalSecret } from './platform-external-secret.js';

/** The Secret (key `token`) every Slack notification Provider of the cluster, and Alertmanager, reads. */
export const SLACK_TOKEN_SECRET = 'slack-bot-token';

/** The Slack API a Provider with a bot token posts to. */
export const SLACK_API_ADDRESS = 'https://slack.com/api/chat.postMessage';

/** Key of the Slack bot token in AWS Secrets Manager, below the cluster's `platform/<cluster>/` prefix. */
export const SLACK_TOKEN_KEY = 'slack-bot-token';

export interface SlackTokenSecretProps {
  readonly cluster: string;
  /** @default 'flux-system' */
  readonly namespace?: string;
  /** @default '1h' */
  readonly refreshInterval?: string;
}

/**
 * The ExternalSecret that copies the Slack bot token from AWS Secrets Manager (`platform/<cluster>/slack-bot-token`,
 * a plain string) into the Secret `slack-bot-token`, key `token`, through the platform's ClusterSecretStore: in
 * flux-system for the platform's and every tenant's Slack Provider, in monitoring for Alertmanager. The token itself
 * never lands in Git.
 */
export class SlackTokenSecret extends PlatformExternalSecret {
  constructor(scope: Construct, id: string, props: SlackTokenSecretProps) {
    super(scope, id, {
      cluster: props.cluster,
      name: SLACK_TOKEN_SECRET,
      namespace: props.namespace ?? FLUX_NAMESPACE,
      refreshInterval: props.refreshInterval,
      data: [{ secretKey: 'token', key: SLACK_TOKEN_KEY }],
    });
  }
}

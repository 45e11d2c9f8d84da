import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';
import { PLATFORM_SECRET_STORE, platformSecretPrefix } from './aws-secrets-manager-store.js';

/** The Secret in flux-system (key `token`) every Slack notification Provider of the cluster reads. */
export const SLACK_TOKEN_SECRET = 'slack-bot-token';

/** The Slack API a Provider with a bot token posts to. */
export const SLACK_API_ADDRESS = 'https://slack.com/api/chat.postMessage';

/** Key of the Slack bot token in AWS Secrets Manager, below the cluster's `platform/<cluster>/` prefix. */
export const SLACK_TOKEN_KEY = 'slack-bot-token';

export interface SlackTokenSecretProps {
  readonly cluster: string;
  /** @default '1h' */
  readonly refreshInterval?: string;
}

/**
 * The ExternalSecret that copies the Slack bot token from AWS Secrets Manager (`platform/<cluster>/slack-bot-token`,
 * a plain string) into the Secret `slack-bot-token` in flux-system, through the platform's ClusterSecretStore.
 * The platform's and every tenant's Slack Provider read it; the token itself never lands in Git.
 */
export class SlackTokenSecret extends ApiObject {
  constructor(scope: Construct, id: string, props: SlackTokenSecretProps) {
    super(scope, id, {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: {
        name: SLACK_TOKEN_SECRET,
        namespace: FLUX_NAMESPACE,
        annotations: { 'platform.example.com/secrets-manager-key': `${platformSecretPrefix(props.cluster)}${SLACK_TOKEN_KEY}` },
      },
      spec: {
        refreshInterval: props.refreshInterval ?? '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: PLATFORM_SECRET_STORE },
        target: { name: SLACK_TOKEN_SECRET, creationPolicy: 'Owner' },
        data: [{ secretKey: 'token', remoteRef: { key: SLACK_TOKEN_KEY } }],
      },
    });
  }
}

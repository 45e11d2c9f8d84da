import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';
import { PLATFORM_PART_OF } from '../addons/_addon.js';
import { SLACK_API_ADDRESS, SLACK_TOKEN_SECRET } from './slack-token-secret.js';


export interface PlatformNotificationsProps {
  readonly cluster: string;
  /** Slack channel, e.g. `#platform-alerts`. */
  readonly slackChannel: string;
  /** @default 'error' */
  readonly eventSeverity?: 'info' | 'error';
}

/**
 * Flux notifications for the platform team: a Slack Provider (the cluster's bot token, see SlackTokenSecret) and an Alert on every Kustomization
 * HelmRelease and chart source
 * labelled as part of the platform (the platform layers and add-ons, not tenants' Kustomizations), with the cluster in the summary.
 */
export class PlatformNotifications extends Construct {
  constructor(scope: Construct, id: string, props: PlatformNotificationsProps) {
    super(scope, id);
    new ApiObject(this, 'provider', {
      apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
      kind: 'Provider',
      metadata: { name: 'platform-slack', namespace: FLUX_NAMESPACE },
      spec: { type: 'slack', channel: props.slackChannel, address: SLACK_API_ADDRESS, secretRef: { name: SLACK_TOKEN_SECRET } },
    });
    new ApiObject(this, 'alert', {
      apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
      kind: 'Alert',
      metadata: { name: 'platform', namespace: FLUX_NAMESPACE },
      spec: {
        providerRef: { name: 'platform-slack' },
        eventSeverity: props.eventSeverity ?? 'error',
        eventSources: ['Kustomization', 'HelmRelease', 'OCIRepository', 'HelmRepository'].map((kind) => ({
          kind,
          name: '*',
          matchLabels: PLATFORM_PART_OF,
        })),
        eventMetadata: { cluster: props.cluster },
      },
    });
  }
}

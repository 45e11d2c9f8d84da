import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';
import { SLACK_API_ADDRESS, SLACK_TOKEN_SECRET } from '../addons-config/slack-token-secret.js';


export interface TenantNotificationsProps {
  readonly tenant: string;
  /** Slack channel, e.g. `#payments-alerts`. */
  readonly slackChannel: string;
  /** Names of the tenant's Flux Kustomizations in flux-system, e.g. `tenant-payments`, `apps-payments`. */
  readonly kustomizations: readonly string[];
  /** @default SLACK_TOKEN_SECRET */
  readonly secretName?: string;
}

/**
 * A Flux notification Provider posting to the tenant's Slack channel and an Alert for the tenant's own
 * Kustomizations. Both live in flux-system, next to the Kustomizations: under `--no-cross-namespace-refs` an Alert
 * may only watch objects of its own namespace. The apps Kustomization health-checks the HelmReleases it applies,
 * so a failing release reaches the channel through it.
 */
export class TenantNotifications extends Construct {
  constructor(scope: Construct, id: string, props: TenantNotificationsProps) {
    super(scope, id);
    const name = `tenant-${props.tenant}`;
    new ApiObject(this, 'provider', {
      apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
      kind: 'Provider',
      metadata: { name, namespace: FLUX_NAMESPACE },
      spec: {
        type: 'slack',
        channel: props.slackChannel,
        address: SLACK_API_ADDRESS,
        secretRef: { name: props.secretName ?? SLACK_TOKEN_SECRET },
      },
    });
    new ApiObject(this, 'alert', {
      apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
      kind: 'Alert',
      metadata: { name, namespace: FLUX_NAMESPACE },
      spec: {
        providerRef: { name },
        eventSeverity: 'info',
        eventSources: [...props.kustomizations].sort().map((k) => ({ kind: 'Kustomization', name: k })),
        summary: `tenant ${props.tenant}`,
      },
    });
  }
}

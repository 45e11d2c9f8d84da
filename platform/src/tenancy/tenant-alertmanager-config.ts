import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

export interface TenantAlertmanagerConfigProps {
  /** The tenant namespace: the config routes only the alerts whose `namespace` label is this namespace. */
  readonly namespace: string;
  /** The team's Slack channel, e.g. `#payments-alerts`. */
  readonly slackChannel: string;
}

/** metadata.name of the tenant's AlertmanagerConfig in each of its namespaces. */
export const TENANT_ALERT_ROUTE = 'team-slack';

/**
 * Sends the alerts of one tenant namespace to the team's Slack channel. prometheus-operator adds the matcher
 * `namespace="<namespace>"` to the route (matcher strategy OnNamespace), so the team only ever gets its own alerts.
 * The receiver names the channel only: Alertmanager's global config supplies the Slack API address and the bot token
 * (Secret `monitoring/slack-bot-token`), so no credential is copied into tenant namespaces.
 */
export class TenantAlertmanagerConfig extends ApiObject {
  constructor(scope: Construct, id: string, props: TenantAlertmanagerConfigProps) {
    super(scope, id, {
      apiVersion: 'monitoring.coreos.com/v1alpha1',
      kind: 'AlertmanagerConfig',
      metadata: { name: TENANT_ALERT_ROUTE, namespace: props.namespace },
      spec: {
        route: { receiver: 'slack', groupBy: ['alertname', 'namespace'], groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
        receivers: [
          {
            name: 'slack',
            slackConfigs: [
              {
                channel: props.slackChannel,
                sendResolved: true,
                title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} in {{ .CommonLabels.namespace }} ({{ .CommonLabels.cluster }})',
                text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ if .Annotations.description }}: {{ .Annotations.description }}{{ end }}\n{{ end }}',
              },
            ],
          },
        ],
      },
    });
  }
}

import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';
import type { AlertingRule } from './app-alert-rules.js';

export interface AppPrometheusRuleProps extends AppObjectProps {
  /** The rules, in one group named after the app. Must not be empty. */
  readonly rules: readonly AlertingRule[];
  /** How often the group is evaluated. @default - Prometheus's global evaluation interval */
  readonly interval?: string;
}

/**
 * A monitoring.coreos.com/v1 PrometheusRule with an app's alerting rules. The cluster's Prometheus selects every
 * PrometheusRule of every namespace, and the rules' `tenant` and `namespace` labels route the alerts to the tenant.
 */
export class AppPrometheusRule extends ApiObject {
  constructor(scope: Construct, id: string, props: AppPrometheusRuleProps) {
    if (props.rules.length === 0) throw new Error(`'rules' of PrometheusRule ${props.name} must not be empty`);
    super(scope, id, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: appMetadata(props),
      spec: { groups: [{ name: props.name, ...(props.interval ? { interval: props.interval } : {}), rules: props.rules.map((r) => ({ ...r })) }] },
    });
  }
}

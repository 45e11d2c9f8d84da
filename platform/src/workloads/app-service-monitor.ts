import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppServiceMonitorProps extends AppObjectProps {
  /** Labels of the Service to scrape. */
  readonly selector: Record<string, string>;
  /** Name of the Service port serving metrics. */
  readonly port: string;
  /** @default '/metrics' */
  readonly path?: string;
  /** @default '30s' */
  readonly interval?: string;
}

/** A monitoring.coreos.com/v1 ServiceMonitor: Prometheus scrapes the app's metrics port. */
export class AppServiceMonitor extends ApiObject {
  constructor(scope: Construct, id: string, props: AppServiceMonitorProps) {
    super(scope, id, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: appMetadata(props),
      spec: {
        selector: { matchLabels: props.selector },
        namespaceSelector: { matchNames: [props.namespace] },
        endpoints: [{ port: props.port, path: props.path ?? '/metrics', interval: props.interval ?? '30s', scheme: 'http' }],
      },
    });
  }
}

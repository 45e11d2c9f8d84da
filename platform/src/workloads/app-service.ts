import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppServicePort {
  /** Port name (IANA_SVC_NAME), e.g. `http` or `metrics`; ServiceMonitors refer to it. */
  readonly name: string;
  /** Port of the Service, also the container port it forwards to. */
  readonly port: number;
}

export interface AppServiceProps extends AppObjectProps {
  /** Labels of the pods to route to. */
  readonly selector: Record<string, string>;
  readonly ports: readonly AppServicePort[];
}

/** A ClusterIP Service in front of an app's pods, one named port per served port. */
export class AppService extends ApiObject {
  constructor(scope: Construct, id: string, props: AppServiceProps) {
    if (props.ports.length === 0) throw new Error(`'ports' of Service ${props.name} must not be empty`);
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: appMetadata(props),
      spec: {
        type: 'ClusterIP',
        selector: props.selector,
        ports: props.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: 'TCP' })),
      },
    });
  }
}

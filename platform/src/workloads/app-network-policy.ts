import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppNetworkPolicyPeer {
  /** Namespace allowed to connect (matched by its `kubernetes.io/metadata.name` label). */
  readonly namespace: string;
  readonly port: number;
}

export interface AppNetworkPolicyProps extends AppObjectProps {
  /** Labels of the app's pods. */
  readonly selector: Record<string, string>;
  /** Namespaces and the one port each may reach. */
  readonly allow: readonly AppNetworkPolicyPeer[];
}

/**
 * A networking.k8s.io/v1 NetworkPolicy that opens exactly the app's ports to the platform
 * namespaces that need them (the ingress controller, Prometheus), on top of the tenant's default deny.
 */
export class AppNetworkPolicy extends ApiObject {
  constructor(scope: Construct, id: string, props: AppNetworkPolicyProps) {
    if (props.allow.length === 0) throw new Error(`'allow' of NetworkPolicy ${props.name} must not be empty`);
    super(scope, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: appMetadata(props),
      spec: {
        podSelector: { matchLabels: props.selector },
        policyTypes: ['Ingress'],
        ingress: props.allow.map((a) => ({
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': a.namespace } } }],
          ports: [{ protocol: 'TCP', port: a.port }],
        })),
      },
    });
  }
}

import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

export interface LokiNetworkPolicyProps {
  /** Loki's namespace. */
  readonly namespace: string;
  /** Loki's HTTP port (push and query). */
  readonly port: number;
  /** Namespaces whose pods may call the HTTP port: the log shipper, Grafana, the monitoring stack. */
  readonly clients: readonly string[];
}

const inNamespace = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });

/**
 * Who may talk to Loki: its clients' namespaces on the HTTP port only, and Loki's own pods to each other (gRPC and
 * memberlist between replicas). Loki trusts `X-Scope-OrgID` as sent, so any other pod (a tenant's, whatever its
 * egress rules) is refused here: it can neither push into another tenant nor read one.
 */
export class LokiNetworkPolicy extends ApiObject {
  constructor(scope: Construct, id: string, props: LokiNetworkPolicyProps) {
    super(scope, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'loki-ingress', namespace: props.namespace },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          { from: [...props.clients].sort().map(inNamespace), ports: [{ protocol: 'TCP', port: props.port }] },
          { from: [{ podSelector: {} }] },
        ],
      },
    });
  }
}

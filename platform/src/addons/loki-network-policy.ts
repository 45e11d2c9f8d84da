import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/** Namespaces whose pods may call one port of Loki's namespace. */
export interface LokiClients {
  readonly namespaces: readonly string[];
  readonly port: number;
}

export interface LokiNetworkPolicyProps {
  /** Loki's namespace. */
  readonly namespace: string;
  /** Who may call which port: the log shipper and the monitoring stack Loki's own, Grafana the read gateway's. */
  readonly clients: readonly LokiClients[];
}

const inNamespace = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });

/**
 * Who may talk to Loki's namespace: each client namespace on its port only, and the namespace's own pods to each other
 * (gRPC and memberlist between replicas, the read gateway to Loki). Loki trusts `X-Scope-OrgID` as sent, so any other
 * pod (a tenant's, whatever its egress rules) is refused here: it can neither push into another tenant nor read one.
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
          ...props.clients.map((c) => ({ from: [...c.namespaces].sort().map(inNamespace), ports: [{ protocol: 'TCP', port: c.port }] })),
          { from: [{ podSelector: {} }] },
        ],
      },
    });
  }
}

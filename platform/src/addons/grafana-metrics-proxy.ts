import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { httpProxyWorkload } from './_http-proxy-workload.js';

/** Name of the proxy's Deployment and Service, in Grafana's namespace. */
export const GRAFANA_METRICS_PROXY = 'grafana-metrics-proxy';
/** The header a team organisation's metrics data source sends: its tenant's namespaces, comma-separated. */
export const NAMESPACE_HEADER = 'X-Namespace';
const PORT = 8080;

/** prom-label-proxy 0.12.0 (`-header-uses-list-syntax` since 0.10.0). */
export const PROM_LABEL_PROXY_IMAGE = 'quay.io/prometheuscommunity/prom-label-proxy:v0.12.0';

/** The address team organisations' metrics data sources use. */
export const grafanaMetricsProxyUrl = (namespace: string) => `http://${GRAFANA_METRICS_PROXY}.${namespace}.svc.cluster.local:${PORT}`;

export interface GrafanaMetricsProxyProps {
  /** Grafana's namespace. */
  readonly namespace: string;
  /** The labels of Grafana's pods, the proxy's only clients. */
  readonly clientLabels: Record<string, string>;
  /** The metrics API it guards: Thanos Query, or Prometheus without Thanos. */
  readonly upstream: string;
}

/**
 * prom-label-proxy between the team organisations and the metrics: every query, series, label and rules request gets
 * `namespace=~"<the namespaces in X-Namespace>"` enforced (a matcher the query brings for `namespace` is replaced), so
 * a team's metrics data source, whose header the organisation sync sets, reads its tenant's namespaces only. Grafana
 * sets a data source's headers itself, replacing any the browser sent. The proxy believes the header it is sent, so a
 * NetworkPolicy admits Grafana's pods only. One Deployment for all teams; the main organisation queries the upstream
 * directly.
 */
export class GrafanaMetricsProxy extends Construct {
  constructor(scope: Construct, id: string, props: GrafanaMetricsProxyProps) {
    super(scope, id);
    const labels = httpProxyWorkload(this, {
      name: GRAFANA_METRICS_PROXY,
      namespace: props.namespace,
      image: PROM_LABEL_PROXY_IMAGE,
      args: [`-insecure-listen-address=0.0.0.0:${PORT}`, `-upstream=${props.upstream}`, '-label=namespace', `-header-name=${NAMESPACE_HEADER}`, '-header-uses-list-syntax', '-enable-label-apis'],
      port: PORT,
      user: 65534,
    });
    new ApiObject(this, 'network-policy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: GRAFANA_METRICS_PROXY, namespace: props.namespace, labels },
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: props.clientLabels } }], ports: [{ protocol: 'TCP', port: PORT }] }],
      },
    });
  }
}

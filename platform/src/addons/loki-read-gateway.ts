import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { httpProxyWorkload } from './_http-proxy-workload.js';

/** Name of the gateway's Deployment, Service and ConfigMap, in Loki's namespace. */
export const LOKI_READ_GATEWAY = 'loki-read';
/** The port Grafana's Loki data sources call. */
export const LOKI_READ_PORT = 8080;
/** nginx as an unprivileged user (uid 101), temp files and pid in /tmp. */
export const LOKI_READ_GATEWAY_IMAGE = 'docker.io/nginxinc/nginx-unprivileged:1.28.0-alpine';

/** The address Grafana's Loki data sources use. */
export const lokiReadUrl = (namespace: string) => `http://${LOKI_READ_GATEWAY}.${namespace}.svc.cluster.local:${LOKI_READ_PORT}`;

/**
 * The gateway's nginx configuration. nginx matches `=` locations first, then the longest `^~` prefix; the path it
 * matched (normalised: `..`, `//` and escapes resolved) is the one it forwards (`$uri`), so Loki serves exactly what
 * was allowed. Allowed: Loki's query API (`/loki/api/...`) with GET and POST, and the live tail. Refused: pushing,
 * deleting, and everything outside the query API (the ring, flush, ingester shutdown, config). The tenant header
 * passes as Grafana set it; its buffers fit the main organisation's `platform|<every tenant>`.
 */
export function lokiReadGatewayConfig(upstream: string): string {
  const forward = ['proxy_pass http://loki$uri$is_args$args;', 'proxy_http_version 1.1;'];
  return [
    'worker_processes 1;',
    'pid /tmp/nginx.pid;',
    'error_log /dev/stderr warn;',
    'events { worker_connections 1024; }',
    'http {',
    '  access_log /dev/stdout;',
    '  server_tokens off;',
    '  client_body_temp_path /tmp/client_temp;',
    '  proxy_temp_path /tmp/proxy_temp;',
    '  fastcgi_temp_path /tmp/fastcgi_temp;',
    '  uwsgi_temp_path /tmp/uwsgi_temp;',
    '  scgi_temp_path /tmp/scgi_temp;',
    '  large_client_header_buffers 4 256k;',
    '  client_max_body_size 1m;',
    `  upstream loki { server ${upstream}; }`,
    '  server {',
    `    listen ${LOKI_READ_PORT};`,
    '    location = /healthz { access_log off; return 200; }',
    '    location = /loki/api/v1/push { return 403; }',
    '    location ^~ /loki/api/v1/delete { return 403; }',
    `    location = /loki/api/v1/tail { ${[...forward, 'proxy_set_header Upgrade $http_upgrade;', 'proxy_set_header Connection "upgrade";', 'proxy_read_timeout 1h;'].join(' ')} }`,
    `    location ^~ /loki/api/ { limit_except GET POST { deny all; } ${[...forward, 'proxy_read_timeout 5m;'].join(' ')} }`,
    '    location / { return 403; }',
    '  }',
    '}',
    '',
  ].join('\n');
}

export interface LokiReadGatewayProps {
  /** Loki's namespace. */
  readonly namespace: string;
  /** Loki's push and query address, `host:port`. */
  readonly upstream: string;
}

/**
 * The only way Grafana reaches Loki: an nginx that passes Loki's query API and nothing else (see
 * `lokiReadGatewayConfig`). Grafana's data source proxy forwards any path a user asks for, with the organisation's
 * tenant header; through the gateway that can only be a query of that tenant, never a push, a delete or one of
 * Loki's operational endpoints, which are not tenant-scoped. Pod Security restricted, read-only root filesystem.
 */
export class LokiReadGateway extends Construct {
  constructor(scope: Construct, id: string, props: LokiReadGatewayProps) {
    super(scope, id);
    new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: LOKI_READ_GATEWAY, namespace: props.namespace }, data: { 'nginx.conf': lokiReadGatewayConfig(props.upstream) } });
    httpProxyWorkload(this, {
      name: LOKI_READ_GATEWAY,
      namespace: props.namespace,
      image: LOKI_READ_GATEWAY_IMAGE,
      port: LOKI_READ_PORT,
      user: 101,
      volumeMounts: [
        { name: 'config', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true },
        { name: 'tmp', mountPath: '/tmp' },
      ],
      volumes: [
        { name: 'config', configMap: { name: LOKI_READ_GATEWAY } },
        { name: 'tmp', emptyDir: {} },
      ],
    });
  }
}

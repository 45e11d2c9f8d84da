import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Addon } from '../../src/addons/_addon.js';
import { LOKI } from '../../src/addons/loki.js';
import { lokiReadGatewayConfig } from '../../src/addons/loki-read-gateway.js';
import { stagingEnv } from './_env.js';

type Location = { modifier: '=' | '^~'; path: string; body: string };

/** The gateway's locations, read back from the rendered configuration. */
function locations(config: string): Location[] {
  return [...config.matchAll(/^ {4}location (=|\^~)? ?(\S+) \{ (.*) \}$/gm)].map((m) => ({ modifier: (m[1] ?? '^~') as Location['modifier'], path: m[2]!, body: m[3]! }));
}

/**
 * nginx's choice for a (normalised) path: an exact `=` location, else the longest prefix (every prefix location here
 * is `^~` or `/`, so no regular expression is consulted). Returns whether the request reaches Loki and with what.
 */
function route(config: string, path: string, method = 'GET'): 'loki' | 403 {
  const all = locations(config);
  const chosen = all.find((l) => l.modifier === '=' && l.path === path) ?? all.filter((l) => l.modifier === '^~' && path.startsWith(l.path)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!chosen || !chosen.body.includes('proxy_pass http://loki$uri$is_args$args;')) return 403;
  const allowed = /limit_except ([A-Z ]+) \{ deny all; \}/.exec(chosen.body)?.[1]?.split(' ');
  return !allowed || allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET')) ? 'loki' : 403;
}

const config = lokiReadGatewayConfig('loki.loki.svc.cluster.local:3100');

describe('LokiReadGateway', () => {
  it('GIVEN the queries Grafana makes WHEN they pass the gateway THEN they reach Loki, as GET or POST, the live tail included', () => {
    for (const path of ['/loki/api/v1/query', '/loki/api/v1/query_range', '/loki/api/v1/labels', '/loki/api/v1/label/namespace/values', '/loki/api/v1/series', '/loki/api/v1/index/volume', '/loki/api/v1/tail']) {
      expect(route(config, path), path).toBe('loki');
    }
    expect(route(config, '/loki/api/v1/query_range', 'POST')).toBe('loki');
    expect(config).toContain('location = /loki/api/v1/tail { proxy_pass http://loki$uri$is_args$args; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";');
  });

  it("GIVEN a member of a team's organisation WHEN they ask the data source proxy for a push, a delete or one of Loki's operational endpoints THEN the gateway refuses it", () => {
    for (const path of ['/loki/api/v1/push', '/loki/api/v1/delete', '/loki/api/v1/delete/cancel', '/api/prom/push', '/flush', '/ingester/shutdown', '/ring', '/config', '/compactor/ring', '/metrics', '/']) {
      expect(route(config, path), path).toBe(403);
    }
    expect(route(config, '/loki/api/v1/query', 'DELETE')).toBe(403);
    expect(route(config, '/loki/api/v1/query', 'PUT')).toBe(403);
  });

  it('GIVEN the path nginx matched WHEN forwarded THEN Loki gets that normalised path ($uri), so ../ tricks cannot turn an allowed path into another', () => {
    for (const l of locations(config).filter((x) => x.body.includes('proxy_pass'))) expect(l.body, l.path).toContain('proxy_pass http://loki$uri$is_args$args;');
    expect(config).toContain('  upstream loki { server loki.loki.svc.cluster.local:3100; }');
    // the main organisation's X-Scope-OrgID lists every tenant: tens of kilobytes at 1,000 tenants
    expect(config).toContain('large_client_header_buffers 4 256k;');
  });

  it('GIVEN the Loki add-on WHEN rendered THEN the gateway runs in loki under Pod Security restricted, with a read-only root filesystem and its own /tmp', () => {
    const chart = Testing.chart();
    new Addon(chart, 'loki', { definition: LOKI, env: stagingEnv() });
    const objects = Testing.synth(chart) as { kind: string; metadata: { name: string; namespace?: string }; spec: any; data?: Record<string, string> }[];
    const gateway = objects.filter((o) => o.metadata.name === 'loki-read');
    expect(gateway.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'Service']);
    expect(gateway.every((o) => o.metadata.namespace === 'loki')).toBe(true);
    expect(gateway.find((o) => o.kind === 'ConfigMap')!.data!['nginx.conf']).toBe(config);
    const pod = gateway.find((o) => o.kind === 'Deployment')!.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: {} });
  });
});

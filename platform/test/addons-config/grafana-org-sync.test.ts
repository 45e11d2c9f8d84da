import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservabilityTeam } from '../../src/addons/_addon.js';
import { GRAFANA_ORG_SYNC_SCRIPT } from '../../src/addons-config/grafana-org-sync-script.js';
import { GRAFANA_ORG_LABEL, GrafanaOrgSync, grafanaOrgSyncConfig } from '../../src/addons-config/grafana-org-sync.js';
import { renderObjects } from '../infra/_render.js';
import { stagingEnv } from '../addons/_env.js';

type Json = Record<string, any>;
const team = (name: string): ObservabilityTeam => ({ name, namespaces: name === 'a' ? ['a', 'a-jobs'] : [name], owners: [{ team: `acme/${name}`, role: 'edit' }] });
const env = (names: string[]) => stagingEnv([], { teams: names.map(team) });

/**
 * Grafana's HTTP API as far as the sync uses it (organisations, data sources by uid, dashboards by uid; the org of a
 * call in X-Grafana-Org-Id; basic auth as the admin) and the Kubernetes API (dashboard ConfigMaps, the Deployment patch).
 */
class FakeApis {
  orgs = new Map<number, string>([[1, 'Main Org.']]);
  nextOrg = 2;
  datasources = new Map<string, Json>(); // `${org}/${uid}`
  dashboards = new Map<string, Json>(); // `${org}/${uid}`
  configmaps: Json[] = [];
  restarts = 0;
  writes: string[] = [];
  server: Server = createServer((req, res) => void this.handle(req, res));

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    if (url.pathname === '/api/health') return send(200, { database: 'ok' });
    if (url.pathname.startsWith('/api/v1/') || url.pathname.startsWith('/apis/')) {
      if (req.headers.authorization !== 'Bearer sa-token') return send(401, { message: 'no token' });
      if (req.method === 'GET' && url.pathname === '/api/v1/namespaces/grafana/configmaps' && url.searchParams.get('labelSelector') === GRAFANA_ORG_LABEL) return send(200, { items: this.configmaps });
      if (req.method === 'PATCH' && url.pathname === '/apis/apps/v1/namespaces/grafana/deployments/grafana') {
        expect(req.headers['content-type']).toBe('application/strategic-merge-patch+json');
        this.restarts++;
        return send(200, {});
      }
      return send(404, {});
    }
    if (req.headers.authorization !== `Basic ${Buffer.from('admin:pw').toString('base64')}`) return send(401, { message: 'unauthorized' });
    const org = Number(req.headers['x-grafana-org-id'] ?? 1);
    if (!this.orgs.has(org)) return send(401, { message: 'not a member' });
    if (req.method !== 'GET') this.writes.push(`${req.method} ${url.pathname} org=${org}`);
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/api\/orgs\/name\/(.+)$/.exec(url.pathname))) {
      const name = decodeURIComponent(m[1]!);
      const id = [...this.orgs].find(([, n]) => n === name)?.[0];
      return id ? send(200, { id, name }) : send(404, { message: 'not found' });
    }
    if (req.method === 'POST' && url.pathname === '/api/orgs') {
      const id = this.nextOrg++;
      this.orgs.set(id, body.name);
      return send(200, { orgId: id, message: 'Organization created' });
    }
    if (req.method === 'GET' && url.pathname === '/api/orgs') return send(200, url.searchParams.get('page') === '1' ? [...this.orgs].map(([id, name]) => ({ id, name })) : []);
    if (req.method === 'DELETE' && (m = /^\/api\/orgs\/(\d+)$/.exec(url.pathname))) {
      this.orgs.delete(Number(m[1]));
      return send(200, {});
    }
    if ((m = /^\/api\/datasources\/uid\/(.+)$/.exec(url.pathname))) {
      const key = `${org}/${m[1]}`;
      if (req.method === 'GET') return this.datasources.has(key) ? send(200, this.datasources.get(key)) : send(404, {});
      if (req.method === 'DELETE') return send(200, this.datasources.delete(key));
      if (req.method === 'PUT') {
        if (this.datasources.get(key)?.readOnly) return send(403, { message: 'read-only' });
        this.datasources.set(key, body);
        return send(200, {});
      }
    }
    if (req.method === 'POST' && url.pathname === '/api/datasources') {
      this.datasources.set(`${org}/${body.uid}`, body);
      return send(200, {});
    }
    if (req.method === 'GET' && (m = /^\/api\/dashboards\/uid\/(.+)$/.exec(url.pathname))) {
      const d = this.dashboards.get(`${org}/${decodeURIComponent(m[1]!)}`);
      return d ? send(200, { dashboard: d, meta: {} }) : send(404, {});
    }
    if (req.method === 'GET' && url.pathname === '/api/search') {
      const tag = url.searchParams.get('tag');
      return send(200, [...this.dashboards].filter(([k, d]) => k.startsWith(`${org}/`) && (!tag || d.tags?.includes(tag))).map(([, d]) => ({ uid: d.uid, title: d.title })));
    }
    if (req.method === 'DELETE' && (m = /^\/api\/dashboards\/uid\/(.+)$/.exec(url.pathname))) {
      this.dashboards.delete(`${org}/${decodeURIComponent(m[1]!)}`);
      return send(200, {});
    }
    if (req.method === 'POST' && url.pathname === '/api/dashboards/db') {
      this.dashboards.set(`${org}/${body.dashboard.uid}`, body.dashboard);
      return send(200, {});
    }
    return send(404, { message: `no route ${req.method} ${url.pathname}` });
  }

  orgId = (name: string) => [...this.orgs].find(([, n]) => n === name)?.[0];
  /** The X-Scope-OrgID an organisation's Loki data source sends. */
  logsTenantOf = (name: string) => this.datasources.get(`${this.orgId(name)}/logs`)?.secureJsonData?.httpHeaderValue1;
}

const apis = new FakeApis();
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => apis.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(apis.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => apis.server.close(() => resolve())));

/** Runs the sync program as its pod does, with `orgs.json` as the construct renders it for these teams. */
async function runSync(names: string[], password = 'pw'): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'grafana-org-sync-'));
  writeFileSync(join(dir, 'orgs.json'), grafanaOrgSyncConfig(env(names)));
  writeFileSync(join(dir, 'sync.py'), GRAFANA_ORG_SYNC_SCRIPT);
  writeFileSync(join(dir, 'token'), 'sa-token');
  writeFileSync(join(dir, 'namespace'), 'grafana');
  const vars = { GRAFANA_URL: base, KUBERNETES_API: base, SERVICE_ACCOUNT_DIR: dir, SYNC_CONFIG: join(dir, 'orgs.json'), GRAFANA_ADMIN_USER: 'admin', GRAFANA_ADMIN_PASSWORD: password, GRAFANA_DEPLOYMENT: 'grafana' };
  const child = spawn('python3', [join(dir, 'sync.py')], { env: { PATH: process.env.PATH, ...vars } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, out };
}

const dashboardMap = (name: string, org: string, json: Json) => ({ metadata: { name, labels: { [GRAFANA_ORG_LABEL]: org } }, data: { [`${name}.json`]: JSON.stringify(json) } });

describe('GrafanaOrgSync', () => {
  it('GIVEN the pod WHEN rendered THEN a CronJob runs the program as its own ServiceAccount under Pod Security restricted, with the admin from the break-glass Secret', () => {
    const objects = renderObjects((c) => new GrafanaOrgSync(c, 's', { env: env(['a']) })) as Json[];
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['ConfigMap/grafana-org-sync', 'CronJob/grafana-org-sync', 'Role/grafana-org-sync', 'RoleBinding/grafana-org-sync', 'ServiceAccount/grafana-org-sync']);
    const pod = objects.find((o) => o.kind === 'CronJob')!.spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe('grafana-org-sync');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(pod.containers[0].env.filter((e: Json) => e.valueFrom).map((e: Json) => e.valueFrom.secretKeyRef.name)).toEqual(['grafana-admin', 'grafana-admin']);
    // it may read ConfigMaps and restart Grafana, nothing else
    expect(objects.find((o) => o.kind === 'Role')!.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['grafana'], verbs: ['get', 'patch'] },
    ]);
  });

  it('GIVEN a fresh Grafana and tenants a and a-b WHEN the sync runs THEN each gets its organisation whose Loki reads only its own tenant, and the main organisation reads all', async () => {
    apis.orgs.set(apis.nextOrg++, 'gone');
    // an earlier version provisioned the main organisation's Loki from a file: read-only for the API
    apis.datasources.set('1/logs', { uid: 'logs', readOnly: true, secureJsonData: {} });
    apis.configmaps = [
      dashboardMap('team-a-overview', 'a', { uid: 'team-a', id: 7, title: 'a', panels: [] }),
      dashboardMap('team-a-b-overview', 'a-b', { uid: 'team-a-b', title: 'a-b', panels: [] }),
      dashboardMap('team-x-overview', 'x', { uid: 'team-x', title: 'x, a tenant this Grafana does not serve', panels: [] }),
    ];
    const run = await runSync(['a', 'a-b']);
    expect(run.code, run.out).toBe(0);
    expect([...apis.orgs.values()].sort()).toEqual(['Main Org.', 'a', 'a-b']);
    expect(apis.logsTenantOf('a')).toBe('a');
    expect(apis.logsTenantOf('a-b')).toBe('a-b');
    expect(apis.datasources.get('1/logs')).not.toHaveProperty('readOnly');
    expect(apis.datasources.get('1/logs')).toMatchObject({ jsonData: { httpHeaderName1: 'X-Scope-OrgID' }, secureJsonData: { httpHeaderValue1: 'platform|a|a-b' } });
    // metrics through the proxy, which enforces the namespaces of the header: a's own only (not a-b's)
    for (const [org, namespaces] of [['a', 'a,a-jobs'], ['a-b', 'a-b']]) {
      expect(apis.datasources.get(`${apis.orgId(org)}/metrics`), org).toMatchObject({
        uid: 'metrics',
        url: 'http://grafana-metrics-proxy.grafana.svc.cluster.local:8080',
        jsonData: { httpHeaderName1: 'X-Namespace' },
        secureJsonData: { httpHeaderValue1: namespaces },
      });
    }
    // each dashboard in its own organisation, no other; the unknown tenant's nowhere
    expect([...apis.dashboards.keys()].sort()).toEqual([`${apis.orgId('a')}/team-a`, `${apis.orgId('a-b')}/team-a-b`].sort());
    expect(apis.dashboards.get(`${apis.orgId('a')}/team-a`)!.id).toBeUndefined();
    // new organisations: Grafana restarts so that org_mapping resolves their names
    expect(apis.restarts).toBe(1);
  });

  it('GIVEN a Grafana in sync WHEN the sync runs again THEN it creates, deletes and restarts nothing and rewrites no dashboard', async () => {
    apis.writes = [];
    const run = await runSync(['a', 'a-b']);
    expect(run.code, run.out).toBe(0);
    expect(apis.restarts).toBe(1);
    expect(apis.writes.filter((w) => !w.startsWith('PUT /api/datasources/uid/'))).toEqual([]);
  });

  it("GIVEN a dashboard file removed and one without a uid added WHEN the sync runs THEN the first is deleted from the team's organisation and the second gets its ConfigMap's name as uid, once", async () => {
    const a = apis.orgId('a')!;
    apis.dashboards.set(`${a}/made-in-the-ui`, { uid: 'made-in-the-ui', title: 'a scratch dashboard', tags: [] });
    apis.configmaps = [dashboardMap('team-a-api', 'a', { title: 'API', panels: [] }), ...apis.configmaps.filter((c) => c.metadata.name !== 'team-a-overview')];
    for (let i = 0; i < 2; i++) expect((await runSync(['a', 'a-b'])).code).toBe(0);
    expect([...apis.dashboards.keys()].filter((k) => k.startsWith(`${a}/`)).sort()).toEqual([`${a}/made-in-the-ui`, `${a}/team-a-api`]);
    expect(apis.dashboards.get(`${a}/team-a-api`)!.tags).toEqual(['from-git']);
  });

  it('GIVEN tenant a-b removed from the fleet WHEN the sync runs THEN its organisation is deleted and the main organisation stops reading its logs', async () => {
    const run = await runSync(['a']);
    expect(run.code, run.out).toBe(0);
    expect([...apis.orgs.values()].sort()).toEqual(['Main Org.', 'a']);
    expect(apis.datasources.get('1/logs')!.secureJsonData.httpHeaderValue1).toBe('platform|a');
  });

  it('GIVEN a wrong admin password WHEN the sync runs THEN it fails loudly with the HTTP status, changing nothing', async () => {
    const before = [...apis.orgs];
    const { code, out } = await runSync(['a', 'new'], 'wrong');
    expect(code).not.toBe(0);
    expect(out).toContain('HTTP 401');
    expect([...apis.orgs]).toEqual(before);
  });
});

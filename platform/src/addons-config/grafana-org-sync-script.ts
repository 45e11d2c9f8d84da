/**
 * @internal The organisation sync's program (Python 3 standard library only, so it runs on a stock image). It reads
 * its configuration (`orgs.json`) and keeps Grafana in line with it through the HTTP API as the break-glass admin:
 *
 * - the main organisation's Loki data source reads `platform|<every tenant>`;
 * - each tenant has an organisation named after it, with a metrics data source whose `X-Namespace` (enforced by the
 *   metrics proxy) lists the tenant's namespaces, and a Loki data source whose `X-Scope-OrgID` is the tenant's name
 *   and nothing else;
 * - organisations of tenants that are gone are deleted (the main organisation never);
 * - each dashboard ConfigMap labelled with an organisation is written into that organisation when it differs from
 *   what the last run wrote (`gitRevision`, a digest of the file), so an unchanged file costs one read; each is
 *   tagged `from-git`, and a tagged dashboard whose file is gone is deleted;
 * - when it created an organisation, it restarts Grafana, which resolves `org_mapping` names at start.
 *
 * Idempotent: a run against a Grafana that matches changes nothing but the dashboards' versions.
 */
export const GRAFANA_ORG_SYNC_SCRIPT = String.raw`import base64, hashlib, json, os, ssl, sys, time, urllib.error, urllib.parse, urllib.request

CONFIG = json.load(open(os.environ['SYNC_CONFIG']))
GRAFANA = os.environ['GRAFANA_URL']
AUTH = 'Basic ' + base64.b64encode((os.environ['GRAFANA_ADMIN_USER'] + ':' + os.environ['GRAFANA_ADMIN_PASSWORD']).encode()).decode()
SA = os.environ.get('SERVICE_ACCOUNT_DIR', '/var/run/secrets/kubernetes.io/serviceaccount')
KUBE = os.environ.get('KUBERNETES_API', 'https://kubernetes.default.svc')
MAIN_ORG = 1
FROM_GIT = 'from-git'


def request(url, method='GET', body=None, headers=None, context=None, content_type='application/json'):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={'Accept': 'application/json', 'Content-Type': content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30, context=context) as res:
            raw = res.read()
            return res.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        if e.code == 404 and method == 'GET':
            return 404, None
        sys.exit(method + ' ' + url + ': HTTP ' + str(e.code) + ': ' + e.read()[:500].decode(errors='replace'))


def grafana(method, path, body=None, org=None):
    headers = {'Authorization': AUTH}
    if org is not None:
        headers['X-Grafana-Org-Id'] = str(org)
    return request(GRAFANA + path, method, body, headers)


def kube(method, path, body=None, content_type='application/json'):
    with open(SA + '/token') as f:
        token = f.read().strip()
    context = ssl.create_default_context(cafile=SA + '/ca.crt') if KUBE.startswith('https:') else None
    return request(KUBE + path, method, body, {'Authorization': 'Bearer ' + token}, context, content_type)[1]


def wait_for_grafana():
    for _ in range(60):
        try:
            with urllib.request.urlopen(GRAFANA + '/api/health', timeout=5) as res:
                if res.status == 200:
                    return
        except OSError:
            pass
        time.sleep(10)
    sys.exit('Grafana did not answer /api/health within 10 minutes')


def ensure_org(name):
    status, org = grafana('GET', '/api/orgs/name/' + urllib.parse.quote(name, safe=''))
    if status == 200:
        return org['id'], False
    return grafana('POST', '/api/orgs', {'name': name})[1]['orgId'], True


def ensure_datasource(org, datasource):
    path = '/api/datasources/uid/' + datasource['uid']
    status, current = grafana('GET', path, org=org)
    if status == 200 and current.get('readOnly'):
        # provisioned from a file by an earlier version: the API may not change it
        grafana('DELETE', path, org=org)
        status = 404
    if status == 404:
        grafana('POST', '/api/datasources', datasource, org=org)
    else:
        grafana('PUT', path, datasource, org=org)


def with_header(template, value):
    return {**template, 'secureJsonData': {'httpHeaderValue1': value}}


def delete_stale_orgs(keep):
    stale, page = [], 1
    while True:
        orgs = grafana('GET', '/api/orgs?perpage=1000&page=' + str(page))[1]
        if not orgs:
            break
        stale += [o for o in orgs if o['id'] != MAIN_ORG and o['name'] not in keep]
        page += 1
    for org in stale:
        print('deleting organisation', org['name'])
        grafana('DELETE', '/api/orgs/' + str(org['id']))


def sync_dashboards(namespace, org_ids):
    label = CONFIG['dashboardLabel']
    items = kube('GET', '/api/v1/namespaces/' + namespace + '/configmaps?labelSelector=' + urllib.parse.quote(label, safe=''))['items']
    wanted = {org: set() for org in org_ids.values()}
    for configmap in sorted(items, key=lambda c: c['metadata']['name']):
        org = org_ids.get(configmap['metadata']['labels'][label])
        if org is None:
            continue
        for text in (configmap.get('data') or {}).values():
            dashboard = json.loads(text)
            dashboard.pop('id', None)
            dashboard.setdefault('uid', configmap['metadata']['name'][:40])
            dashboard['tags'] = sorted(set(dashboard.get('tags') or []) | {FROM_GIT})
            dashboard['gitRevision'] = hashlib.sha256(text.encode()).hexdigest()
            wanted[org].add(dashboard['uid'])
            status, current = grafana('GET', '/api/dashboards/uid/' + urllib.parse.quote(dashboard['uid'], safe=''), org=org)
            if status == 200 and current['dashboard'].get('gitRevision') == dashboard['gitRevision']:
                continue
            grafana('POST', '/api/dashboards/db', {'dashboard': dashboard, 'overwrite': True, 'message': 'from Git'}, org=org)
    # dashboards this sync wrote whose file is gone
    for org, uids in wanted.items():
        for found in grafana('GET', '/api/search?type=dash-db&limit=5000&tag=' + FROM_GIT, org=org)[1] or []:
            if found['uid'] not in uids:
                grafana('DELETE', '/api/dashboards/uid/' + urllib.parse.quote(found['uid'], safe=''), org=org)


def main():
    with open(SA + '/namespace') as f:
        namespace = f.read().strip()
    wait_for_grafana()
    teams = [org['name'] for org in CONFIG['orgs']]
    if CONFIG.get('logs'):
        ensure_datasource(MAIN_ORG, with_header(CONFIG['logs'], '|'.join([CONFIG['platformTenant'], *teams])))
    org_ids, created = {}, []
    for org in CONFIG['orgs']:
        name = org['name']
        org_ids[name], new = ensure_org(name)
        if new:
            created.append(name)
        if CONFIG.get('metrics'):
            ensure_datasource(org_ids[name], with_header(CONFIG['metrics'], ','.join(org['namespaces'])))
        if CONFIG.get('logs'):
            ensure_datasource(org_ids[name], with_header(CONFIG['logs'], name))
    delete_stale_orgs(set(teams))
    sync_dashboards(namespace, org_ids)
    if created:
        print('created organisations', ', '.join(created), '; restarting Grafana so that org_mapping resolves them')
        patch = {'spec': {'template': {'metadata': {'annotations': {'platform.example.com/organisations-created': str(int(time.time()))}}}}}
        kube('PATCH', '/apis/apps/v1/namespaces/' + namespace + '/deployments/' + os.environ['GRAFANA_DEPLOYMENT'], patch, 'application/strategic-merge-patch+json')
    print('in sync:', len(teams), 'team organisations')


main()
`;

import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, writeFleet } from './_fixtures.js';

/** A cluster that allows tenant zones under its domain (its dns.hostedZoneId is the parent). */
const ALLOWS_ZONES = (zoneId: string) =>
  `  hostedZoneId: ${zoneId}\n  tenantZones:\n    delegationSetId: N0SET\n    nameServers: [ns-1.awsdns-01.com, ns-2.awsdns-02.net, ns-3.awsdns-03.org, ns-4.awsdns-04.co.uk]\n`;

const cluster = (name: string, environment: string, domain: string, cidr: number) =>
  clusterYaml(name, { environment, domain, network: `  vpcCidr: 10.${cidr}.0.0/16\n`, extra: 'tenancy:\n  imageRegistries: [ghcr.io/acme]\n', dns: ALLOWS_ZONES(`Z0${name.toUpperCase()}`) });

const TENANT = `name: shop
owners:
  - team: acme/shop
contact:
  slackChannel: "#shop"
clusters: [stage, prod]
quotas: { cpu: "4", memory: 8Gi, pods: 20 }
hostnames: [shop.stage.example.com, shop.example.com]
aws:
  secrets:
    - name: web-session
`;

const APP_HEAD = `name: web
image: { repository: ghcr.io/acme/web, tag: 1.0.0 }
`;

/** Loads mgmt + stage + prod clusters, tenant `shop` and the app file apps/shop/web.yaml; returns the printed problems. */
function problemsOf(app: string, head = APP_HEAD, tenant = TENANT): string[] {
  const files: Record<string, string> = {
    'clusters/mgmt.yaml': cluster('mgmt', 'staging', 'mgmt.example.com', 0),
    'clusters/stage.yaml': cluster('stage', 'staging', 'stage.example.com', 1),
    'clusters/prod.yaml': cluster('prod', 'production', 'example.com', 2),
    'tenants/shop.yaml': tenant,
    'apps/shop/web.yaml': head + app,
  };
  return loadProblems(writeFleet('app-rules-', files));
}

/** Tenant shop with its own zone on each cluster (shop.stage.example.com, shop.example.com) and a wildcard in each. */
const ZONED_TENANT = TENANT.replace('hostnames: [shop.stage.example.com, shop.example.com]', 'hostnames: ["*.shop.stage.example.com", "*.shop.example.com"]\ndns:\n  zones: [{ name: shop }]');

describe('app rules', () => {
  it('GIVEN a tenant wildcard in its own zone WHEN an app uses the wildcard itself or one name it covers THEN there is no problem', () => {
    expect(problemsOf('port: 8080\ningress: { host: "*.shop.stage.example.com" }\nenvironments:\n  production:\n    ingress: { host: acme.shop.example.com }\n', APP_HEAD, ZONED_TENANT)).toEqual([]);
  });

  it('GIVEN a tenant wildcard WHEN an app host is two labels below it, or its base THEN it is not a hostname of the tenant', () => {
    expect(problemsOf('port: 8080\ningress: { host: a.b.shop.stage.example.com }\nenvironments:\n  production:\n    ingress: { host: shop.example.com }\n', APP_HEAD, ZONED_TENANT)).toEqual([
      'apps/shop/web.yaml:4:18: ingress.host: host "a.b.shop.stage.example.com" is not a hostname of tenant "shop"; allowed: "*.shop.stage.example.com", "*.shop.example.com"',
      'apps/shop/web.yaml:7:22: environments.production.ingress.host: host "shop.example.com" is not a hostname of tenant "shop"; allowed: "*.shop.stage.example.com", "*.shop.example.com"',
    ]);
  });

  it('GIVEN a realistic app with a per-environment host WHEN loaded THEN there is no problem', () => {
    expect(problemsOf(`port: 8080
autoscaling: { max: 4 }
ingress: { host: shop.stage.example.com }
environments:
  production:
    ingress: { host: shop.example.com }
`)).toEqual([]);
  });

  it('GIVEN probes, metrics and ingress on an app without a port WHEN loaded THEN each names the missing port', () => {
    expect(problemsOf(`probes:
  readiness: { path: /ready }
metrics: { path: /metrics }
ingress: { host: shop.stage.example.com }
`)).toEqual([
      'apps/shop/web.yaml:4:14: probes.readiness: probe has no port and the app has no "port"; allowed: set "port" of the app or "probes.readiness.port"',
      'apps/shop/web.yaml:5:10: metrics: metrics have no port and the app has no "port"; allowed: set "port" or "metrics.port"',
      'apps/shop/web.yaml:6:10: ingress: ingress routes to "port", which is not set; allowed: an ingress only on an app with "port"',
    ]);
  });

  it('GIVEN replicas beside autoscaling and max below min WHEN loaded THEN both are reported where they are written', () => {
    expect(problemsOf(`replicas: 2
autoscaling: { min: 3, max: 2 }
environments:
  production: { replicas: 1, autoscaling: { max: 3 } }
`)).toEqual([
      'apps/shop/web.yaml:3:11: replicas: found both "replicas" (2) and "autoscaling"; allowed: one of them (the autoscaler sets the pod count)',
      'apps/shop/web.yaml:4:29: autoscaling.max: found max 2 below min 3; allowed: max >= min',
      'apps/shop/web.yaml:6:27: environments.production.replicas: found both "replicas" (1) and "autoscaling"; allowed: one of them (the autoscaler sets the pod count)',
    ]);
  });

  it('GIVEN a host the tenant does not own, and an owned host outside a cluster domain WHEN loaded THEN both are rejected', () => {
    expect(problemsOf(`port: 8080
ingress: { host: shop.example.com }
environments:
  production:
    ingress: { host: admin.example.com }
`)).toEqual([
      'apps/shop/web.yaml:4:18: ingress.host: host "shop.example.com" is outside the domain of cluster "stage"; allowed: a name ending in ".stage.example.com" (set environments.staging.ingress.host)',
      'apps/shop/web.yaml:7:22: environments.production.ingress.host: host "admin.example.com" is not a hostname of tenant "shop"; allowed: "shop.stage.example.com", "shop.example.com"',
    ]);
  });

  it('GIVEN requests above limits and requests beyond the CPU quota WHEN loaded THEN both are reported with the figures', () => {
    expect(problemsOf(`replicas: 3
resources:
  requests: { cpu: "2" }
  limits: { cpu: "1500m", memory: 1Gi }
`)).toEqual([
      'apps/shop/web.yaml:5:3: resources: apps in namespace "shop" on cluster "prod" may use 6 CPU (requests x most pods: web 6); allowed: at most the tenant quota of 4 (quotas.cpu in tenants/shop.yaml)',
      'apps/shop/web.yaml:5:3: resources: apps in namespace "shop" on cluster "stage" may use 6 CPU (requests x most pods: web 6); allowed: at most the tenant quota of 4 (quotas.cpu in tenants/shop.yaml)',
      'apps/shop/web.yaml:5:20: resources.requests.cpu: request 2 is above the limit 1500m; allowed: a request at most the limit',
    ]);
  });

  it('GIVEN CPU limits beyond the quota but requests within it WHEN loaded THEN it fits: the CPU quota caps requests, as the ResourceQuota does', () => {
    expect(problemsOf(`replicas: 3
resources:
  requests: { cpu: "1" }
  limits: { cpu: "4", memory: 1Gi }
`)).toEqual([]);
  });

  it('GIVEN a tenant without a CPU or memory cap WHEN its apps are loaded THEN only the capped resources are checked (no internal error)', () => {
    const uncapped = TENANT.replace('quotas: { cpu: "4", memory: 8Gi, pods: 20 }', 'quotas: { cpu: none, memory: none, pods: 2 }');
    expect(problemsOf('replicas: 3\nresources:\n  requests: { cpu: "8" }\n  limits: { cpu: "8", memory: 64Gi }\n', APP_HEAD, uncapped)).toEqual([
      'apps/shop/web.yaml:5:3: resources: apps in namespace "shop" on cluster "prod" may use 3 pods (most pods: web 3); allowed: at most the tenant quota of 2 (quotas.pods in tenants/shop.yaml)',
      'apps/shop/web.yaml:5:3: resources: apps in namespace "shop" on cluster "stage" may use 3 pods (most pods: web 3); allowed: at most the tenant quota of 2 (quotas.pods in tenants/shop.yaml)',
    ]);
  });

  it('GIVEN a secret the tenant does not declare WHEN loaded THEN the key is an error that lists the declared ones', () => {
    expect(problemsOf(`secrets:
  SESSION: { key: web-session }
  TOKEN: { key: web-token, property: value }
`)).toEqual(['apps/shop/web.yaml:5:17: secrets.TOKEN.key: secret "web-token" is not declared by tenant "shop"; allowed: "web-session"']);
  });

  it('GIVEN a misspelt image automation marker, or one on a tag that is not semver WHEN loaded THEN each is an error showing the right line', () => {
    expect(problemsOf('', 'name: web\nimage:\n  repository: ghcr.io/acme/web\n  tag: 1.0.0 # {"$imagepolicy": "flux-system:shop-api:tag"}\n')).toEqual([
      'apps/shop/web.yaml:4:8: image.tag: found the marker "{"$imagepolicy": "flux-system:shop-api:tag"}"; allowed: tag: 1.0.0 # {"$imagepolicy": "flux-system:shop-web:tag"}',
    ]);
    expect(problemsOf('', 'name: web\nimage:\n  repository: ghcr.io/acme/web\n  tag: main-1a2b3c # {"$imagepolicy": "flux-system:shop-web:tag"}\n')).toEqual([
      'apps/shop/web.yaml:4:8: image.tag: found an image automation marker on tag "main-1a2b3c", which is not semver; allowed: a tag such as 1.4.2 or v1.4.2, or no marker',
    ]);
  });

  it('GIVEN an app host in the stage cluster\'s domain WHEN it would also render on prod, whose domain example.com contains it THEN it is an error on prod (stage\'s zone holds the name)', () => {
    expect(problemsOf(`port: 8080
ingress: { host: shop.stage.example.com }
`)).toEqual([
      'apps/shop/web.yaml:4:18: ingress.host: host "shop.stage.example.com" is in the domain "stage.example.com" of cluster "stage" (clusters/stage.yaml), which cluster "prod" (domain "example.com") cannot serve; allowed: a name in ".example.com" outside the domains of other clusters (set environments.production.ingress.host, or leave "prod" out of clusters)',
    ]);
  });

  it('GIVEN the same app kept on stage only WHEN loaded THEN there is no problem', () => {
    expect(problemsOf(`port: 8080
clusters: [stage]
ingress: { host: shop.stage.example.com }
`)).toEqual([]);
  });
});

describe('app rules: names joined from tenant and app', () => {
  const tenant = (name: string) => `name: ${name}
owners:
  - team: acme/${name}
contact:
  slackChannel: "#${name}"
clusters: [stage]
`;
  const app = (name: string) => `name: ${name}
image: { repository: ghcr.io/acme/${name}, tag: 1.0.0 }
`;

  it('GIVEN tenant data + app platform-ingest and tenant data-platform + app ingest WHEN loaded THEN each app file names the other (not an internal error)', () => {
    const dir = writeFleet('app-rules-', {
      'clusters/mgmt.yaml': cluster('mgmt', 'staging', 'mgmt.example.com', 0),
      'clusters/stage.yaml': cluster('stage', 'staging', 'stage.example.com', 1),
      'tenants/data.yaml': tenant('data'),
      'tenants/data-platform.yaml': tenant('data-platform'),
      'apps/data/platform-ingest.yaml': app('platform-ingest'),
      'apps/data-platform/ingest.yaml': app('ingest'),
    });
    expect(loadProblems(dir)).toEqual([
      'apps/data-platform/ingest.yaml:1:7: name: tenant "data-platform" and app "ingest" make the name "data-platform-ingest" (its image policy and repository in flux-system), as tenant "data" and app "platform-ingest" (apps/data/platform-ingest.yaml) do; allowed: an app name whose "<tenant>-<app>" no other tenant\'s app makes',
      'apps/data/platform-ingest.yaml:1:7: name: tenant "data" and app "platform-ingest" make the name "data-platform-ingest" (its image policy and repository in flux-system), as tenant "data-platform" and app "ingest" (apps/data-platform/ingest.yaml) do; allowed: an app name whose "<tenant>-<app>" no other tenant\'s app makes',
    ]);
  });
});

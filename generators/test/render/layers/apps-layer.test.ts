import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../../src/load/load-fleet.js';
import { renderCluster } from '../../../src/render/render-cluster.js';

const fleet = loadFleet(join(import.meta.dirname, '../../fixtures/apps-fleet'));
const render = (name: string) => renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === name)!);
const under = (files: Map<string, string>, folder: string) => [...files.keys()].filter((p) => p.startsWith(folder)).sort();

describe('renderAppsLayer', () => {
  it('GIVEN two apps on staging WHEN rendered THEN each gets its folder, in its namespace, with only what it asks for', () => {
    // WHEN
    const files = render('stage');
    // THEN
    expect(under(files, 'apps/')).toEqual([
      'apps/shop/kustomization.yaml',
      'apps/shop/sweeper/deployment-sweeper.yaml',
      'apps/shop/sweeper/kustomization.yaml',
      'apps/shop/sweeper/prometheusrule-sweeper.yaml',
      'apps/shop/sweeper/serviceaccount-sweeper.yaml',
      'apps/shop/web/deployment-web.yaml',
      'apps/shop/web/externalsecret-web-secrets.yaml',
      'apps/shop/web/horizontalpodautoscaler-web.yaml',
      'apps/shop/web/ingress-web.yaml',
      'apps/shop/web/kustomization.yaml',
      'apps/shop/web/networkpolicy-web.yaml',
      'apps/shop/web/poddisruptionbudget-web.yaml',
      'apps/shop/web/prometheusrule-web.yaml',
      'apps/shop/web/service-web.yaml',
      'apps/shop/web/serviceaccount-web.yaml',
    ]);
    expect(files.get('apps/shop/sweeper/deployment-sweeper.yaml')).toContain('\n  namespace: shop-jobs\n');
    expect(files.get('apps/shop/web/deployment-web.yaml')).toMatch(/^# Source: apps\/shop\/web.yaml, tenants\/shop.yaml$/m);
  });

  it('GIVEN a semver tag WHEN rendered on a workload cluster THEN the image line carries the setter marker of the management cluster policy, and no image policy is rendered there', () => {
    const files = render('stage');
    expect(files.get('apps/shop/web/deployment-web.yaml')).toContain('          image: ghcr.io/acme/web:1.4.2 # {"$imagepolicy": "flux-system:shop-web"}\n');
    expect([...files.values()].some((f) => f.includes('line-comments'))).toBe(false);
    expect([...files.keys()].filter((p) => p.includes('images'))).toEqual([]);
    expect(files.get('tenants/shop/kustomization.yaml')).not.toContain('  - images\n');
  });

  it('GIVEN a tag that is not semver WHEN rendered THEN the image is rendered as it is', () => {
    const deployment = render('stage').get('apps/shop/sweeper/deployment-sweeper.yaml')!;
    expect(deployment).toContain('image: ghcr.io/acme/sweeper:main-3f9c2e1\n');
  });

  it('GIVEN a private ingress WHEN rendered THEN it uses the internal entry point and its DNS name targets the internal NLB of the cluster', () => {
    const ingress = render('prod').get('apps/shop/admin/ingress-admin.yaml')!;
    expect(ingress).toContain('    traefik.ingress.kubernetes.io/router.entrypoints: internal\n');
    expect(ingress).toContain('    external-dns.alpha.kubernetes.io/target: ingress-internal.example.com\n');
    expect(ingress).not.toContain('router.middlewares');
    expect(render('prod').get('apps/shop/web/ingress-web.yaml')).toContain('    traefik.ingress.kubernetes.io/router.entrypoints: websecure\n');
  });

  it('GIVEN a production override WHEN rendered on production THEN the host follows the cluster and secret keys stay relative to the tenant store', () => {
    const files = render('prod');
    expect(under(files, 'apps/shop/sweeper')).toEqual([]);
    expect(files.get('apps/shop/web/ingress-web.yaml')).toContain('    - host: shop.example.com\n');
    expect(files.get('apps/shop/web/externalsecret-web-secrets.yaml')).toContain('        key: web-session\n');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../../src/load/load-fleet.js';
import { renderCluster } from '../../../src/render/render-cluster.js';

const fleet = loadFleet(join(import.meta.dirname, '../../fixtures/apps-fleet'));
const render = (name: string) => renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === name)!);
const under = (files: Map<string, string>, folder: string) => [...files.keys()].filter((p) => p.startsWith(folder)).sort();

describe('renderImagesLayer', () => {
  it('GIVEN apps on two workload clusters WHEN the management cluster is rendered THEN images/ holds one policy per semver app of the fleet and one automation', () => {
    // WHEN
    const files = render('mgmt');
    // THEN web (stage and prod) and admin (prod only) once each; sweeper's tag is not semver
    expect(under(files, 'images/')).toEqual([
      'images/imagepolicy-shop-admin.yaml',
      'images/imagepolicy-shop-web.yaml',
      'images/imagerepository-shop-admin.yaml',
      'images/imagerepository-shop-web.yaml',
      'images/imageupdateautomation-apps.yaml',
      'images/kustomization.yaml',
    ]);
    expect(parse(files.get('images/imagepolicy-shop-admin.yaml')!).spec).toEqual({
      imageRepositoryRef: { name: 'shop-admin' },
      policy: { semver: { range: '^3.0.0' } },
    });
    expect(files.get('images/imagerepository-shop-web.yaml')).toMatch(/^# Source: apps\/shop\/web.yaml$/m);
    expect(parse(files.get('images/imagerepository-shop-web.yaml')!).metadata.namespace).toBe('flux-system');
  });

  it('GIVEN the management cluster WHEN rendered THEN the automation rewrites apps/ and out/ from main and pushes to image-updates as the platform bot', () => {
    const automation = parse(render('mgmt').get('images/imageupdateautomation-apps.yaml')!);
    expect(automation.metadata).toEqual({ name: 'apps', namespace: 'flux-system', labels: { 'app.kubernetes.io/part-of': 'platform' } });
    const { messageTemplate, ...commit } = automation.spec.git.commit;
    expect(commit).toEqual({ author: { name: 'platform-bot', email: 'platform-bot@example.com' } });
    expect(messageTemplate).toMatch(/^Bump app images\n/);
    expect({ ...automation.spec, git: { ...automation.spec.git, commit: undefined } }).toEqual({
      interval: '10m',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      git: { checkout: { ref: { branch: 'main' } }, push: { branch: 'image-updates' }, commit: undefined },
      update: { path: './', strategy: 'Setters' },
    });
  });

  it('GIVEN the management cluster WHEN rendered THEN flux/ reconciles images/ after the platform layers', () => {
    const ks = parse(render('mgmt').get('flux/kustomization-images.yaml')!);
    expect(ks.spec).toMatchObject({ path: './out/mgmt/images', dependsOn: [{ name: 'addons-config' }], serviceAccountName: 'kustomize-controller' });
  });

  it('GIVEN a workload cluster WHEN rendered THEN it has no images layer and no image objects at all', () => {
    for (const cluster of ['stage', 'prod']) {
      const files = render(cluster);
      expect(under(files, 'images/')).toEqual([]);
      expect(files.has('flux/kustomization-images.yaml')).toBe(false);
      expect([...files.values()].some((f) => /^kind: Image/m.test(f))).toBe(false);
    }
  });
});

describe('renderImagesLayer with ECR images', () => {
  const ecr = loadFleet(join(import.meta.dirname, '../../fixtures/ecr-fleet'));
  const mgmt = renderCluster(ecr, ecr.clusters.find((c) => c.spec.name === 'mgmt')!);

  it('GIVEN a followed app in its tenant registry and one on ghcr.io WHEN the management cluster is rendered THEN only the ECR one scans with provider aws', () => {
    expect(parse(mgmt.get('images/imagerepository-shop-web.yaml')!).spec).toEqual({
      image: '222222222222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-web',
      interval: '5m',
      provider: 'aws',
    });
    expect(parse(mgmt.get('images/imagerepository-shop-admin.yaml')!).spec).toEqual({ image: 'ghcr.io/acme/shop-admin', interval: '5m' });
    // books/api is in ECR but has no marker: not followed
    expect(mgmt.has('images/imagerepository-books-api.yaml')).toBe(false);
  });
});

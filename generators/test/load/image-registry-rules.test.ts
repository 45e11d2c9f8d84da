import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, loadProblems } from './_fixtures.js';

/** The ecr-fleet fixture (tenants shop on stage and prod, books on prod) with apps/shop/web.yaml pointing at `repository`. */
function problemsWith(repository: string): string[] {
  const dir = copyFixture('image-registry-rules-', 'ecr-fleet');
  writeFileSync(join(dir, 'apps/shop/web.yaml'), `name: web\nimage:\n  repository: ${repository}\n  tag: 1.4.2\nport: 8080\nreplicas: 1\n`);
  return loadProblems(dir);
}

const SHOP_REGISTRIES = [
  '222222222222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-tools',
  '222222222222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-web',
  '333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-shop-tools',
  '333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-shop-web',
].join(', ');

describe('appEcrImage', () => {
  it("GIVEN apps in their own tenant's registries, on any of its clusters, or outside ECR WHEN loaded THEN there is no problem", () => {
    expect(loadProblems(copyFixture('image-registry-rules-', 'ecr-fleet'))).toEqual([]);
    expect(problemsWith('333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-shop-tools')).toEqual([]);
    expect(problemsWith('ghcr.io/acme/web')).toEqual([]);
  });

  it("GIVEN an app in another tenant's registry WHEN loaded THEN file:line names the owner and lists the app's own registries", () => {
    expect(problemsWith('333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-books-api')).toEqual([
      `apps/shop/web.yaml:3:15: image.repository: found 333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-books-api (registry "api" of tenant "books" on cluster "prod"; tenants do not run or follow each other's images); allowed: the registries of tenant "shop": ${SHOP_REGISTRIES}`,
    ]);
  });

  it('GIVEN an ECR repository no tenant declares, or one in the wrong region WHEN loaded THEN it is rejected the same way', () => {
    expect(problemsWith('444444444444.dkr.ecr.eu-west-2.amazonaws.com/shared-base')).toEqual([
      `apps/shop/web.yaml:3:15: image.repository: found 444444444444.dkr.ecr.eu-west-2.amazonaws.com/shared-base (no tenant registry of the fleet); allowed: the registries of tenant "shop": ${SHOP_REGISTRIES}`,
    ]);
    expect(problemsWith('222222222222.dkr.ecr.eu-west-1.amazonaws.com/stage-shop-web')[0]).toMatch(/found 222222222222\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/stage-shop-web \(no tenant registry of the fleet\)/);
  });

  it('GIVEN a malformed ECR host WHEN loaded THEN the expected shape is the allowed value', () => {
    expect(problemsWith('2222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-web')).toEqual([
      'apps/shop/web.yaml:3:15: image.repository: found "2222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-web", which is not an ECR image; allowed: <12-digit account>.dkr.ecr.<region>.amazonaws.com/<repository>',
    ]);
  });
});

/** The ecr-fleet fixture with `imageRegistries` as the stage cluster's tenancy.imageRegistries (prod keeps ghcr.io/acme). */
function problemsWithRegistries(imageRegistries: string, repository = 'ghcr.io/acme/web'): string[] {
  const dir = copyFixture('image-registry-rules-', 'ecr-fleet');
  const stage = join(dir, 'clusters/stage.yaml');
  writeFileSync(stage, readFileSync(stage, 'utf8').replace(/tenancy:\n  imageRegistries: .*\n/, `tenancy:\n  imageRegistries: ${imageRegistries}\n`));
  writeFileSync(join(dir, 'apps/shop/web.yaml'), `name: web\nimage:\n  repository: ${repository}\n  tag: 1.4.2\nport: 8080\nreplicas: 1\n`);
  return loadProblems(dir);
}

describe('clusterImageRegistries', () => {
  it('GIVEN an ECR registry, a bare host or a wildcard as an allowed registry WHEN loaded THEN each is an error at the cluster file', () => {
    expect(problemsWithRegistries('[ghcr.io/acme, 222222222222.dkr.ecr.eu-west-2.amazonaws.com/shared]')).toEqual([
      'clusters/stage.yaml:12:35: tenancy.imageRegistries[1]: found "222222222222.dkr.ecr.eu-west-2.amazonaws.com/shared", an ECR registry; allowed: a registry outside ECR (tenants run only their own ECR repositories, declared under aws.registries of the tenant file)',
    ]);
    const shape = "allowed: a registry host and at least one path segment, such as 'ghcr.io/acme': no tag, no wildcard, no trailing '/'";
    expect(problemsWithRegistries('[ghcr.io]')).toEqual([`clusters/stage.yaml:12:21: tenancy.imageRegistries[0]: found "ghcr.io"; ${shape}`]);
    expect(problemsWithRegistries('["ghcr.io/*"]')).toEqual([`clusters/stage.yaml:12:21: tenancy.imageRegistries[0]: found "ghcr.io/*"; ${shape}`]);
  });
});

describe('appImageAdmitted', () => {
  it('GIVEN an image under a registry every cluster of the app admits WHEN loaded THEN there is no problem', () => {
    expect(problemsWithRegistries('[ghcr.io/acme]')).toEqual([]);
  });

  it('GIVEN an image outside the registries of one of its clusters WHEN loaded THEN file:line names the cluster and what it admits', () => {
    expect(problemsWithRegistries('[ghcr.io/other]')).toEqual([
      'apps/shop/web.yaml:3:15: image.repository: found ghcr.io/acme/web, which cluster "stage" does not admit; allowed: an image under ghcr.io/other/ (tenancy.imageRegistries of clusters/stage.yaml) or one of the tenant\'s own ECR registries',
    ]);
    expect(problemsWithRegistries('[ghcr.io/acme]', 'docker.io/library/nginx')).toHaveLength(2);
    expect(problemsWithRegistries('[ghcr.io/acme]', 'ghcr.io/acme-evil/web')[0]).toMatch(/found ghcr.io\/acme-evil\/web, which cluster "prod" does not admit/);
  });
});

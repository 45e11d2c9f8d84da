import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, writeFleet } from './_fixtures.js';

const ORG = '0f3e2a1b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const PROJECT = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const PROVIDERS = `tenancy:\n  ciOidcProviders:\n    circleci: { organizationId: ${ORG} }\n    gitlab: {}\n`;

/** Problems of a fleet with clusters mgmt and stage (`stageExtra` after its dns block) and tenant shop on stage with one registry. */
function problems(registry: string, stageExtra = PROVIDERS): string[] {
  const tenant = `name: shop\nowners:\n  - team: acme/shop\ncontact:\n  slackChannel: "#shop"\nclusters: [stage]\naws:\n  registries:\n    - name: web\n${registry}`;
  return loadProblems(writeFleet('ci-oidc-', { 'clusters/mgmt.yaml': clusterYaml('mgmt'), 'clusters/stage.yaml': clusterYaml('stage', { extra: stageExtra }), 'tenants/shop.yaml': tenant }));
}

describe('registryCiProviders', () => {
  it('GIVEN CircleCI and GitLab projects on a cluster that declares both providers WHEN loaded THEN there is no problem', () => {
    expect(problems(`      circleciProjects: [${PROJECT}]\n      gitlabProjects: [acme/checkout, acme/platform/images]\n`)).toEqual([]);
  });

  it('GIVEN CircleCI or GitLab projects on a cluster that declares no such provider WHEN loaded THEN each names the cluster file and the setting', () => {
    expect(problems(`      circleciProjects: [${PROJECT}]\n      gitlabProjects: [acme/checkout]\n`, '')).toEqual([
      'tenants/shop.yaml:10:25: aws.registries[0].circleciProjects: CircleCI projects on cluster "stage" (clusters/stage.yaml), which declares no CircleCI OIDC provider; allowed: githubRepositories, or ask the platform team for tenancy.ciOidcProviders.circleci: { organizationId: <org uuid> } in clusters/stage.yaml',
      'tenants/shop.yaml:11:23: aws.registries[0].gitlabProjects: GitLab projects on cluster "stage" (clusters/stage.yaml), which declares no GitLab OIDC provider; allowed: githubRepositories, or ask the platform team for tenancy.ciOidcProviders.gitlab: { url: https://gitlab.com } in clusters/stage.yaml',
    ]);
  });

  it('GIVEN a registry naming nobody who may push WHEN loaded THEN it is an error', () => {
    expect(problems('      keepImages: 5\n')).toEqual([
      'tenants/shop.yaml:9:13: aws.registries[0].name: registry "web" names nobody who may push; allowed: at least one of githubRepositories, circleciProjects, gitlabProjects',
    ]);
  });

  it('GIVEN malformed project ids and paths, or a malformed organization id WHEN loaded THEN the schema names the field and the pattern', () => {
    const bad = problems('      circleciProjects: [my-project]\n      gitlabProjects: [checkout, "acme/checkout:ref_type:tag"]\n');
    expect(bad).toHaveLength(3);
    expect(bad[0]).toMatch(/^tenants\/shop\.yaml:10:26: aws\.registries\[0\]\.circleciProjects\[0\]: .*my-project.*\^\[0-9a-fA-F\]\{8\}-/);
    expect(bad[1]).toMatch(/^tenants\/shop\.yaml:11:24: aws\.registries\[0\]\.gitlabProjects\[0\]: .*checkout/);
    expect(bad[2]).toMatch(/^tenants\/shop\.yaml:11:34: aws\.registries\[0\]\.gitlabProjects\[1\]: .*acme\/checkout:ref_type:tag/);
    expect(problems(`      circleciProjects: [${PROJECT}]\n`, 'tenancy:\n  ciOidcProviders:\n    circleci: { organizationId: acme }\n')[0]).toMatch(/^clusters\/stage\.yaml:13:33: tenancy\.ciOidcProviders\.circleci\.organizationId: .*acme/);
  });
});

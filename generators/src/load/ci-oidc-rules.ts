import type { Cluster } from '@platform/schemas';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';
import type { Loaded } from '../model.js';

/** The CI systems a registry may name besides GitHub, by field: the cluster file's provider key and what to call it. */
const CI_FIELDS = [
  { field: 'circleciProjects', provider: 'circleci', title: 'CircleCI', example: 'circleci: { organizationId: <org uuid> }' },
  { field: 'gitlabProjects', provider: 'gitlab', title: 'GitLab', example: 'gitlab: { url: https://gitlab.com }' },
] as const;

/**
 * Every registry names who pushes to it (GitHub repositories, CircleCI or GitLab projects), and names CircleCI or
 * GitLab projects only when every cluster the tenant runs in declares that CI system's OIDC provider
 * (`tenancy.ciOidcProviders`): the registry's CI role trusts the provider of its cluster's account.
 */
export const registryCiProviders: FleetRule = (fleet) => {
  const clusters = new Map<string, Loaded<Cluster>>(fleet.clusters.map((c) => [c.spec.name, c]));
  const problems: Diagnostic[] = [];
  for (const t of fleet.tenants) {
    t.spec.aws.registries.forEach((r, i) => {
      const at = ['aws', 'registries', i];
      if (r.githubRepositories.length + r.circleciProjects.length + r.gitlabProjects.length === 0) {
        problems.push(t.source.problem([...at, 'name'], `registry "${r.name}" names nobody who may push; allowed: at least one of githubRepositories, circleciProjects, gitlabProjects`));
      }
      for (const ci of CI_FIELDS) {
        if (r[ci.field].length === 0) continue;
        for (const name of t.spec.clusters) {
          const c = clusters.get(name);
          if (!c || c.spec.tenancy.ciOidcProviders[ci.provider]) continue;
          problems.push(t.source.problem([...at, ci.field], `${ci.title} projects on cluster "${name}" (${c.source.path}), which declares no ${ci.title} OIDC provider; allowed: githubRepositories, or ask the platform team for tenancy.ciOidcProviders.${ci.example} in ${c.source.path}`));
        }
      }
    });
  }
  return problems;
};

export const CI_OIDC_RULES: FleetRule[] = [registryCiProviders];

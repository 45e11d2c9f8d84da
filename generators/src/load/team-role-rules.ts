import { BUILT_IN_TENANT_ROLES, teamRoleViolations } from '@platform/platform';
import type { FleetRule } from './fleet-rules.js';
import { teamRoleCatalog } from '../fleet-index.js';

/** The catalog of team roles is the fleet's: declared once, in the management cluster's file. */
export const teamRolesOnManagement: FleetRule = (fleet) =>
  fleet.clusters
    .filter((c) => !c.spec.management && Object.keys(c.spec.teamRoles).length > 0)
    .map((c) => c.source.problem(['teamRoles'], `found teamRoles in a cluster that is not the management cluster; allowed: only in the management cluster's file (the catalog is the fleet's, rendered on every cluster)`));

/**
 * Each catalog role keeps a team inside its tenancy (see `teamRoleViolations`: the rule, the entry and what is
 * allowed), and none takes the name of a built-in role, which `owners[].role` would then mean twice.
 */
export const teamRolesStayInTenancy: FleetRule = (fleet) =>
  fleet.clusters
    .filter((c) => c.spec.management)
    .flatMap((c) =>
      Object.entries(teamRoleCatalog(fleet)).flatMap(([name, role]) => {
        if ((BUILT_IN_TENANT_ROLES as readonly string[]).includes(name)) {
          return [c.source.problem(['teamRoles', name], `found team role "${name}", the name of a built-in role; allowed: a name other than ${BUILT_IN_TENANT_ROLES.join(', ')} (the built-ins need no catalog entry)`, { key: true })];
        }
        return teamRoleViolations(role.rules).map((v) => c.source.problem(['teamRoles', name, 'rules', v.rule, v.field, v.index], v.message));
      }),
    );

/** An owner's role is a built-in or a role of the fleet's catalog. */
export const ownerRolesExist: FleetRule = (fleet) => {
  const allowed = [...BUILT_IN_TENANT_ROLES, ...Object.keys(teamRoleCatalog(fleet)).sort()];
  return fleet.tenants.flatMap((t) =>
    t.spec.owners.flatMap((o, i) =>
      o.role === undefined || allowed.includes(o.role)
        ? []
        : [t.source.problem(['owners', i, 'role'], `unknown role "${o.role}"; allowed: ${allowed.join(', ')} (the built-ins and the teamRoles of the management cluster's file)`)],
    ),
  );
};

export const TEAM_ROLE_RULES: FleetRule[] = [teamRolesOnManagement, teamRolesStayInTenancy, ownerRolesExist];

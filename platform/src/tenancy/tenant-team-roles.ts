import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { type TeamRoleRule, teamRoleViolations } from './team-role-limits.js';
import { BUILT_IN_TENANT_ROLES, type TenantAccess, TENANCY_LABEL, tenantClusterRole } from './tenant-cluster-roles.js';

/** A role of the fleet's catalog (the management cluster's `teamRoles`), which a tenant may give an owner team. */
export interface TeamRole {
  /** What the role is for, shown on the ClusterRole. */
  readonly description: string;
  readonly rules: readonly TeamRoleRule[];
}

export interface TenantTeamRolesProps {
  /** The fleet's catalog, by role name. */
  readonly roles: Readonly<Record<string, TeamRole>>;
}

/** Annotation carrying a team role's description on its ClusterRole. */
export const TEAM_ROLE_DESCRIPTION_ANNOTATION = 'platform.example.com/description';

/** `debug` → `tenant-role-debug`: apart from the built-in `tenant-<access>` roles and readable in `kubectl get clusterroles`. */
export const teamRoleClusterRole = (name: string) => `tenant-role-${name}`;

const isBuiltIn = (role: string): role is TenantAccess => (BUILT_IN_TENANT_ROLES as readonly string[]).includes(role);

/** The ClusterRole an owner's role is bound as: `tenant-<access>` for a built-in, `tenant-role-<name>` for a catalog role. */
export const ownerClusterRole = (role: string) => (isBuiltIn(role) ? tenantClusterRole(role) : teamRoleClusterRole(role));

/**
 * The fleet's catalog of team roles, one ClusterRole each, rendered on every cluster beside the built-in tenant
 * roles. Like them, it carries no aggregation label and is bound only by RoleBindings in tenant namespaces. A role
 * that would let a team step outside its tenancy (see `teamRoleViolations`) or takes a built-in's name is refused.
 */
export class TenantTeamRoles extends Construct {
  constructor(scope: Construct, id: string, props: TenantTeamRolesProps) {
    super(scope, id);
    for (const name of Object.keys(props.roles).sort()) {
      const role = props.roles[name]!;
      if (isBuiltIn(name)) throw new Error(`'roles.${name}': a team role may not take the name of a built-in role (${BUILT_IN_TENANT_ROLES.join(', ')})`);
      const [violation] = teamRoleViolations(role.rules);
      if (violation) throw new Error(`'roles.${name}.rules[${violation.rule}].${violation.field}[${violation.index}]': ${violation.message}`);
      new ApiObject(this, name, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: teamRoleClusterRole(name), labels: { [TENANCY_LABEL]: 'true' }, annotations: { [TEAM_ROLE_DESCRIPTION_ANNOTATION]: role.description } },
        rules: role.rules.map((r) => ({
          apiGroups: [...r.apiGroups],
          resources: [...r.resources],
          verbs: [...r.verbs],
          ...(r.resourceNames && r.resourceNames.length > 0 ? { resourceNames: [...r.resourceNames] } : {}),
        })),
      });
    }
  }
}

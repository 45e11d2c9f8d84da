import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ownerClusterRole } from './tenant-team-roles.js';

export interface TenantOwner {
  /** GitHub team as `<org>/<team-slug>`. */
  readonly team: string;
  /** A built-in role (admin, edit, view) or a role of the fleet's catalog (`teamRoles` of the management cluster). */
  readonly role: string;
}

export interface TenantRoleBindingsProps {
  /** The tenant namespace the bindings live in (they grant nothing anywhere else). */
  readonly namespace: string;
  readonly owners: readonly TenantOwner[];
  /** Prefix of OIDC group names, e.g. `github:` gives `github:acme:payments`. */
  readonly groupPrefix: string;
}

/**
 * The Kubernetes group of a GitHub team (`<org>/<team-slug>` in tenant files) as the cluster's OIDC provider names
 * it: Dex's GitHub connector puts the team in the groups claim as `<org>:<team-slug>` (a fixed format), and EKS
 * prefixes it with `kubernetes.oidcGroupPrefix`. `acme/payments` with `github:` → `github:acme:payments`.
 */
export const teamGroup = (groupPrefix: string, team: string) => `${groupPrefix}${team.replace('/', ':')}`;

/** `acme/payments` with role edit → `edit-acme-payments` (`debug-acme-sre` for catalog role debug): unique per namespace, readable in `kubectl get rolebindings`. */
export const ownerBindingName = (owner: TenantOwner) => `${owner.role}-${owner.team.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;

/** One RoleBinding per owner team in one tenant namespace, from the team's OIDC group to its role's ClusterRole (`ownerClusterRole`). */
export class TenantRoleBindings extends Construct {
  constructor(scope: Construct, id: string, props: TenantRoleBindingsProps) {
    super(scope, id);
    for (const owner of props.owners) {
      const name = ownerBindingName(owner);
      new ApiObject(this, name, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name, namespace: props.namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ownerClusterRole(owner.role) },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: teamGroup(props.groupPrefix, owner.team) }],
      });
    }
  }
}

/**
 * @internal Test support (not a test file): Kubernetes RBAC over rendered Roles, ClusterRoles, RoleBindings and
 * ClusterRoleBindings. A RoleBinding grants its role's rules in its own namespace only, and never on cluster-scoped
 * resources; a ClusterRoleBinding grants them everywhere. Binding a role needs the `bind` verb on it or every
 * permission it grants (escalation prevention). The cluster's built-in bindings (`system:*`) are not part of a
 * render; they grant tenants nothing beyond discovery and self reviews.
 */
import type { Obj, UserInfo } from './_admission.js';

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

export interface ResourceAttributes {
  readonly verb: string;
  readonly group: string;
  /** `pods`, or `pods/exec` for a subresource. */
  readonly resource: string;
  /** Absent for a cluster-scoped resource. */
  readonly namespace?: string;
  readonly name?: string;
}

interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
}

const has = (xs: readonly string[] | undefined, x: string) => (xs ?? []).some((v) => v === '*' || v === x);

function ruleAllows(rule: PolicyRule, a: ResourceAttributes): boolean {
  if (!has(rule.verbs, a.verb) || !has(rule.apiGroups, a.group)) return false;
  const [resource] = a.resource.split('/');
  const resourceOk = (rule.resources ?? []).some((r) => r === '*' || r === a.resource || (r.startsWith('*/') && a.resource === `${resource}/${r.slice(2)}`));
  if (!resourceOk) return false;
  return !rule.resourceNames || rule.resourceNames.length === 0 || (a.name !== undefined && rule.resourceNames.includes(a.name));
}

/** The RBAC authorizer of a cluster whose only roles and bindings are `objects`. */
export class Rbac {
  constructor(private readonly objects: readonly Obj[]) {}

  /** Whether `user` may `verb` the resource, per the rendered roles and bindings. */
  can(user: UserInfo, a: ResourceAttributes): boolean {
    return this.rulesFor(user, a.namespace).some((r) => ruleAllows(r, a));
  }

  /**
   * Whether `user` may create a RoleBinding in `namespace` to `roleRef`: it needs `create` on rolebindings there and
   * either `bind` on the role or every permission the role grants (RBAC escalation prevention).
   */
  canBind(user: UserInfo, namespace: string, roleRef: { kind: 'Role' | 'ClusterRole'; name: string }): boolean {
    if (!this.can(user, { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'rolebindings', namespace })) return false;
    const bindVerb = { verb: 'bind', group: 'rbac.authorization.k8s.io', resource: roleRef.kind === 'Role' ? 'roles' : 'clusterroles', namespace, name: roleRef.name };
    if (this.can(user, bindVerb)) return true;
    const role = this.role(roleRef.kind, roleRef.name, namespace);
    if (!role) return false;
    const mine = this.rulesFor(user, namespace);
    return ((role['rules'] ?? []) as PolicyRule[]).every((r) => covered(r, mine));
  }

  private role(kind: 'Role' | 'ClusterRole', name: string, namespace?: string): Obj | undefined {
    return this.objects.find((o) => o.kind === kind && o.metadata.name === name && (kind === 'ClusterRole' || o.metadata.namespace === namespace));
  }

  private rulesFor(user: UserInfo, namespace: string | undefined): PolicyRule[] {
    const rules: PolicyRule[] = [];
    for (const b of this.objects) {
      if (b.kind !== 'ClusterRoleBinding' && b.kind !== 'RoleBinding') continue;
      if (b.kind === 'RoleBinding' && (namespace === undefined || b.metadata.namespace !== namespace)) continue;
      if (!((b['subjects'] ?? []) as Subject[]).some((s) => subjectIs(s, user, b.metadata.namespace))) continue;
      const ref = b['roleRef'] as { kind: 'Role' | 'ClusterRole'; name: string };
      const role = this.role(ref.kind, ref.name, b.metadata.namespace);
      rules.push(...(((role?.['rules'] ?? []) as PolicyRule[])));
    }
    return rules;
  }
}

function subjectIs(s: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  if (s.kind === 'User') return s.name === user.username;
  if (s.kind === 'Group') return (user.groups ?? []).includes(s.name);
  return user.username === `system:serviceaccount:${s.namespace || bindingNamespace}:${s.name}`;
}

/** Every (group, resource, verb) of `rule` is allowed by one of `mine`; a wildcard is covered only by a wildcard. */
function covered(rule: PolicyRule, mine: readonly PolicyRule[]): boolean {
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        const ok = mine.some((m) => (m.apiGroups ?? []).some((g) => g === '*' || g === group) && (m.resources ?? []).some((r) => r === '*' || r === resource) && m.verbs.some((v) => v === '*' || v === verb));
        if (!ok) return false;
      }
    }
  }
  return true;
}

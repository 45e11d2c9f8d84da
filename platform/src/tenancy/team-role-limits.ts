import { CROSSPLANE_GROUP_SUFFIXES, PLATFORM_ONLY_GROUPS } from './tenant-guardrails.js';

/** One rule of a team role, as Kubernetes RBAC spells it (no `nonResourceURLs`: a RoleBinding cannot grant them). */
export interface TeamRoleRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** @default - every object of the resources */
  readonly resourceNames?: readonly string[];
}

/** A rule of a team role that would let a team step outside its tenancy: which rule, which entry, and why. */
export interface TeamRoleViolation {
  /** Index of the rule in `rules`. */
  readonly rule: number;
  /** The list of the rule holding the offending entry, and the entry's index in it. */
  readonly field: 'verbs' | 'resources' | 'apiGroups';
  readonly index: number;
  /** `found …; allowed: …`. */
  readonly message: string;
}

const RBAC = 'rbac.authorization.k8s.io';
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
/** Verbs that hand out more than the role holds: binding or escalating roles, acting as another identity. */
export const ESCALATING_VERBS: readonly string[] = ['bind', 'escalate', 'impersonate'];

/**
 * What a team role may never grant, with what the guardrails assume about it. Group `*` in a pattern means any
 * group; a function matches group names (Crossplane's groups are many). Resource `*` means any resource of the group.
 */
interface Forbidden {
  readonly groups: readonly string[] | ((group: string) => boolean);
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** What the pattern guards, e.g. `writes to rbac.authorization.k8s.io/rolebindings`, after "team roles never grant". */
  readonly what: string;
  /** Why, and what a team role may do instead (the "allowed" of the message). */
  readonly allowed: string;
}

/**
 * Kinds that exist only at cluster scope, in Kubernetes and in the add-ons the platform runs. A RoleBinding never
 * grants them (except a namespace's own Namespace object), so a rule naming them is a mistake at best.
 */
export const CLUSTER_SCOPED: Readonly<Record<string, readonly string[]>> = {
  '': ['componentstatuses', 'namespaces', 'nodes', 'persistentvolumes'],
  'admissionregistration.k8s.io': ['mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'validatingwebhookconfigurations'],
  'apiextensions.k8s.io': ['customresourcedefinitions'],
  'apiregistration.k8s.io': ['apiservices'],
  'certificates.k8s.io': ['certificatesigningrequests'],
  'external-secrets.io': ['clusterexternalsecrets', 'clustersecretstores'],
  'flowcontrol.apiserver.k8s.io': ['flowschemas', 'prioritylevelconfigurations'],
  'networking.k8s.io': ['ingressclasses', 'ipaddresses', 'servicecidrs'],
  'node.k8s.io': ['runtimeclasses'],
  [RBAC]: ['clusterrolebindings', 'clusterroles'],
  'scheduling.k8s.io': ['priorityclasses'],
  'storage.k8s.io': ['csidrivers', 'csinodes', 'storageclasses', 'volumeattachments'],
};

const isCrossplane = (g: string) => CROSSPLANE_GROUP_SUFFIXES.some((s) => g.endsWith(s) || g === s.slice(1));

const FORBIDDEN: readonly Forbidden[] = [
  ...Object.entries(CLUSTER_SCOPED).map(([group, resources]): Forbidden => ({
    groups: [group],
    resources: resources.flatMap((r) => [r, `${r}/*`]),
    verbs: ['*'],
    what: 'cluster-scoped resources',
    allowed: 'namespaced resources only (the role is bound by RoleBindings in tenant namespaces; Namespaces, whose labels select the admission guardrails, are the platform\'s)',
  })),
  {
    groups: [RBAC],
    resources: ['roles', 'rolebindings'],
    verbs: WRITE,
    what: 'writes to roles and rolebindings',
    allowed: 'get, list, watch (access in tenant namespaces comes from owners[].role in tenants/<team>.yaml)',
  },
  {
    groups: [''],
    resources: ['resourcequotas', 'limitranges'],
    verbs: WRITE,
    what: 'writes to quotas and limit ranges',
    allowed: 'get, list, watch (quotas and limit ranges are set from tenants/<team>.yaml)',
  },
  {
    groups: ['networking.k8s.io'],
    resources: ['networkpolicies'],
    verbs: WRITE,
    what: 'writes to network policies',
    allowed: 'get, list, watch (network policies are changed by the built-in edit and admin roles, egress only from tenants/<team>.yaml)',
  },
  {
    groups: [''],
    resources: ['serviceaccounts', 'users', 'groups', 'uids', 'userextras/*'],
    verbs: ['impersonate'],
    what: 'impersonation',
    allowed: 'the team\'s own identity (no impersonate)',
  },
  {
    groups: ['authentication.k8s.io'],
    resources: ['userextras/*', 'uids'],
    verbs: ['impersonate'],
    what: 'impersonation',
    allowed: 'the team\'s own identity (no impersonate)',
  },
  {
    groups: [''],
    resources: ['serviceaccounts/token'],
    verbs: ['create'],
    what: 'minting ServiceAccount tokens',
    allowed: 'no serviceaccounts/token (tokens are never minted by hand; workloads get theirs projected)',
  },
  {
    groups: isCrossplane,
    resources: ['*'],
    verbs: WRITE,
    what: 'writes to Crossplane kinds',
    allowed: 'get, list, watch (cloud resources are declared in tenants/<team>.yaml and created by the platform)',
  },
  {
    groups: PLATFORM_ONLY_GROUPS,
    resources: ['*'],
    verbs: WRITE,
    what: 'writes to kinds only platform controllers write',
    allowed: 'get, list, watch (certificates, Traefik routes and load balancer bindings are made by the platform from Ingresses and Services)',
  },
];

const groupHit = (rule: TeamRoleRule, p: Forbidden) =>
  rule.apiGroups.findIndex((g) => g === '*' || (typeof p.groups === 'function' ? p.groups(g) : p.groups.includes(g)));
// Whether RBAC rule resource `r` reaches forbidden resource `f`: `*`, `*/<subresource>`, `<kind>/*` (every subresource of a kind).
function reaches(r: string, f: string): boolean {
  if (r === '*' || f === '*' || r === f) return true;
  if (f.endsWith('/*') && (r.startsWith(f.slice(0, -1)) || r.startsWith('*/'))) return true;
  return r.startsWith('*/') && f.endsWith(r.slice(1));
}
const resourceHit = (rule: TeamRoleRule, p: Forbidden) => rule.resources.findIndex((r) => p.resources.some((f) => reaches(r, f)));
const verbHit = (rule: TeamRoleRule, p: Forbidden) => rule.verbs.findIndex((v) => v === '*' || p.verbs.includes('*') || p.verbs.includes(v));

const shown = (group: string, resource: string) => (group === '' ? resource : `${group}/${resource}`);

/**
 * The rules of a team role that would let a team step outside its tenancy, one violation per rule at most (the
 * first forbidden pattern it matches). Wildcards count for everything they match: `verbs: ['*']` on
 * `rolebindings` writes them, `resources: ['*']` in the core group reaches resource quotas. What stays true for the
 * guardrails: no team role changes RBAC, quotas, limit ranges, network policies or Namespaces (whose labels and
 * annotations select and feed the admission policies), none names a cluster-scoped kind, none impersonates, mints
 * tokens or writes what only platform controllers write.
 */
export function teamRoleViolations(rules: readonly TeamRoleRule[]): TeamRoleViolation[] {
  return rules.flatMap((rule, i): TeamRoleViolation[] => {
    const escalating = rule.verbs.findIndex((v) => ESCALATING_VERBS.includes(v));
    if (escalating >= 0) {
      const message = `found verb "${rule.verbs[escalating]}"; allowed: verbs other than ${ESCALATING_VERBS.join(', ')} (they grant more than the role holds)`;
      return [{ rule: i, field: 'verbs', index: escalating, message }];
    }
    for (const p of FORBIDDEN) {
      const [g, r, v] = [groupHit(rule, p), resourceHit(rule, p), verbHit(rule, p)];
      if (g < 0 || r < 0 || v < 0) continue;
      const [group, resource, verb] = [rule.apiGroups[g]!, rule.resources[r]!, rule.verbs[v]!];
      const message = `found verb "${verb}" on ${shown(group, resource)}, which team roles never grant (${p.what}); allowed: ${p.allowed}`;
      // Point at the entry that makes it forbidden: the verb for a write, the resource for a kind no verb may reach.
      const [field, index] = p.verbs.includes('*') ? (['resources', r] as const) : (['verbs', v] as const);
      return [{ rule: i, field, index, message }];
    }
    return [];
  });
}

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** The built-in access levels a tenant owner can be given; each is a platform ClusterRole `tenant-<level>`. */
export const BUILT_IN_TENANT_ROLES = ['admin', 'edit', 'view'] as const;
export type TenantAccess = (typeof BUILT_IN_TENANT_ROLES)[number];

/** Label on every ClusterRole tenants are bound to. */
export const TENANCY_LABEL = 'platform.example.com/tenancy';

/** Name of the platform ClusterRole for an access level. Bound only through RoleBindings in tenant namespaces. */
export const tenantClusterRole = (access: TenantAccess) => `tenant-${access}`;

interface Rule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** What a tenant may see in its namespaces: workloads and their plumbing, never Crossplane or cluster-scoped kinds. */
const VISIBLE: readonly Rule[] = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'events', 'limitranges', 'persistentvolumeclaims', 'pods', 'pods/log', 'resourcequotas', 'serviceaccounts', 'services'] },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets'] },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'] },
  { apiGroups: ['monitoring.coreos.com'], resources: ['podmonitors', 'prometheusrules', 'servicemonitors'] },
  { apiGroups: ['external-secrets.io'], resources: ['externalsecrets'] },
  { apiGroups: ['image.toolkit.fluxcd.io'], resources: ['imagepolicies', 'imagerepositories'] },
];

/** What `edit` may change: the same kinds minus the quota, limit range and events the platform owns. */
const CHANGEABLE: readonly Rule[] = [
  { apiGroups: [''], resources: ['configmaps', 'persistentvolumeclaims', 'pods', 'secrets', 'serviceaccounts', 'services'] },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'] },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'] },
  { apiGroups: ['monitoring.coreos.com'], resources: ['podmonitors', 'prometheusrules', 'servicemonitors'] },
  { apiGroups: ['external-secrets.io'], resources: ['externalsecrets'] },
  { apiGroups: ['image.toolkit.fluxcd.io'], resources: ['imagepolicies', 'imagerepositories'] },
];

const rules = (rs: readonly Rule[], verbs: readonly string[]) => rs.map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...verbs] }));

/**
 * The three ClusterRoles tenants get, rendered once per cluster. They list every kind explicitly and carry no
 * aggregation label, so nothing another controller aggregates (Crossplane managed resources, provider configs)
 * ever reaches a tenant. Bound only by RoleBindings, so they grant nothing cluster-scoped.
 */
export class TenantClusterRoles extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const view = rules(VISIBLE, READ);
    const edit = [
      ...view,
      ...rules(CHANGEABLE, WRITE),
      { apiGroups: [''], resources: ['secrets'], verbs: READ },
      { apiGroups: [''], resources: ['pods/exec', 'pods/portforward'], verbs: ['create', 'get'] },
      { apiGroups: ['apps'], resources: ['deployments/scale', 'statefulsets/scale'], verbs: ['get', 'patch', 'update'] },
    ];
    const admin = [
      ...edit,
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: [...READ, ...WRITE] },
    ];
    const roles: [TenantAccess, object[]][] = [['admin', admin], ['edit', edit], ['view', view]];
    for (const [access, rs] of roles) {
      new ApiObject(this, access, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: tenantClusterRole(access), labels: { [TENANCY_LABEL]: 'true' } },
        rules: rs,
      });
    }
  }
}

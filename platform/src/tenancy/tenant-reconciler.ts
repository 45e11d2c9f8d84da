import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';
import { tenantClusterRole } from './tenant-cluster-roles.js';
import { TENANT_LABEL } from './tenant-namespace.js';

export interface TenantReconcilerProps {
  readonly tenant: string;
  /** ServiceAccount name; the tenant's apps Kustomization sets it as `serviceAccountName`. */
  readonly name: string;
  /** The tenant's namespaces: the only places the ServiceAccount gets rights. */
  readonly namespaces: readonly string[];
}

/** Name of the RoleBinding that lets Flux apply the tenant's apps in each of its namespaces. */
export const RECONCILER_BINDING = 'flux-reconciler';

/**
 * The ServiceAccount in flux-system that Flux impersonates for the tenant's apps, and a RoleBinding to
 * `tenant-admin` in each tenant namespace. No ClusterRoleBinding: it can touch nothing outside its namespaces.
 */
export class TenantReconciler extends Construct {
  constructor(scope: Construct, id: string, props: TenantReconcilerProps) {
    super(scope, id);
    new ApiObject(this, 'sa', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: props.name, namespace: FLUX_NAMESPACE, labels: { [TENANT_LABEL]: props.tenant } },
      automountServiceAccountToken: false,
    });
    for (const ns of props.namespaces) {
      new ApiObject(this, `binding-${ns}`, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: RECONCILER_BINDING, namespace: ns },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: tenantClusterRole('admin') },
        subjects: [{ kind: 'ServiceAccount', name: props.name, namespace: FLUX_NAMESPACE }],
      });
    }
  }
}

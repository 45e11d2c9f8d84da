import { Construct } from 'constructs';
import { FluxKustomization } from './flux-kustomization.js';
import { PlatformSync, outPath } from './platform-sync.js';

export interface TenantSyncProps {
  readonly cluster: string;
  readonly tenant: string;
  /** ServiceAccount in flux-system that the apps Kustomization impersonates. */
  readonly reconciler: string;
  /** Whether to reconcile the tenant's apps (false for decommissioned tenants). @default true */
  readonly apps?: boolean;
}

/**
 * A tenant's own failure domain in flux/: `tenant-<team>` (its namespace bundle, applied by the
 * platform) and `apps-<team>` (its workloads, applied as the tenant's ServiceAccount, never as
 * cluster-admin). One tenant's stuck resource never blocks another tenant.
 */
export class TenantSync extends Construct {
  constructor(scope: Construct, id: string, props: TenantSyncProps) {
    super(scope, id);
    const bundle = `tenant-${props.tenant}`;
    new FluxKustomization(this, 'bundle', {
      name: bundle,
      path: outPath(props.cluster, `tenants/${props.tenant}`),
      dependsOn: [PlatformSync.READY],
      timeout: '15m',
    });
    if (props.apps === false) return;
    new FluxKustomization(this, 'apps', {
      name: `apps-${props.tenant}`,
      path: outPath(props.cluster, `apps/${props.tenant}`),
      dependsOn: [bundle],
      serviceAccountName: props.reconciler,
      interval: '5m',
    });
  }
}

import { Construct } from 'constructs';
import { FluxKustomization, type FluxKustomizationProps } from './flux-kustomization.js';
import { PlatformSync, outPath } from './platform-sync.js';
import { fitName } from '../_fit-name.js';

/** Flux labels every object a Kustomization applies with its name, so the name must be a label value: 63 characters. */
export const FLUX_KUSTOMIZATION_NAME_MAX_LENGTH = 63;

/** The tenant's two Kustomizations, `tenant-<team>` and `apps-<team>`, shortened with a stable hash when too long for a label value. */
export function tenantKustomizationNames(tenant: string): { readonly bundle: string; readonly apps: string } {
  return { bundle: fitName('tenant-', tenant, FLUX_KUSTOMIZATION_NAME_MAX_LENGTH), apps: fitName('apps-', tenant, FLUX_KUSTOMIZATION_NAME_MAX_LENGTH) };
}

export interface TenantSyncProps {
  readonly cluster: string;
  readonly tenant: string;
  /** ServiceAccount in flux-system that the apps Kustomization impersonates. */
  readonly reconciler: string;
  /** Whether to reconcile the tenant's apps (false for decommissioned tenants). @default true */
  readonly apps?: boolean;
}

/**
 * The props of the tenant's Kustomizations: `tenant-<team>` (its namespace bundle) and, unless the tenant runs no apps,
 * `apps-<team>`. Data only, so that what reads the Flux graph (the cluster README) need not build the constructs.
 */
export function tenantSyncKustomizations(props: TenantSyncProps): FluxKustomizationProps[] {
  const { bundle, apps } = tenantKustomizationNames(props.tenant);
  const kustomizations: FluxKustomizationProps[] = [
    { name: bundle, path: outPath(props.cluster, `tenants/${props.tenant}`), dependsOn: [PlatformSync.READY], timeout: '15m' },
  ];
  if (props.apps !== false) {
    kustomizations.push({ name: apps, path: outPath(props.cluster, `apps/${props.tenant}`), dependsOn: [bundle], serviceAccountName: props.reconciler, interval: '5m' });
  }
  return kustomizations;
}

/**
 * A tenant's own failure domain in flux/: `tenant-<team>` (its namespace bundle, applied by the
 * platform) and `apps-<team>` (its workloads, applied as the tenant's ServiceAccount, never as
 * cluster-admin). One tenant's stuck resource never blocks another tenant.
 */
export class TenantSync extends Construct {
  constructor(scope: Construct, id: string, props: TenantSyncProps) {
    super(scope, id);
    const [bundle, apps] = tenantSyncKustomizations(props);
    new FluxKustomization(this, 'bundle', bundle!);
    if (apps) new FluxKustomization(this, 'apps', apps);
  }
}

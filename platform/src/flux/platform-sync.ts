import { JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { FluxKustomization } from './flux-kustomization.js';

/**
 * Crossplane packages report `Installed` and `Healthy` conditions, not `Ready`, so kstatus alone
 * would call a Provider current as soon as it exists. This waits until its CRDs are served.
 */
const PROVIDER_HEALTHY = {
  apiVersion: 'pkg.crossplane.io/v1',
  kind: 'Provider',
  current:
    "has(status.conditions) && status.conditions.exists(e, e.type == 'Installed' && e.status == 'True')" +
    " && status.conditions.exists(e, e.type == 'Healthy' && e.status == 'True')",
};

/** Label on the platform's own Kustomizations; the platform Alert selects on it. */
const PLATFORM_LABELS = { 'app.kubernetes.io/part-of': 'platform' };

/** Where a cluster's folder lives in the repository, as a Flux path. */
export const outPath = (cluster: string, folder: string) => `./out/${cluster}/${folder}`;

export interface PlatformSyncProps {
  /** The cluster whose out/ folder is reconciled. */
  readonly cluster: string;
  /** For the management cluster: every cluster whose infra/ it reconciles (itself included). @default [] */
  readonly infraOf?: readonly string[];
  /** Reconcile `images/`: the fleet's image automation (management cluster only). @default false */
  readonly images?: boolean;
}

/**
 * The platform part of a cluster's flux/ layer: `addons` (HelmReleases, Ready once their CRDs
 * are installed) → `providers` (Crossplane provider packages, until Healthy) → `addons-config`
 * (objects of add-on and provider CRDs) → `infra-<cluster>` and `images` (management cluster
 * only), each waiting for everything it applies to become Ready.
 */
export class PlatformSync extends Construct {
  /** The Kustomization every tenant layer depends on. */
  static readonly READY = 'addons-config';
  /** The image automation layer and its folder. */
  static readonly IMAGES = 'images';

  constructor(scope: Construct, id: string, props: PlatformSyncProps) {
    super(scope, id);
    const at = (folder: string) => outPath(props.cluster, folder);
    new FluxKustomization(this, 'addons', { name: 'addons', path: at('addons'), timeout: '15m', labels: PLATFORM_LABELS });
    const providers = new FluxKustomization(this, 'providers', {
      name: 'providers', path: at('providers'), dependsOn: ['addons'], timeout: '10m', labels: PLATFORM_LABELS,
    });
    providers.addJsonPatch(JsonPatch.add('/spec/healthCheckExprs', [PROVIDER_HEALTHY]));
    new FluxKustomization(this, 'addons-config', {
      name: PlatformSync.READY, path: at('addons-config'), dependsOn: ['providers'], labels: PLATFORM_LABELS,
    });
    if (props.images) {
      new FluxKustomization(this, 'images', {
        name: PlatformSync.IMAGES, path: at(PlatformSync.IMAGES), dependsOn: [PlatformSync.READY], labels: PLATFORM_LABELS,
      });
    }
    for (const c of props.infraOf ?? []) {
      new FluxKustomization(this, `infra-${c}`, {
        name: `infra-${c}`,
        path: outPath(c, 'infra'),
        dependsOn: [PlatformSync.READY],
        timeout: '30m',
        interval: '30m',
        labels: PLATFORM_LABELS,
      });
    }
  }
}

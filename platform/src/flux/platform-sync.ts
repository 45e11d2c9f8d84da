import { Construct } from 'constructs';
import { FluxKustomization } from './flux-kustomization.js';

/** Where a cluster's folder lives in the repository, as a Flux path. */
export const outPath = (cluster: string, folder: string) => `./out/${cluster}/${folder}`;

export interface PlatformSyncProps {
  /** The cluster whose out/ folder is reconciled. */
  readonly cluster: string;
  /** For the management cluster: every cluster whose infra/ it reconciles (itself included). @default [] */
  readonly infraOf?: readonly string[];
}

/**
 * The platform part of a cluster's flux/ layer: `addons` → `addons-config` → `infra-<cluster>`
 * (management cluster only), each waiting for everything it applies to become Ready.
 */
export class PlatformSync extends Construct {
  /** The Kustomization every tenant layer depends on. */
  static readonly READY = 'addons-config';

  constructor(scope: Construct, id: string, props: PlatformSyncProps) {
    super(scope, id);
    const at = (folder: string) => outPath(props.cluster, folder);
    new FluxKustomization(this, 'addons', { name: 'addons', path: at('addons'), timeout: '15m' });
    new FluxKustomization(this, 'addons-config', { name: PlatformSync.READY, path: at('addons-config'), dependsOn: ['addons'] });
    for (const c of props.infraOf ?? []) {
      new FluxKustomization(this, `infra-${c}`, {
        name: `infra-${c}`,
        path: outPath(c, 'infra'),
        dependsOn: [PlatformSync.READY],
        timeout: '30m',
        interval: '30m',
      });
    }
  }
}

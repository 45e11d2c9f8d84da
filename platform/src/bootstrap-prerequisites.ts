import { FLUX_NAMESPACE } from './flux/flux-kustomization.js';

/** A Secret, ConfigMap or ServiceAccount that exists in a cluster before Flux applies out/, made by the bootstrap and never in Git. */
export interface BootstrapPrerequisite {
  readonly kind: 'Secret' | 'ConfigMap' | 'ServiceAccount';
  readonly namespace: string;
  readonly name: string;
  /** Who makes it, e.g. `flux bootstrap`. */
  readonly madeBy: string;
  /** What reads it. */
  readonly readBy: string;
}

/**
 * The one list of objects that out/ may read without producing them. `docs/bootstrap.md` shows this list (a test
 * keeps the two equal) and `validate --charts` accepts a reference to anything in it; every other Secret or
 * ConfigMap a pod or a Flux object reads, and every ServiceAccount given an AWS role, must come from out/, a chart,
 * an ExternalSecret, a Certificate, a Crossplane connection secret or runtime config, or an add-on's own controller.
 */
export const BOOTSTRAP_PREREQUISITES: readonly BootstrapPrerequisite[] = [
  {
    kind: 'Secret',
    namespace: FLUX_NAMESPACE,
    name: 'flux-system',
    madeBy: '`flux bootstrap` (the deploy key)',
    readBy: 'the `flux-system` GitRepository, and image automation pushing tag bumps',
  },
  {
    kind: 'ServiceAccount',
    namespace: FLUX_NAMESPACE,
    name: 'image-reflector-controller',
    madeBy: '`flux bootstrap --components-extra=image-reflector-controller,…`',
    readBy: 'the Pod Identity association of the management cluster\'s image automation (reads ECR)',
  },
];

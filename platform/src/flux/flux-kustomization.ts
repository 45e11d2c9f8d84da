import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/** The namespace and GitRepository that `flux bootstrap` creates in every cluster. */
export const FLUX_NAMESPACE = 'flux-system';
export const FLUX_SOURCE = 'flux-system';
/** The ServiceAccount platform layers impersonate; under the multi-tenancy lockdown it is the only cluster-admin. */
export const PLATFORM_RECONCILER = 'kustomize-controller';

export interface FluxKustomizationProps {
  /** metadata.name, e.g. `addons` or `tenant-payments`. */
  readonly name: string;
  /** Path in the repository, e.g. `./out/production/addons`. */
  readonly path: string;
  /** Names of Kustomizations in flux-system that must be Ready first. @default [] */
  readonly dependsOn?: readonly string[];
  /**
   * ServiceAccount in flux-system to impersonate.
   * @default PLATFORM_RECONCILER
   */
  readonly serviceAccountName?: string;
  /** Health-check every applied object. @default true */
  readonly wait?: boolean;
  /** @default '5m' */
  readonly timeout?: string;
  /** @default '10m' */
  readonly interval?: string;
  /** @default '2m' */
  readonly retryInterval?: string;
  /** @default - none */
  readonly labels?: Record<string, string>;
}

/** A Flux Kustomization (kustomize.toolkit.fluxcd.io/v1) that reconciles one folder of out/<cluster>. */
export class FluxKustomization extends ApiObject {
  constructor(scope: Construct, id: string, props: FluxKustomizationProps) {
    const dependsOn = props.dependsOn ?? [];
    super(scope, id, {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: props.name, namespace: FLUX_NAMESPACE, labels: props.labels },
      spec: {
        interval: props.interval ?? '10m',
        retryInterval: props.retryInterval ?? '2m',
        timeout: props.timeout ?? '5m',
        path: props.path,
        prune: true,
        wait: props.wait ?? true,
        sourceRef: { kind: 'GitRepository', name: FLUX_SOURCE },
        serviceAccountName: props.serviceAccountName ?? PLATFORM_RECONCILER,
        dependsOn: dependsOn.length > 0 ? dependsOn.map((name) => ({ name })) : undefined,
      },
    });
  }
}

import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { parseEcrImage } from './ecr-image.js';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';

/**
 * Namespace of the ImageUpdateAutomation, and so of every ImagePolicy it applies: Flux resolves
 * references only within one namespace (`--no-cross-namespace-refs`), and the automation's Git
 * write credentials must stay out of reach of tenants.
 */
export const IMAGE_POLICY_NAMESPACE = FLUX_NAMESPACE;

/** Name of an app's ImageRepository and ImagePolicy; the setter markers name it too. */
export const imagePolicyName = (tenant: string, app: string) => `${tenant}-${app}`;

export interface AppImagePolicyProps {
  /** Name of both objects, `<tenant>-<app>`: the setter markers refer to it. */
  readonly name: string;
  /** Namespace of the ImageUpdateAutomation that applies the policies (Flux refs stay in one namespace). */
  readonly namespace: string;
  readonly labels: Record<string, string>;
  /** Image repository to scan, without tag. */
  readonly repository: string;
  /** Semver range of tags to follow, e.g. `^1.42.0`. */
  readonly semverRange: string;
  /** @default '5m' */
  readonly interval?: string;
  /**
   * How the image-reflector-controller authenticates to the registry (ImageRepository `spec.provider`).
   * @default - 'aws' for an ECR image (the controller's own AWS identity), else none: an anonymous scan
   */
  readonly provider?: 'generic' | 'aws';
}

/**
 * A Flux ImageRepository scanning an app's image and an ImagePolicy choosing the newest tag in a
 * semver range (image.toolkit.fluxcd.io/v1). Image automation writes that tag to every line that
 * carries the marker `{"$imagepolicy": "<namespace>:<name>"}` (or `...:tag` on a bare tag).
 * An ECR image is scanned with `provider: aws`: the controller logs in with its own AWS identity.
 */
export class AppImagePolicy extends Construct {
  constructor(scope: Construct, id: string, props: AppImagePolicyProps) {
    super(scope, id);
    const metadata = { name: props.name, namespace: props.namespace, labels: props.labels };
    const provider = props.provider ?? (parseEcrImage(props.repository) ? 'aws' : undefined);
    new ApiObject(this, 'repository', {
      apiVersion: 'image.toolkit.fluxcd.io/v1',
      kind: 'ImageRepository',
      metadata,
      spec: { image: props.repository, interval: props.interval ?? '5m', ...(provider ? { provider } : {}) },
    });
    new ApiObject(this, 'policy', {
      apiVersion: 'image.toolkit.fluxcd.io/v1',
      kind: 'ImagePolicy',
      metadata,
      spec: { imageRepositoryRef: { name: props.name }, policy: { semver: { range: props.semverRange } } },
    });
  }
}

/**
 * The semver range an image follows: every release of its current major (`^<major>.0.0`; for 0.x,
 * of its current minor, `^0.<minor>.0`), undefined when the tag is not semver. The range depends
 * only on what a bump inside it keeps, so an automated bump never changes the rendered policy.
 */
export function semverRangeOf(tag: string): string | undefined {
  const m = /^v?([0-9]+)\.([0-9]+)\.[0-9]+$/.exec(tag);
  if (!m) return undefined;
  return m[1] === '0' ? `^0.${m[2]}.0` : `^${m[1]}.0.0`;
}

import { type EcrRepositoryRef, IMAGE_POLICY_NAMESPACE, ecrImage, imagePolicyName, parseEcrImage, semverRangeOf } from '@platform/platform';
import type { Fleet, LoadedApp } from './model.js';

/** The setter marker an app file carries after its tag to have image automation follow it. */
export function imageMarkerOf(app: LoadedApp): string {
  return `{"$imagepolicy": "${IMAGE_POLICY_NAMESPACE}:${imagePolicyName(app.tenant, app.spec.name)}:tag"}`;
}

/**
 * Whether image automation follows the app: its tag is semver and the app file carries the
 * setter marker after it. Only then are its ImagePolicy and the marker on the rendered image line
 * rendered, so the automation never rewrites out/ without the app file.
 */
export function followsImagePolicy(app: LoadedApp): boolean {
  return semverRangeOf(app.spec.image.tag) !== undefined && app.source.trailingComment(['image', 'tag']) === imageMarkerOf(app);
}

const followedByFleet = new WeakMap<Fleet, readonly LoadedApp[]>();

/**
 * The apps of the fleet that image automation follows: marker on a semver tag, tenant not
 * decommissioned. Worked out once per fleet: every tenant of every cluster asks.
 */
export function followedApps(fleet: Fleet): readonly LoadedApp[] {
  let followed = followedByFleet.get(fleet);
  if (!followed) {
    const running = new Set(fleet.tenants.filter((t) => !t.spec.decommissioned).map((t) => t.spec.name));
    followed = fleet.apps.filter((a) => running.has(a.tenant) && followsImagePolicy(a));
    followedByFleet.set(fleet, followed);
  }
  return followed;
}

/**
 * The ECR repositories of the followed apps, once each, sorted by image: the management cluster's
 * image-reflector-controller reads exactly these, and only their repository policies admit it.
 */
export function followedEcrRepositories(fleet: Fleet): EcrRepositoryRef[] {
  const byImage = new Map<string, EcrRepositoryRef>();
  for (const a of followedApps(fleet)) {
    const ref = parseEcrImage(a.spec.image.repository);
    if (ref) byImage.set(ecrImage(ref), ref);
  }
  return [...byImage].sort(([a], [b]) => a.localeCompare(b)).map(([, ref]) => ref);
}

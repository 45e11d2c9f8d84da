import { IMAGE_POLICY_NAMESPACE, imagePolicyName, semverRangeOf } from '@platform/platform';
import type { LoadedApp } from './model.js';

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

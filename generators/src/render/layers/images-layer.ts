import { AppImagePolicy, IMAGE_POLICY_NAMESPACE, ImageUpdateAutomation, PlatformSync, appLabels, imagePolicyName, semverRangeOf } from '@platform/platform';
import type { ClusterContext } from '../cluster-context.js';
import { followedApps } from '../../image-automation.js';

/** The branch the automation pushes tag bumps to; `.github/workflows/image-updates.yml` turns it into a PR. */
export const IMAGE_UPDATES_BRANCH = 'image-updates';
/** The author of the automation's commits. */
export const IMAGE_UPDATES_AUTHOR = { name: 'platform-bot', email: 'platform-bot@example.com' };

/**
 * images/ (management cluster only): one ImageRepository and ImagePolicy per app of the fleet that
 * image automation follows (semver tag with its setter marker), and the one ImageUpdateAutomation that rewrites the tag setters in apps/ and out/
 * and pushes them to the `image-updates` branch. One cluster owns it, so bumps are never pushed twice.
 * ECR images are scanned with `provider: aws`, as the controller's role (see the infra layer).
 */
export function renderImagesLayer(ctx: ClusterContext): void {
  if (!ctx.cluster.spec.management) return;
  const folder = PlatformSync.IMAGES;
  ctx.fluxPaths.add(folder);
  for (const a of followedApps(ctx.fleet)) {
    const range = semverRangeOf(a.spec.image.tag);
    if (!range) continue;
    const name = imagePolicyName(a.tenant, a.spec.name);
    const props = { name, namespace: IMAGE_POLICY_NAMESPACE, labels: appLabels({ name: a.spec.name, tenant: a.tenant }), repository: a.spec.image.repository, semverRange: range };
    ctx.unit(`images-${name}`, folder, [a.source.path], props, (chart, p) => new AppImagePolicy(chart, name, p));
  }
  const chart = ctx.chart('images-automation', folder, [ctx.cluster.source.path]);
  new ImageUpdateAutomation(chart, 'automation', {
    name: 'apps',
    namespace: IMAGE_POLICY_NAMESPACE,
    checkoutBranch: 'main',
    pushBranch: IMAGE_UPDATES_BRANCH,
    author: IMAGE_UPDATES_AUTHOR,
    // apps/ and out/: the app file's tag and every rendered image line change in one commit.
    updatePath: './',
    labels: { 'app.kubernetes.io/part-of': 'platform' },
  });
}

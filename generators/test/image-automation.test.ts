import { describe, expect, it } from 'vitest';
import { followsImagePolicy, imageMarkerOf } from '../src/image-automation.js';
import { SourceFile } from '../src/load/source-file.js';
import type { LoadedApp } from '../src/model.js';

function app(tagLine: string): LoadedApp {
  const source = SourceFile.parse('apps/shop/web.yaml', `name: web\nimage:\n  repository: ghcr.io/acme/web\n  ${tagLine}\n`) as SourceFile;
  return { tenant: 'shop', source, spec: source.data as LoadedApp['spec'] };
}

describe('image automation', () => {
  it('names the app policy in flux-system in the marker', () => {
    expect(imageMarkerOf(app('tag: 1.0.0'))).toBe('{"$imagepolicy": "flux-system:shop-web:tag"}');
  });

  it('follows an app only when its semver tag carries exactly its marker', () => {
    expect(followsImagePolicy(app('tag: 1.4.2 # {"$imagepolicy": "flux-system:shop-web:tag"}'))).toBe(true);
    expect(followsImagePolicy(app('tag: 1.4.2'))).toBe(false);
    expect(followsImagePolicy(app('tag: 1.4.2 # {"$imagepolicy": "flux-system:shop-api:tag"}'))).toBe(false);
    expect(followsImagePolicy(app('tag: main-3f9c2e1 # {"$imagepolicy": "flux-system:shop-web:tag"}'))).toBe(false);
  });
});

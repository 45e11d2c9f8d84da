import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { PlatformSync } from '../../src/flux/platform-sync.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

type Ks = { metadata: { name: string; labels?: Record<string, string> }; spec: Record<string, any> };

function render(infraOf: string[] = [], images = false): Ks[] {
  const chart = new Chart(Testing.app(), 'test');
  new PlatformSync(chart, 'platform', { cluster: 'staging', infraOf, images });
  const objs = chart.toJson() as Ks[];
  for (const o of objs) expect(validateManifest(o as unknown as Record<string, unknown>)).toEqual([]);
  return objs;
}

describe('PlatformSync', () => {
  it('orders addons → providers → addons-config → infra-<cluster>, each waiting for what it applies', () => {
    const objs = render(['staging', 'production']);
    expect(objs.map((o) => `${o.metadata.name} <- ${(o.spec.dependsOn ?? []).map((d: { name: string }) => d.name).join(',')} wait=${o.spec.wait}`)).toEqual([
      'addons <-  wait=true',
      'providers <- addons wait=true',
      'addons-config <- providers wait=true',
      'infra-staging <- addons-config wait=true',
      'infra-production <- addons-config wait=true',
    ]);
    expect(objs.every((o) => o.metadata.labels?.['app.kubernetes.io/part-of'] === 'platform')).toBe(true);
    expect(PlatformSync.READY).toBe('addons-config');
  });

  it('waits until every Crossplane provider package is Installed and Healthy', () => {
    const providers = render().find((o) => o.metadata.name === 'providers')!;
    expect(providers.spec.path).toBe('./out/staging/providers');
    expect(providers.spec.healthCheckExprs).toEqual([
      {
        apiVersion: 'pkg.crossplane.io/v1',
        kind: 'Provider',
        current:
          "has(status.conditions) && status.conditions.exists(e, e.type == 'Installed' && e.status == 'True')" +
          " && status.conditions.exists(e, e.type == 'Healthy' && e.status == 'True')",
      },
    ]);
  });

  it('GIVEN the management cluster WHEN images is on THEN an images layer after the platform layers reconciles out/<cluster>/images', () => {
    const objs = render(['staging'], true);
    const images = objs.find((o) => o.metadata.name === 'images')!;
    expect(images.spec).toMatchObject({ path: './out/staging/images', dependsOn: [{ name: 'addons-config' }], wait: true, prune: true });
    expect(images.spec.serviceAccountName).toBe('kustomize-controller');
    expect(render().map((o) => o.metadata.name)).not.toContain('images');
  });
});

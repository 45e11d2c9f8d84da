import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, copyFixture, loadProblems } from './_fixtures.js';

const fixture = join(FIXTURES, 'fleet-small');

/** Appends `extra` to a cluster file of the small fleet, loads it and returns the printed problems. */
function problemsOf(cluster: string, extra: string): string[] {
  const dir = copyFixture('addon-rules-', 'fleet-small');
  const file = join(dir, 'clusters', `${cluster}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8') + extra);
  return loadProblems(dir);
}

const ALLOWED =
  'allowed: aws-load-balancer-controller, cert-manager, cluster-autoscaler, crossplane, dex, external-dns, external-secrets, fluent-bit, grafana, kube-prometheus-stack, loki, metrics-server, reloader, thanos, traefik';

describe('add-on rules', () => {
  it('accepts known add-on names', () => {
    expect(problemsOf('prod', 'addons:\n  thanos:\n    enabled: false\n  traefik:\n    values: {}\n')).toEqual([]);
  });

  it('rejects an unknown add-on name at its key, suggesting the closest one', () => {
    const lines = readFileSync(join(fixture, 'clusters', 'prod.yaml'), 'utf8').split('\n').length;
    expect(problemsOf('prod', 'addons:\n  cert-manger:\n    enabled: false\n')).toEqual([
      `clusters/prod.yaml:${lines + 1}:3: addons.cert-manger: unknown add-on "cert-manger" (did you mean "cert-manager"?); ${ALLOWED}`,
    ]);
  });

  it('gives no suggestion when nothing is close', () => {
    expect(problemsOf('prod', 'addons:\n  istio:\n    enabled: true\n')[0]).toContain(`unknown add-on "istio"; ${ALLOWED}`);
  });

  it('GIVEN grafana on WHEN dex is switched off THEN the error is at addons.dex.enabled, naming why', () => {
    const lines = readFileSync(join(fixture, 'clusters', 'prod.yaml'), 'utf8').split('\n').length;
    expect(problemsOf('prod', 'addons:\n  dex:\n    enabled: false\n')).toEqual([
      `clusters/prod.yaml:${lines + 2}:14: addons.dex.enabled: found false while grafana is on; allowed: true (people log in to Grafana through Dex), or switch grafana off too`,
    ]);
    expect(problemsOf('prod', 'addons:\n  dex:\n    enabled: false\n  grafana:\n    enabled: false\n')).toEqual([]);
  });

  it('keeps Crossplane on in the management cluster', () => {
    expect(problemsOf('mgmt', 'addons:\n  crossplane:\n    enabled: false\n')[0]).toMatch(
      /^clusters\/mgmt\.yaml:\d+:\d+: addons\.crossplane\.enabled: found false in the management cluster; allowed: true \(its Crossplane owns every cluster's infrastructure\)$/,
    );
  });

  it('GIVEN a Kubernetes version without a cluster-autoscaler release WHEN loaded THEN the version is named with the ones that have one', () => {
    const dir = copyFixture('addon-rules-', 'fleet-small');
    const file = join(dir, 'clusters', 'prod.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.includes('kubernetes:') ? text.replace(/version: "1\.\d+"/, 'version: "1.29"') : `${text}kubernetes:\n  version: "1.29"\n`);
    expect(loadProblems(dir)).toEqual([
      expect.stringMatching(
        /^clusters\/prod\.yaml:\d+:\d+: kubernetes\.version: found "1\.29", which has no cluster-autoscaler release; allowed: 1\.32, 1\.33, 1\.34, 1\.35 \(or switch the add-on off with addons\.cluster-autoscaler\.enabled: false\)$/,
      ),
    ]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}addons:\n  cluster-autoscaler:\n    enabled: false\n`);
    expect(loadProblems(dir)).toEqual([]);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../validate/real-crds.js';

interface Manager {
  readonly description: string;
  readonly managerFilePatterns: string[];
  readonly matchStrings: string[];
}
const config = JSON.parse(readFileSync(join(REPO_ROOT, '.github/renovate.json'), 'utf8')) as { customManagers: Manager[] };
const appManagers = config.customManagers.filter((m) => m.managerFilePatterns.some((p) => p.includes('apps/')));
/** What Renovate's regex managers would capture in one app file (their patterns use no RE2-only syntax, so JS runs them alike). */
const captures = (text: string) =>
  appManagers.flatMap((m) => m.matchStrings.flatMap((s) => [...text.matchAll(new RegExp(s, 'g'))].map((x) => `${x.groups!['depName']}:${x.groups!['currentValue']}`)));

describe('.github/renovate.json', () => {
  it('GIVEN an app tag followed by Flux image automation ($imagepolicy marker) WHEN Renovate reads the file THEN it leaves the tag to Flux', () => {
    const refund = readFileSync(join(REPO_ROOT, 'apps/payments/refund-worker.yaml'), 'utf8');
    expect(refund).toContain('$imagepolicy');
    expect(captures(refund)).toEqual([]);
  });

  it('GIVEN an app tag without a marker, with comments between image:, repository: and tag: WHEN Renovate reads it THEN it proposes bumps', () => {
    const text = 'name: a\nimage:\n  # where it is built\n  repository: ghcr.io/acme/api\n  # pinned\n  tag: "1.4.2"\nport: 8080\n';
    expect(captures(text)).toEqual(['ghcr.io/acme/api:1.4.2']);
    expect(captures('image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.2')).toEqual(['ghcr.io/acme/api:1.4.2']);
  });

  it('GIVEN every example app WHEN both bots read it THEN each image has exactly one owner', () => {
    for (const tenant of readdirSync(join(REPO_ROOT, 'apps'))) {
      for (const file of readdirSync(join(REPO_ROOT, 'apps', tenant))) {
        const text = readFileSync(join(REPO_ROOT, 'apps', tenant, file), 'utf8');
        const flux = text.includes('$imagepolicy');
        expect(captures(text).length, `${tenant}/${file}`).toBe(flux ? 0 : 1);
      }
    }
  });

  it('GIVEN the images the platform runs itself WHEN Renovate reads platform/src THEN it captures each pinned image, and every image constant there is pinned to a tag', () => {
    const platform = config.customManagers.filter((m) => m.matchStrings.some((s) => s.startsWith('_IMAGE')));
    expect(platform).toHaveLength(1);
    const re = new RegExp(platform[0]!.matchStrings[0]!, 'g');
    const files = ['addons/grafana-metrics-proxy.ts', 'addons/loki-read-gateway.ts', 'addons-config/grafana-org-sync.ts'].map((f) => readFileSync(join(REPO_ROOT, 'platform/src', f), 'utf8'));
    const found = files.flatMap((text) => [...text.matchAll(re)].map((x) => `${x.groups!['depName']}:${x.groups!['currentValue']}`));
    expect(found).toEqual(['quay.io/prometheuscommunity/prom-label-proxy:v0.12.0', 'docker.io/nginxinc/nginx-unprivileged:1.28.0-alpine', 'docker.io/library/python:3.13.9-alpine3.22']);
    for (const text of files) expect([...text.matchAll(/_IMAGE = '([^']+)'/g)].length).toBe([...text.matchAll(re)].length);
  });
});

import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppImagePolicy, semverRangeOf } from '../../src/workloads/app-image-policy.js';

describe('semverRangeOf', () => {
  it('follows the current major (or 0.x minor), so a bump inside the range never changes the range', () => {
    expect(semverRangeOf('1.42.0')).toBe('^1.0.0');
    expect(semverRangeOf('1.43.7')).toBe('^1.0.0');
    expect(semverRangeOf('v3.0.1')).toBe('^3.0.0');
    expect(semverRangeOf('0.9.4')).toBe('^0.9.0');
    expect(semverRangeOf('main-3f9c2e1')).toBeUndefined();
    expect(semverRangeOf('2026.11.3')).toBe('^2026.0.0');
  });
});

describe('AppImagePolicy', () => {
  it('emits an ImageRepository and an ImagePolicy of the same name that the setter markers refer to', () => {
    const chart = new Chart(new App(), 'c');
    new AppImagePolicy(chart, 'p', { name: 'shop-web', namespace: 'flux-system', labels: {}, repository: 'ghcr.io/acme/web', semverRange: '^1.0.0' });
    expect(chart.toJson()).toEqual([
      { apiVersion: 'image.toolkit.fluxcd.io/v1', kind: 'ImageRepository', metadata: { name: 'shop-web', namespace: 'flux-system' }, spec: { image: 'ghcr.io/acme/web', interval: '5m' } },
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1', kind: 'ImagePolicy', metadata: { name: 'shop-web', namespace: 'flux-system' },
        spec: { imageRepositoryRef: { name: 'shop-web' }, policy: { semver: { range: '^1.0.0' } } },
      },
    ]);
  });

  it('GIVEN an ECR image WHEN rendered THEN the ImageRepository scans with provider aws; an explicit provider wins', () => {
    const chart = new Chart(new App(), 'c');
    const ecr = '222222222222.dkr.ecr.eu-west-2.amazonaws.com/staging-payments-api';
    new AppImagePolicy(chart, 'ecr', { name: 'payments-refund-worker', namespace: 'flux-system', labels: {}, repository: ecr, semverRange: '^2.0.0' });
    new AppImagePolicy(chart, 'generic', { name: 'shop-web', namespace: 'flux-system', labels: {}, repository: ecr, semverRange: '^1.0.0', provider: 'generic' });
    expect(chart.toJson().filter((o: { kind: string }) => o.kind === 'ImageRepository').map((o: { spec: unknown }) => o.spec)).toEqual([
      { image: ecr, interval: '5m', provider: 'aws' },
      { image: ecr, interval: '5m', provider: 'generic' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { App } from '@platform/schemas';
import { appSettings } from '../../src/workloads/app-settings.js';
import { LOADED_DEFAULTS } from './_app.js';

const defaults = { requests: { cpu: '10m', memory: '100Mi' }, limits: { cpu: '1', memory: '1Gi' } };
const app: App = {
  name: 'api',
  image: { repository: 'r/api', tag: '1.0.0' },
  port: 8080,
  namespace: 'jobs',
  replicas: 2,
  resources: { limits: { memory: '512Mi' } },
  env: { A: '1', B: '2' },
  secrets: { DB: { key: 'api/db' } },
  ingress: { host: 'api.staging.example.com', path: '/', public: false },
  serviceAccount: { awsAccess: false },
  environments: { production: { autoscaling: { min: 3, max: 9, targetCPUUtilization: 60 }, env: { B: 'prod' }, resources: { requests: { cpu: '200m' } }, ingress: { host: 'api.example.com' } } },
  ...LOADED_DEFAULTS,
};
const ctx = (environment: 'staging' | 'production') => ({ tenant: 'payments', cluster: environment, environment, defaults });

describe('appSettings', () => {
  it('GIVEN no override for the environment WHEN resolved THEN the app values and tenant defaults apply', () => {
    const s = appSettings(app, ctx('staging'));
    expect(s.namespace).toBe('payments-jobs');
    expect(s.replicas).toBe(2);
    expect(s.autoscaling).toBeUndefined();
    expect(s.resources).toEqual({ requests: { cpu: '10m', memory: '100Mi' }, limits: { cpu: '1', memory: '512Mi' } });
    expect(s.probes.readiness).toEqual({ port: 8080, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 });
    // Relative to the tenant prefix: the tenant's SecretStore adds `<cluster>/<tenant>/`.
    expect(s.secrets).toEqual({ DB: { key: 'api/db', property: undefined } });
    expect(s.ingress?.host).toBe('api.staging.example.com');
  });

  it('GIVEN a production override WHEN resolved THEN it replaces scaling and host and merges env and resources', () => {
    const s = appSettings(app, ctx('production'));
    expect(s.replicas).toBeUndefined();
    expect(s.autoscaling).toEqual({ min: 3, max: 9, targetCPUUtilization: 60 });
    expect(s.env).toEqual({ A: '1', B: 'prod' });
    expect(s.resources.requests.cpu).toBe('200m');
    expect(s.resources.limits.memory).toBe('512Mi');
    expect(s.ingress?.host).toBe('api.example.com');
  });

  it('GIVEN neither replicas nor autoscaling WHEN resolved THEN two pods run', () => {
    const { replicas: _, ...rest } = app;
    expect(appSettings({ ...rest, environments: {} }, ctx('staging')).replicas).toBe(2);
  });

  it('GIVEN connections WHEN resolved THEN each names its kind, resource, connection Secret and key or path', () => {
    const s = appSettings({ ...app, connections: { env: { Q: { fromQueue: 'orders', key: 'url' } }, files: [{ fromRedis: 'cache', path: '/etc/redis' }] } }, ctx('staging'));
    expect(s.connections).toEqual({
      env: { Q: { kind: 'queue', resource: 'orders', secretName: 'orders-queue', key: 'url' } },
      files: [{ kind: 'redis', resource: 'cache', secretName: 'cache-redis', path: '/etc/redis' }],
    });
  });

  it('GIVEN a CronJob WHEN resolved THEN it runs one pod at a time whatever the scaling fields say', () => {
    const s = appSettings({ ...app, kind: 'CronJob', schedule: '0 3 * * *', command: ['sweep'] }, ctx('production'));
    expect([s.kind, s.schedule, s.replicas, s.command]).toEqual(['CronJob', '0 3 * * *', 1, ['sweep']]);
  });
});


import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../src/load/load-fleet.js';
import { resolveApp } from '../src/resolve-app.js';

const fleet = loadFleet(join(import.meta.dirname, 'fixtures', 'fleet-small'));

describe('resolveApp', () => {
  it('fills what the app leaves out from its tenant limit-range defaults', () => {
    const app = fleet.apps[0]!;
    const tenant = fleet.tenants.find((t) => t.spec.name === app.tenant)!.spec;
    const settings = resolveApp(app, tenant, fleet.clusters.find((c) => c.spec.name === 'prod')!.spec);
    expect(settings.resources).toEqual({ requests: { cpu: '10m', memory: '100Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(settings.namespace).toBe('team-a');
  });

  it('GIVEN a tenant whose environment is development on the production cluster WHEN its app is resolved THEN the app runs as development', () => {
    const app = fleet.apps[0]!;
    const tenant = fleet.tenants.find((t) => t.spec.name === app.tenant)!.spec;
    const prod = fleet.clusters.find((c) => c.spec.name === 'prod')!.spec;
    const withOverride = { ...app, spec: { ...app.spec, environments: { development: { replicas: 1 } } } };
    expect(resolveApp(withOverride, tenant, prod).replicas).toBe(2);
    expect(resolveApp(withOverride, { ...tenant, environment: 'development' }, prod).replicas).toBe(1);
  });
});

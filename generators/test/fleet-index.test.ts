import { describe, expect, it } from 'vitest';
import { fleetAppsOf, nestedTenantNames } from '../src/fleet-index.js';
import type { Fleet } from '../src/model.js';

const fleet = {
  clusters: [],
  tenants: ['a', 'a-b', 'a-b-c', 'ab', 'b', 'a--x'].map((name) => ({ spec: { name } })),
  apps: [
    { tenant: 'a', spec: { name: 'web' } },
    { tenant: 'b', spec: { name: 'api' } },
    { tenant: 'a', spec: { name: 'worker' } },
  ],
} as unknown as Fleet;

describe('fleet index', () => {
  it('finds the tenants nested in a name, and nothing that merely shares its letters', () => {
    expect(nestedTenantNames(fleet, 'a')).toEqual(['a--x', 'a-b', 'a-b-c']);
    expect(nestedTenantNames(fleet, 'a-b')).toEqual(['a-b-c']);
    expect(nestedTenantNames(fleet, 'ab')).toEqual([]);
    expect(nestedTenantNames(fleet, 'zzz')).toEqual([]);
  });

  it('looks up the apps of a tenant in file order', () => {
    expect(fleetAppsOf(fleet, 'a').map((x) => x.spec.name)).toEqual(['web', 'worker']);
    expect(fleetAppsOf(fleet, 'c')).toEqual([]);
  });
});

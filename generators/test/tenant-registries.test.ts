import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../src/load/load-fleet.js';
import { tenantRegistryImagesByTenant } from '../src/tenant-registries.js';

describe('tenantRegistryImagesByTenant', () => {
  it('GIVEN tenants with registries on several clusters WHEN indexed THEN each tenant gets its repositories on every one of its clusters, and only its own', () => {
    const fleet = loadFleet(join(import.meta.dirname, 'fixtures', 'ecr-fleet'));
    const byTenant = tenantRegistryImagesByTenant(fleet);
    expect(byTenant.get('shop')).toEqual([
      '222222222222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-tools',
      '222222222222.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-web',
      '333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-shop-tools',
      '333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-shop-web',
    ]);
    expect(byTenant.get('books')).toEqual(['333333333333.dkr.ecr.eu-west-1.amazonaws.com/prod-books-api']);
    expect(tenantRegistryImagesByTenant(fleet)).toBe(byTenant);
  });
});

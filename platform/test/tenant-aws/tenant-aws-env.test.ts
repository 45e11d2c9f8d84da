import { describe, expect, it } from 'vitest';
import { IAM_ROLE_NAME, awsNamePrefix, defaultAwsPrefix, fitName, fittedAwsName, nameRoom, tenantTags } from '../../src/tenant-aws/tenant-aws-env.js';
import { ENV } from './_env.js';

const LONG = 'civil-legal-aid-means-assessment-service-preproduction-teams';

describe('tenant AWS names', () => {
  it('GIVEN tenant names up to 30 characters WHEN their AWS prefix is derived THEN it is the name, so existing AWS names never change', () => {
    expect(defaultAwsPrefix('payments')).toBe('payments');
    expect(defaultAwsPrefix('a'.repeat(30))).toBe('a'.repeat(30));
  });

  it('GIVEN a 60-character tenant name WHEN its AWS prefix is derived THEN it is its first 6 characters and a stable hash, without a trailing "-"', () => {
    expect(defaultAwsPrefix(LONG)).toBe('civil-97d9');
    expect(defaultAwsPrefix(LONG)).toBe(defaultAwsPrefix(LONG));
    expect(defaultAwsPrefix(`${'ab-'.repeat(11)}x`)).toMatch(/^ab-ab-[0-9a-f]{4}$/);
  });

  it('GIVEN a name that fits WHEN fitted THEN it is unchanged; GIVEN one that does not THEN it keeps the head, fits exactly and ends in a hash', () => {
    expect(fitName('stage-shop-', 'logs', 28)).toBe('stage-shop-logs');
    const fitted = fitName('stage-shop-', 'product-catalogue-of-every-country', 28);
    expect(fitted).toBe(`stage-shop-product-cata-${fitted.slice(-4)}`);
    expect(fitted).toHaveLength(28);
    expect(fitName('stage-shop-', 'product-catalogue-of-every-country', 28)).toBe(fitted);
    expect(fitName('stage-shop-', 'product-catalogue-of-every-countries', 28)).not.toBe(fitted);
  });

  it('GIVEN a head that leaves room for the hash only WHEN fitted THEN the name is the head and the hash; GIVEN less THEN it throws', () => {
    expect(fitName('production-civil-97d9-', 'search', 26)).toMatch(/^production-civil-97d9-[0-9a-f]{4}$/);
    expect(() => fitName('production-civil-97d9-', 'search', 25)).toThrow("'production-civil-97d9-search' cannot fit 25 characters after 'production-civil-97d9-'");
    expect(nameRoom('production-civil-97d9-', { what: 'x', max: 28, reserve: '-dlq' })).toBe(2);
  });

  it('GIVEN a tenant with a set AWS prefix WHEN its names and tags are derived THEN they use the prefix, and the role name fits IAM', () => {
    const env = { ...ENV, tenant: LONG, awsPrefix: 'laa-means' };
    expect(awsNamePrefix(env)).toBe('stage-laa-means-');
    expect(tenantTags(env)).toEqual({ 'platform.example.com/tenant': 'laa-means', 'platform.example.com/cluster': 'stage' });
    const role = fittedAwsName(env, IAM_ROLE_NAME, `sa-${'x'.repeat(63)}`);
    expect(role).toHaveLength(64);
    expect(role.startsWith('stage-laa-means-sa-')).toBe(true);
  });
});

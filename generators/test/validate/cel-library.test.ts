import { describe, expect, test } from 'vitest';
import { kubernetesCelEnvironment, parseQuantity } from '../../src/validate/cel-library.js';

function cel(expr: string, self: unknown = null): unknown {
  return kubernetesCelEnvironment().evaluate(expr, { self });
}

describe('Kubernetes CEL library', () => {
  test('quantities compare across suffixes', () => {
    expect(cel("quantity(self).isGreaterThan(quantity('1Gi'))", '2Gi')).toBe(true);
    expect(cel("quantity(self).compareTo(quantity('1k'))", '1000')).toBe(0n);
    expect(cel("quantity('500m').isInteger()")).toBe(false);
    expect(cel("quantity('2k').asInteger()")).toBe(2000n);
    expect(cel('isQuantity(self)', '1.5Gi')).toBe(true);
    expect(cel('isQuantity(self)', '1.5 GB')).toBe(false);
    expect(parseQuantity('1e3')?.value).toBe(1000);
  });

  test('URLs', () => {
    expect(cel('isURL(self)', 'https://example.com:8443/a?b=1')).toBe(true);
    expect(cel('isURL(self)', 'example.com')).toBe(false);
    expect(cel('url(self).getHostname()', 'https://example.com:8443/a')).toBe('example.com');
    expect(cel('url(self).getPort()', 'https://example.com:8443/a')).toBe('8443');
    expect(cel('url(self).getScheme()', 'https://example.com')).toBe('https');
  });

  test('IPs and CIDRs', () => {
    expect(cel("cidr('10.0.0.0/8').containsIP(self)", '10.1.2.3')).toBe(true);
    expect(cel("cidr('10.0.0.0/8').containsCIDR(self)", '10.1.0.0/16')).toBe(true);
    expect(cel("cidr('10.0.0.0/16').containsCIDR(self)", '10.0.0.0/8')).toBe(false);
    expect(cel("cidr('fd00::/8').containsIP(self)", 'fd12::1')).toBe(true);
    expect(cel('isCIDR(self) && cidr(self).prefixLength() == 16', '10.1.0.0/16')).toBe(true);
    expect(cel('isIP(self)', '300.1.1.1')).toBe(false);
    expect(cel('ip(self).family()', '::1')).toBe(6n);
  });

  test('strings, lists and regex', () => {
    expect(cel('self.charAt(1)', 'abc')).toBe('b');
    expect(cel("self.replace('-', '_')", 'a-b-c')).toBe('a_b_c');
    expect(cel("self.replace('-', '_', 1)", 'a-b-c')).toBe('a_b-c');
    expect(cel('self.reverse()', 'abc')).toBe('cba');
    expect(cel('self.isSorted() && self.sum() == 6 && self.max() == 3 && self.min() == 1', [1n, 2n, 3n])).toBe(true);
    expect(cel("self.findAll('[0-9]+')", 'a1b22')).toEqual(['1', '22']);
    expect(cel("self.find('[0-9]+')", 'ab')).toBe('');
  });

  test('semver', () => {
    expect(cel("semver(self).isGreaterThan(semver('1.2.3'))", '1.10.0')).toBe(true);
    expect(cel('isSemver(self)', 'v1.2.3')).toBe(false);
  });

  test('the standard library from cel-js is still there (has, size, filter, matches, duration)', () => {
    expect(cel('[has(self.a), has(self.b)].filter(x, x == true).size() <= 1', { a: 1n })).toBe(true);
    expect(cel("duration(self) >= duration('60s')", '2m')).toBe(true);
    expect(cel("self.matches('^[a-z]+$')", 'abc')).toBe(true);
  });
});

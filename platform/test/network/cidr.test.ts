import { describe, expect, it } from 'vitest';
import { Cidr } from '../../src/network/cidr.js';

describe('Cidr', () => {
  it('parses a network and does the arithmetic subnet planning needs', () => {
    const vpc = Cidr.parse('10.20.0.0/16');
    expect(vpc.size).toBe(65536n);
    expect(vpc.at(8192n, 19).toString()).toBe('10.20.32.0/19');
    expect(vpc.contains(Cidr.parse('10.20.255.0/24'))).toBe(true);
    expect(vpc.contains(Cidr.parse('10.21.0.0/24'))).toBe(false);
    expect(vpc.overlaps(Cidr.parse('10.20.128.0/17'))).toBe(true);
    expect(vpc.overlaps(Cidr.parse('10.21.0.0/16'))).toBe(false);
  });

  it('explains what is wrong with a bad CIDR', () => {
    expect(() => Cidr.parse('10.0.0.1/16')).toThrow("'10.0.0.1/16' has host bits set; the network address is 10.0.0.0/16");
    expect(() => Cidr.parse('10.0.0.0')).toThrow("'10.0.0.0' is not an IPv4 CIDR such as 10.0.0.0/16");
    expect(() => Cidr.parse('300.0.0.0/8')).toThrow('is not an IPv4 CIDR');
  });
});

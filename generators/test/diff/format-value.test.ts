import { describe, expect, test } from 'vitest';
import { formatValue, plural } from '../../src/diff/format-value.js';

describe('formatValue', () => {
  test.each([
    ['10.0.0.0/16', '10.0.0.0/16'],
    [8, '8'],
    [true, 'true'],
    [null, 'null'],
    ['', '""'],
    ['a: b', '"a: b"'],
    [['Observe', 'Create'], '[Observe, Create]'],
    [{ name: 'proxy', ports: [80, 443] }, '{name: proxy, ports: [80, 443]}'],
    ['line one\nline two', '"line one\\nline two"'],
  ])('%j → %s', (value, text) => expect(formatValue(value)).toBe(text));

  test('long values are cut with an ellipsis', () => {
    const text = formatValue('x'.repeat(500), 20);
    expect(text).toHaveLength(20);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('plural', () => {
  test('one and many', () => {
    expect(plural(1, 'change')).toBe('1 change');
    expect(plural(3, 'change')).toBe('3 changes');
  });
});

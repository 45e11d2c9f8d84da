import { describe, expect, test } from 'vitest';
import { apiGroup, describeRef, formatValue, groupChanges, plural, summarize } from '../../src/diff/model.js';
import { sampleReport } from './sample-report.js';

describe('model helpers', () => {
  test('apiGroup', () => {
    expect(apiGroup('v1')).toBe('');
    expect(apiGroup('apps/v1')).toBe('apps');
    expect(apiGroup('s3.aws.m.upbound.io/v1beta1')).toBe('s3.aws.m.upbound.io');
  });

  test('describeRef', () => {
    const ref = { cluster: 'c', layer: 'infra', path: 'p', apiVersion: 'v1', kind: 'Namespace', name: 'a' };
    expect(describeRef(ref)).toBe('Namespace a');
    expect(describeRef({ ...ref, kind: 'ConfigMap', namespace: 'a', name: 'b' })).toBe('ConfigMap a/b');
  });

  test('summarize counts per cluster, sorted', () => {
    expect(summarize(sampleReport())).toEqual([
      { cluster: 'prod', added: 0, changed: 1, removed: 0, destructive: 0 },
      { cluster: 'staging', added: 1, changed: 1, removed: 2, destructive: 2 },
    ]);
  });

  test('groupChanges keeps clusters and layers in report order', () => {
    const grouped = groupChanges(sampleReport().changes);
    expect([...grouped.keys()]).toEqual(['prod', 'staging']);
    expect([...(grouped.get('staging')?.keys() ?? [])]).toEqual(['tenants/team-a', 'tenants/team-b', 'tenants/team-c']);
  });
});

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

import { describe, expect, test } from 'vitest';
import { apiGroup, describeRef, groupChanges, summarize } from '../../src/diff/model.js';
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

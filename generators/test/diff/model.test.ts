import { describe, expect, it, test } from 'vitest';
import { apiGroup, decommissionHint, describeRef, formatValue, groupByLayer, groupFindings, plural, sectionChanges, summarize } from '../../src/diff/model.js';
import { diffTrees } from '../../src/diff/object-diff.js';
import { outObject, quota } from './git-fixture.js';
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

  test('sectionChanges says a change made identically in several clusters once, before each cluster\'s own', () => {
    const sections = sectionChanges(sampleReport().changes);
    expect(sections.map((s) => [s.clusters, s.changes.map((c) => `${c.action} ${c.ref.layer} ${c.ref.kind}`)])).toEqual([
      [['prod', 'staging'], ['changed tenants/team-a ResourceQuota']],
      [['staging'], ['removed tenants/team-b Bucket', 'removed tenants/team-b Namespace', 'added tenants/team-c Namespace']],
    ]);
  });

  test('sectionChanges keeps apart changes of the same object that differ between clusters, and loses none', () => {
    const base = [outObject('a', 'tenants/t', quota('t', '4')), outObject('b', 'tenants/t', quota('t', '4')), outObject('c', 'tenants/t', quota('t', '4'))];
    const head = [outObject('a', 'tenants/t', quota('t', '8')), outObject('b', 'tenants/t', quota('t', '8')), outObject('c', 'tenants/t', quota('t', '16'))];
    const changes = diffTrees(base, head);
    const sections = sectionChanges(changes);
    expect(sections.map((s) => s.clusters)).toEqual([['a', 'b'], ['c']]);
    expect(sections.reduce((n, s) => n + s.changes.length * s.clusters.length, 0)).toBe(changes.length);
  });

  test('groupByLayer keeps layers in order', () => {
    const [, own] = sectionChanges(sampleReport().changes);
    expect([...groupByLayer(own!.changes).keys()]).toEqual(['tenants/team-b', 'tenants/team-c']);
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

describe('groupFindings and decommissionHint', () => {
  const ref = (cluster: string, layer: string, name: string) => ({ cluster, layer, path: `out/${cluster}/${layer}/x-${name}.yaml`, apiVersion: 'v1', kind: 'Namespace', name });
  const finding = (cluster: string, layer: string, name: string, loss: string) => ({ ref: ref(cluster, layer, name), what: `Namespace ${name} is deleted`, loss });

  it('GIVEN findings that lose the same thing in several clusters WHEN grouped THEN the loss is said once, in the order found', () => {
    const groups = groupFindings([finding('staging', 'tenants/a', 'a', 'L1'), finding('staging', 'infra', 'b', 'L2'), finding('production', 'tenants/a', 'a', 'L1')]);
    expect(groups.map((g) => [g.loss, g.findings.map((f) => `${f.ref.cluster}/${f.ref.name}`)])).toEqual([
      ['L1', ['staging/a', 'production/a']],
      ['L2', ['staging/b']],
    ]);
  });

  it('GIVEN a tenant losing its main namespace WHEN hinted THEN the safe decommissioned path names the tenant file; a renamed extra namespace or infra gets no hint', () => {
    expect(decommissionHint([finding('staging', 'tenants/payments', 'payments', 'L')])).toContain('set `decommissioned: true` in tenants/payments.yaml instead');
    expect(decommissionHint([finding('staging', 'tenants/payments', 'payments-jobs', 'L')])).toBeUndefined();
    expect(decommissionHint([finding('staging', 'infra', 'vpc', 'L')])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { orderManifest } from '../../src/write/manifest-order.js';

describe('orderManifest', () => {
  it('puts apiVersion, kind and metadata first, metadata keys in reading order and labels sorted', () => {
    const m = orderManifest({
      spec: { b: 1, a: 2 },
      metadata: { annotations: { z: '1', a: '2' }, labels: { b: 'x', a: 'y' }, namespace: 'n', name: 'x', finalizers: ['f'] },
      kind: 'ConfigMap',
      apiVersion: 'v1',
    });
    expect(JSON.stringify(m)).toBe(
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"n","labels":{"a":"y","b":"x"},"annotations":{"a":"2","z":"1"},"finalizers":["f"]},"spec":{"b":1,"a":2}}',
    );
  });
});

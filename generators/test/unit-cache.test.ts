import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnitCache, hashValue } from '../src/unit-cache.js';

const hash = (v: unknown) => {
  const h = createHash('sha1');
  hashValue(h, v);
  return h.digest('hex');
};
const unit = (props: unknown) => ({ id: 'tenant-a', folder: 'tenants/a', sources: ['tenants/a.yaml'], props, build: () => {} });
const objects = [{ folder: 'tenants/a', sources: ['tenants/a.yaml'], apiVersion: 'v1', kind: 'Namespace', name: 'a', hash: 'h' }];

describe('hashValue', () => {
  it('tells apart values that could render differently: key order, types, nesting, Sets and arrays, missing and undefined', () => {
    const values = [{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: '1', b: 2 }, { a: [1], b: 2 }, { a: new Set([1]), b: 2 }, { a: 1 }, { a: 1, b: undefined }, ['a', 'b'], ['ab'], [['a'], 'b'], new Map([['a', 1]])];
    expect(new Set(values.map(hash)).size).toBe(values.length);
    expect(hash({ a: [1, { b: 'x' }] })).toBe(hash({ a: [1, { b: 'x' }] }));
  });

  it('GIVEN a large value shared by several units THEN it hashes as an equal copy does, and unlike a copy with one field changed', () => {
    const spec = { name: 'payments', owners: Array.from({ length: 40 }, (_, i) => ({ team: `acme/team-${i}`, role: 'edit' })) };
    const first = hash({ tenant: spec });
    expect(hash({ tenant: spec })).toBe(first);
    expect(hash({ tenant: structuredClone(spec) })).toBe(first);
    const changed = structuredClone(spec);
    changed.owners[39]!.role = 'view';
    expect(hash({ tenant: changed })).not.toBe(first);
    expect(hash({ tenant: spec, other: spec })).toBe(hash({ tenant: structuredClone(spec), other: structuredClone(spec) }));
  });

  it('refuses what is not data, so a unit cannot be keyed on a function or a construct', () => {
    expect(() => hash({ f: () => 1 })).toThrow('unit props must be plain data, found function');
    expect(() => hash({ d: new Date(0) })).toThrow('found Date');
  });
});

describe('UnitCache', () => {
  it('GIVEN units saved for a cluster WHEN loaded with the same code THEN a unit with equal props is found, one with other props is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'units-'));
    const cache = new UnitCache(dir, 'code-1');
    cache.save('prod', new Map([[cache.keyOf(unit({ quota: 1 })), objects]]));
    const again = new UnitCache(dir, 'code-1').load('prod');
    expect(again.get(again.keyOf(unit({ quota: 1 })), unit({ quota: 1 }))).toEqual(objects);
    expect(again.get(again.keyOf(unit({ quota: 2 })), unit({ quota: 2 }))).toBeUndefined();
    expect(again.load('staging').get(again.keyOf(unit({ quota: 1 })), unit({ quota: 1 }))).toBeUndefined();
    // AND a cache that may not read (generate --force) finds nothing
    expect(new UnitCache(dir, 'code-1', false).load('prod').get(again.keyOf(unit({ quota: 1 })), unit({ quota: 1 }))).toBeUndefined();
  });

  it('GIVEN the code changed WHEN loaded THEN nothing is found (every unit renders again)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'units-'));
    const cache = new UnitCache(dir, 'code-1');
    const key = cache.keyOf(unit({}));
    cache.save('prod', new Map([[key, objects]]));
    const other = new UnitCache(dir, 'code-2').load('prod');
    expect(other.keyOf(unit({}))).not.toBe(key);
    expect(other.get(key, unit({}))).toBeUndefined();
  });

  it('GIVEN a corrupt or foreign file WHEN loaded THEN it is no cache, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'units-'));
    const header = 'platform unit cache 2, code code-1';
    for (const text of [`${header}\nk\t[`, 'garbage', `${header}\nk\t3`, `${header}\nk\t[{"kind": "Namespace"}]`, `${header}\nk\t[["v1", "Namespace", "a", ""]]`]) {
      writeFileSync(join(dir, 'units-prod.txt'), text);
      expect(new UnitCache(dir, 'code-1').load('prod').get('k', unit({}))).toBeUndefined();
    }
  });
});

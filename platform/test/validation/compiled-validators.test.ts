import { afterEach, describe, expect, it } from 'vitest';
import { type CompiledCodeStore, StoredAjv, useCompiledCodeStore } from '../../src/validation/compiled-validators.js';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z]+$' }, size: { type: 'integer', default: 3 } },
};

class MapStore implements CompiledCodeStore {
  readonly codes = new Map<string, string>();
  gets = 0;
  get(key: string): string | undefined {
    this.gets++;
    return this.codes.get(key);
  }
  set(key: string, code: string): void {
    this.codes.set(key, code);
  }
}

afterEach(() => useCompiledCodeStore(undefined));

describe('StoredAjv', () => {
  it('GIVEN a store WHEN a schema is compiled THEN its code is kept, and a later instance validates with the kept code as the compiled one does', () => {
    const store = new MapStore();
    useCompiledCodeStore(store);
    const compiled = new StoredAjv({ allErrors: true, useDefaults: true }).compile(SCHEMA);
    expect(store.codes.size).toBe(1);
    const kept = new StoredAjv({ allErrors: true, useDefaults: true }).compile(SCHEMA);
    expect(store.codes.size).toBe(1);
    for (const data of [{ name: 'web' }, { name: 'Web', size: 'big' }, { nom: 'x' }]) {
      const [a, b] = [structuredClone(data), structuredClone(data)];
      expect([kept(a), a, kept.errors]).toEqual([compiled(b), b, compiled.errors]);
    }
    const withDefault: Record<string, unknown> = { name: 'web' };
    kept(withDefault);
    expect(withDefault).toEqual({ name: 'web', size: 3 });
  });

  it('GIVEN kept code for the schema THEN it is what validates (the schema is not compiled again)', () => {
    const store = new MapStore();
    useCompiledCodeStore(store);
    new StoredAjv({}).compile(SCHEMA);
    const [key] = [...store.codes.keys()];
    store.codes.set(key!, 'module.exports = function accept() { return true; };');
    expect(new StoredAjv({}).compile(SCHEMA)({})).toBe(true);
  });

  it('GIVEN other options or another schema THEN the kept code is not used', () => {
    const store = new MapStore();
    useCompiledCodeStore(store);
    new StoredAjv({ allErrors: true }).compile(SCHEMA);
    new StoredAjv({ allErrors: false }).compile(SCHEMA);
    new StoredAjv({ allErrors: true }).compile({ ...SCHEMA, required: [] });
    expect(store.codes.size).toBe(3);
  });

  it('GIVEN kept code that is not a validator THEN the schema is compiled again and its code replaces it', () => {
    const store = new MapStore();
    useCompiledCodeStore(store);
    new StoredAjv({}).compile(SCHEMA);
    const [key] = [...store.codes.keys()];
    for (const broken of ['this is not javascript', 'module.exports = 42;', 'throw new Error("no")']) {
      store.codes.set(key!, broken);
      const validate = new StoredAjv({}).compile(SCHEMA);
      expect([validate({ name: 'web' }), validate({ name: 1 })]).toEqual([true, false]);
      expect(store.codes.get(key!)).toContain('module.exports');
      expect(store.codes.get(key!)).not.toBe(broken);
    }
  });

  it('GIVEN no store THEN it compiles as Ajv does and keeps nothing', () => {
    const validate = new StoredAjv({}).compile(SCHEMA);
    expect([validate({ name: 'web' }), validate({})]).toEqual([true, false]);
  });
});

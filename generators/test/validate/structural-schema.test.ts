import { describe, expect, test } from 'vitest';
import type { JSONSchemaProps } from '../../src/validate/structural-schema.js';
import { compileRe2, compileSchema, validateStructural } from '../../src/validate/structural-schema.js';

/** Root schema of a custom resource whose spec is `spec`. */
function resource(spec: JSONSchemaProps): JSONSchemaProps {
  return {
    type: 'object',
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec },
  };
}

function check(spec: JSONSchemaProps, value: unknown) {
  const obj = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'ns' }, spec: value };
  return validateStructural(obj, compileSchema(resource(spec)));
}

const objectOf = (properties: Record<string, JSONSchemaProps>, extra: Partial<JSONSchemaProps> = {}): JSONSchemaProps => ({
  type: 'object',
  properties,
  ...extra,
});

describe('pruning (strict unknown fields)', () => {
  test('a field the schema does not declare is an unknown field', () => {
    // GIVEN a spec declaring only cidrBlock
    const spec = objectOf({ forProvider: objectOf({ cidrBlock: { type: 'string' } }) });
    // WHEN an object has a typo'd field
    const { problems } = check(spec, { forProvider: { cidrBlok: '10.0.0.0/16' } });
    // THEN it is rejected at its path
    expect(problems).toEqual([{ path: 'spec.forProvider.cidrBlok', message: 'unknown field' }]);
  });

  test('an object without properties prunes everything, as the API server does', () => {
    const { problems } = check(objectOf({ opaque: { type: 'object' } }), { opaque: { a: 1 } });
    expect(problems).toEqual([{ path: 'spec.opaque.a', message: 'unknown field' }]);
  });

  test('x-kubernetes-preserve-unknown-fields turns the unknown-field check off below it', () => {
    const spec = objectOf({ values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } });
    const { problems } = check(spec, { values: { anything: { deep: [1, 'two'] } } });
    expect(problems).toEqual([]);
  });

  test('declared fields under preserve-unknown-fields are still validated', () => {
    const spec = objectOf({ values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { n: { type: 'integer' } } } });
    expect(check(spec, { values: { n: 'x', other: 1 } }).problems).toEqual([
      { path: 'spec.values.n', message: 'Invalid value: "string": must be of type integer' },
    ]);
  });

  test('additionalProperties as a schema validates every value; false rejects every key', () => {
    const spec = objectOf({
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      closed: { type: 'object', additionalProperties: false },
    });
    const { problems } = check(spec, { labels: { a: 'x', b: 2 }, closed: { c: true } });
    expect(problems).toEqual([
      { path: 'spec.labels[b]', message: 'Invalid value: "integer": must be of type string' },
      { path: 'spec.closed.c', message: 'unknown field' },
    ]);
  });

  test('additionalProperties: true keeps any key', () => {
    expect(check(objectOf({ any: { type: 'object', additionalProperties: true } }), { any: { x: 1 } }).problems).toEqual([]);
  });
});

describe('types', () => {
  test('integer, number, boolean, string, array and object are told apart', () => {
    const spec = objectOf({
      i: { type: 'integer' },
      n: { type: 'number' },
      b: { type: 'boolean' },
      s: { type: 'string' },
      a: { type: 'array', items: { type: 'string' } },
      o: { type: 'object' },
    });
    const { problems } = check(spec, { i: 1.5, n: 2, b: 'true', s: 3, a: 'x', o: [] });
    expect(problems).toEqual([
      { path: 'spec.i', message: 'Invalid value: "number": must be of type integer' },
      { path: 'spec.b', message: 'Invalid value: "string": must be of type boolean' },
      { path: 'spec.s', message: 'Invalid value: "integer": must be of type string' },
      { path: 'spec.a', message: 'Invalid value: "string": must be of type array' },
      { path: 'spec.o', message: 'Invalid value: "array": must be of type object' },
    ]);
  });

  test('x-kubernetes-int-or-string accepts an integer or a string and nothing else', () => {
    const spec = objectOf({ port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } });
    expect(check(spec, { port: 8080 }).problems).toEqual([]);
    expect(check(spec, { port: 'http' }).problems).toEqual([]);
    expect(check(spec, { port: true }).problems).toEqual([
      { path: 'spec.port', message: 'Invalid value: "boolean": must be of type integer or string' },
    ]);
  });

  test('items are checked with their own path', () => {
    const spec = objectOf({ ports: { type: 'array', items: { type: 'integer' } } });
    expect(check(spec, { ports: [80, '443'] }).problems).toEqual([
      { path: 'spec.ports[1]', message: 'Invalid value: "string": must be of type integer' },
    ]);
  });

  test('cheap string formats are checked: date-time, cidr, ipv4, uuid', () => {
    const spec = objectOf({
      at: { type: 'string', format: 'date-time' },
      net: { type: 'string', format: 'cidr' },
      ip: { type: 'string', format: 'ipv4' },
      id: { type: 'string', format: 'uuid' },
      other: { type: 'string', format: 'something-unknown' },
    });
    expect(check(spec, { at: '2024-01-02T03:04:05Z', net: '10.0.0.0/16', ip: '10.0.0.1', id: '123e4567-e89b-12d3-a456-426614174000', other: '?' }).problems).toEqual([]);
    expect(check(spec, { at: 'yesterday', net: '10.0.0.0', ip: '10.0.0.256', id: 'x' }).problems).toEqual([
      { path: 'spec.at', message: 'Invalid value: "yesterday": must be of type date-time' },
      { path: 'spec.net', message: 'Invalid value: "10.0.0.0": must be of type cidr' },
      { path: 'spec.ip', message: 'Invalid value: "10.0.0.256": must be of type ipv4' },
      { path: 'spec.id', message: 'Invalid value: "x": must be of type uuid' },
    ]);
  });
});

describe('value constraints', () => {
  test('a missing required field is a Required value', () => {
    const spec = objectOf({ forProvider: objectOf({ region: { type: 'string' } }, { required: ['region'] }) }, { required: ['forProvider'] });
    expect(check(spec, { forProvider: {} }).problems).toEqual([{ path: 'spec.forProvider.region', message: 'Required value' }]);
    expect(check(spec, {}).problems).toEqual([{ path: 'spec.forProvider', message: 'Required value' }]);
  });

  test('enum lists the supported values', () => {
    const spec = objectOf({ policy: { type: 'string', enum: ['Orphan', 'Delete'] } });
    expect(check(spec, { policy: 'Keep' }).problems).toEqual([
      { path: 'spec.policy', message: 'Unsupported value: "Keep": supported values: "Orphan", "Delete"' },
    ]);
  });

  test('pattern, minLength and maxLength', () => {
    const spec = objectOf({ name: { type: 'string', pattern: '^[a-z]+$', minLength: 2, maxLength: 4 } });
    expect(check(spec, { name: 'abc' }).problems).toEqual([]);
    expect(check(spec, { name: 'A' }).problems).toEqual([
      { path: 'spec.name', message: 'Invalid value: "A": should be at least 2 chars long' },
      { path: 'spec.name', message: `Invalid value: "A": should match '^[a-z]+$'` },
    ]);
    expect(check(spec, { name: 'abcde' }).problems).toEqual([{ path: 'spec.name', message: 'Too long: may not be more than 4 bytes' }]);
  });

  test('minimum and maximum, inclusive and exclusive', () => {
    const spec = objectOf({
      a: { type: 'integer', minimum: 1, maximum: 3 },
      b: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
    });
    expect(check(spec, { a: 0, b: 1 }).problems).toEqual([
      { path: 'spec.a', message: 'Invalid value: 0: should be greater than or equal to 1' },
      { path: 'spec.b', message: 'Invalid value: 1: should be less than 1' },
    ]);
    expect(check(spec, { a: 4, b: 0 }).problems).toEqual([
      { path: 'spec.a', message: 'Invalid value: 4: should be less than or equal to 3' },
      { path: 'spec.b', message: 'Invalid value: 0: should be greater than 0' },
    ]);
  });

  test('minItems, maxItems and maxProperties', () => {
    const spec = objectOf({
      zones: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } },
      tags: { type: 'object', maxProperties: 1, additionalProperties: { type: 'string' } },
    });
    expect(check(spec, { zones: [], tags: {} }).problems).toEqual([{ path: 'spec.zones', message: 'Invalid value: 0: should have at least 1 items' }]);
    expect(check(spec, { zones: ['a', 'b', 'c'], tags: { a: 'x', b: 'y' } }).problems).toEqual([
      { path: 'spec.zones', message: 'Too many: 3: must have at most 2 items' },
      { path: 'spec.tags', message: 'Too many: 2: must have at most 1 items' },
    ]);
  });

  test('list-type set and map reject duplicates', () => {
    const spec = objectOf({
      set: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      map: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: objectOf({ name: { type: 'string' }, v: { type: 'integer' } }),
      },
    });
    expect(check(spec, { set: ['a', 'a'], map: [{ name: 'x', v: 1 }, { name: 'x', v: 2 }] }).problems).toEqual([
      { path: 'spec.set[1]', message: 'Duplicate value: "a"' },
      { path: 'spec.map[1]', message: 'Duplicate value: {"name":"x"}' },
    ]);
  });
});

describe('nullable', () => {
  test('null is kept for a nullable field and dropped for any other, as the API server does', () => {
    const spec = objectOf({ a: { type: 'string', nullable: true }, b: { type: 'string' } }, { required: ['b'] });
    const { value, problems } = check(spec, { a: null, b: null });
    // THEN b was dropped before validation, so it is missing
    expect(problems).toEqual([{ path: 'spec.b', message: 'Required value' }]);
    expect((value as { spec: unknown }).spec).toEqual({ a: null });
  });

  test('null in a list of non-nullable items is a type error', () => {
    const spec = objectOf({ l: { type: 'array', items: { type: 'string' } } });
    expect(check(spec, { l: [null] }).problems).toEqual([{ path: 'spec.l[0]', message: 'Invalid value: "null": must be of type string' }]);
  });
});

describe('defaults', () => {
  test('defaults are applied before validation, recursively, without touching the input', () => {
    // GIVEN a schema with a default object whose fields have their own defaults
    const spec = objectOf({
      policy: objectOf({ mode: { type: 'string', default: 'Always' }, retries: { type: 'integer', default: 3 } }, { default: {} }),
      items: { type: 'array', items: objectOf({ weight: { type: 'integer', default: 1 } }) },
    });
    const input = { items: [{}] };
    // WHEN validated
    const { value, problems } = check(spec, input);
    // THEN the defaulted copy has every default, and the input is unchanged
    expect(problems).toEqual([]);
    expect((value as { spec: unknown }).spec).toEqual({ items: [{ weight: 1 }], policy: { mode: 'Always', retries: 3 } });
    expect(input).toEqual({ items: [{}] });
  });

  test('a defaulted field satisfies required', () => {
    const spec = objectOf({ mode: { type: 'string', default: 'fast' } }, { required: ['mode'] });
    expect(check(spec, {}).problems).toEqual([]);
  });
});

describe('oneOf, anyOf, allOf, not', () => {
  const source = objectOf(
    { git: { type: 'string' }, oci: { type: 'string' } },
    { oneOf: [{ required: ['git'] }, { required: ['oci'] }] },
  );

  test('oneOf needs exactly one branch', () => {
    expect(check(objectOf({ source }), { source: { git: 'a' } }).problems).toEqual([]);
    expect(check(objectOf({ source }), { source: { git: 'a', oci: 'b' } }).problems).toEqual([
      { path: 'spec.source', message: 'Invalid value: "object": must validate one and only one schema (oneOf)' },
    ]);
  });

  test('anyOf needs at least one branch, allOf all of them, not none', () => {
    const spec = objectOf({
      any: objectOf({ a: { type: 'string' }, b: { type: 'string' } }, { anyOf: [{ required: ['a'] }, { required: ['b'] }] }),
      all: { type: 'string', allOf: [{ minLength: 2 }, { pattern: '^x' }] },
      none: objectOf({ a: { type: 'string' } }, { not: { required: ['a'] } }),
    });
    expect(check(spec, { any: {}, all: 'y', none: { a: 'x' } }).problems).toEqual([
      { path: 'spec.any', message: 'Invalid value: "object": must validate at least one schema (anyOf)' },
      { path: 'spec.all', message: 'Invalid value: "y": should be at least 2 chars long' },
      { path: 'spec.all', message: `Invalid value: "y": should match '^x'` },
      { path: 'spec.none', message: 'Invalid value: "object": must not validate the schema (not)' },
    ]);
  });
});

describe('resources', () => {
  test('metadata is ObjectMeta: known fields pass, unknown ones do not', () => {
    const root = compileSchema(resource(objectOf({})));
    const ok = { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'n', labels: { a: 'b' }, annotations: { c: 'd' } }, spec: {} };
    expect(validateStructural(ok, root).problems).toEqual([]);
    const bad = { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'n', label: {}, labels: { a: 1 } }, spec: {} };
    expect(validateStructural(bad, root).problems).toEqual([
      { path: 'metadata.label', message: 'unknown field' },
      { path: 'metadata.labels[a]', message: 'Invalid value: "integer": must be of type string' },
    ]);
  });

  test('an embedded resource needs apiVersion and kind and accepts metadata', () => {
    const spec = objectOf({ template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } });
    expect(check(spec, { template: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: {} } }).problems).toEqual([]);
    expect(check(spec, { template: { metadata: { name: 'x' } } }).problems).toEqual([
      { path: 'spec.template.apiVersion', message: 'Required value: must not be empty' },
      { path: 'spec.template.kind', message: 'Required value: must not be empty' },
    ]);
  });
});

describe('validation rules hook', () => {
  test('is called bottom-up with defaulted values', () => {
    const spec = objectOf(
      { mode: { type: 'string', default: 'fast', 'x-kubernetes-validations': [{ rule: 'true' }] } },
      { 'x-kubernetes-validations': [{ rule: 'true' }] },
    );
    const seen: [string, unknown][] = [];
    const obj = { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'n' }, spec: {} };
    validateStructural(obj, compileSchema(resource(spec)), { onValidations: (_n, v, p) => seen.push([p, v]) });
    expect(seen).toEqual([
      ['spec.mode', 'fast'],
      ['spec', { mode: 'fast' }],
    ]);
  });
});

describe('compileRe2', () => {
  test('translates leading flags and \\A \\z anchors', () => {
    expect(compileRe2('(?i)^abc$')!.test('ABC')).toBe(true);
    expect(compileRe2('\\Aabc\\z')!.test('abc')).toBe(true);
    expect(compileRe2('\\Aabc\\z')!.test('abc\n')).toBe(false);
  });

  test('a pattern JavaScript cannot compile is left unchecked rather than failing every value', () => {
    expect(compileRe2('(?P<name>a')).toBeUndefined();
  });
});

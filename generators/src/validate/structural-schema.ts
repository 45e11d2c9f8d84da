import { isIPv4, isIPv6 } from 'node:net';
import type { Problem } from './problem.js';

/** The parts of a CRD's `openAPIV3Schema` (apiextensions.k8s.io/v1 JSONSchemaProps) this validator understands. */
export interface JSONSchemaProps {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JSONSchemaProps>>;
  readonly required?: readonly string[];
  readonly items?: JSONSchemaProps;
  readonly additionalProperties?: boolean | JSONSchemaProps;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly nullable?: boolean;
  readonly default?: unknown;
  readonly oneOf?: readonly JSONSchemaProps[];
  readonly anyOf?: readonly JSONSchemaProps[];
  readonly allOf?: readonly JSONSchemaProps[];
  readonly not?: JSONSchemaProps;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: 'atomic' | 'granular';
  readonly 'x-kubernetes-validations'?: readonly ValidationRule[];
}

/** One `x-kubernetes-validations` entry. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: 'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
  readonly optionalOldSelf?: boolean;
}

/** A schema compiled once for fast repeated validation: regular expressions built, enums hashed, children linked. */
export interface SchemaNode {
  readonly raw: JSONSchemaProps;
  readonly type: string | undefined;
  readonly intOrString: boolean;
  readonly nullable: boolean;
  readonly preserveUnknown: boolean;
  readonly embedded: boolean;
  readonly properties: ReadonlyMap<string, SchemaNode> | undefined;
  /** Declared properties that carry a `default`. */
  readonly defaulted: readonly (readonly [string, SchemaNode])[];
  readonly additional: SchemaNode | boolean | undefined;
  readonly items: SchemaNode | undefined;
  readonly enumValues: ReadonlySet<unknown> | undefined;
  /** Compiled `pattern`; undefined when there is none or when the RE2 pattern has no JavaScript equivalent. */
  readonly pattern: RegExp | undefined;
  readonly anyOf: readonly SchemaNode[] | undefined;
  readonly oneOf: readonly SchemaNode[] | undefined;
  readonly allOf: readonly SchemaNode[] | undefined;
  readonly not: SchemaNode | undefined;
  readonly validations: readonly ValidationRule[] | undefined;
}

/** Options of {@link validateStructural}. */
export interface StructuralOptions {
  /**
   * Called bottom-up for every node that has `x-kubernetes-validations`, with the node's value after defaulting
   * (so rules see defaulted fields), its field path, and the list to append problems to.
   * @default - validation rules are ignored
   */
  readonly onValidations?: (node: SchemaNode, value: unknown, path: string, problems: Problem[]) => void;
}

/** Compiles a structural schema once; reuse the result for every object of that kind. */
export function compileSchema(schema: JSONSchemaProps): SchemaNode {
  const props = schema.properties ? Object.entries(schema.properties) : undefined;
  const properties = props ? new Map(props.map(([k, s]) => [k, compileSchema(s)] as const)) : undefined;
  const additional =
    schema.additionalProperties === undefined || typeof schema.additionalProperties === 'boolean'
      ? schema.additionalProperties
      : compileSchema(schema.additionalProperties);
  return {
    raw: schema,
    type: schema.type,
    intOrString: schema['x-kubernetes-int-or-string'] === true,
    nullable: schema.nullable === true,
    preserveUnknown: schema['x-kubernetes-preserve-unknown-fields'] === true,
    embedded: schema['x-kubernetes-embedded-resource'] === true,
    properties,
    defaulted: properties ? [...properties].filter(([, n]) => n.raw.default !== undefined) : [],
    additional,
    items: schema.items ? compileSchema(schema.items) : undefined,
    enumValues: schema.enum ? new Set(schema.enum.map(enumKey)) : undefined,
    pattern: schema.pattern !== undefined ? compileRe2(schema.pattern) : undefined,
    anyOf: schema.anyOf?.map(compileSchema),
    oneOf: schema.oneOf?.map(compileSchema),
    allOf: schema.allOf?.map(compileSchema),
    not: schema.not ? compileSchema(schema.not) : undefined,
    validations: schema['x-kubernetes-validations']?.length ? schema['x-kubernetes-validations'] : undefined,
  };
}

/**
 * Validates one object against a compiled CRD schema the way the API server does on create: nulls of
 * non-nullable fields are dropped, `default`s are applied, then types, formats, value constraints and
 * `oneOf/anyOf/allOf/not` are checked, and every field the schema does not declare is an "unknown field"
 * (strict field validation) unless `additionalProperties` or `x-kubernetes-preserve-unknown-fields` allows it.
 *
 * At the root and under `x-kubernetes-embedded-resource`, `apiVersion`, `kind` and `metadata` are implicit;
 * `metadata` is checked as ObjectMeta. The input is never modified; the defaulted copy is returned.
 */
export function validateStructural(
  object: unknown,
  root: SchemaNode,
  options: StructuralOptions = {},
): StructuralResult {
  const problems: Problem[] = [];
  const flags = { typeErrors: false };
  const value = visit(object, root, '', { problems, onValidations: options.onValidations, branch: false, flags }, true);
  return { value, problems, typeErrors: flags.typeErrors };
}

/** What {@link validateStructural} found. */
export interface StructuralResult {
  /** The object after null pruning and defaulting (unknown fields removed). */
  readonly value: unknown;
  readonly problems: Problem[];
  /**
   * Whether a value had the wrong type or an unsupported enum value. The API server does not run validation rules
   * on such an object, since rules assume the declared types.
   */
  readonly typeErrors: boolean;
}

interface Ctx {
  readonly problems: Problem[];
  readonly onValidations: StructuralOptions['onValidations'];
  /** Inside oneOf/anyOf/allOf/not: value validations only, no defaulting, pruning or rules. */
  readonly branch: boolean;
  readonly flags: { typeErrors: boolean };
}

function visit(value: unknown, node: SchemaNode, path: string, ctx: Ctx, resourceRoot: boolean): unknown {
  const { problems } = ctx;
  if (value === null) {
    if (!node.nullable && (node.type !== undefined || node.intOrString)) {
      problems.push({ path, message: `Invalid value: "null": must be of type ${expectedType(node)}` });
      ctx.flags.typeErrors = true;
    }
    return value;
  }
  const actual = typeOf(value);
  if (node.intOrString) {
    if (actual !== 'integer' && actual !== 'string') {
      problems.push({ path, message: `Invalid value: "${actual}": must be of type integer or string` });
      ctx.flags.typeErrors = true;
      return value;
    }
  } else if (node.type !== undefined && node.type !== actual && !(node.type === 'number' && actual === 'integer')) {
    problems.push({ path, message: `Invalid value: "${actual}": must be of type ${node.type}` });
    ctx.flags.typeErrors = true;
    return value;
  }

  let out = value;
  switch (actual) {
    case 'string':
      checkString(value as string, node, path, problems);
      break;
    case 'integer':
    case 'number':
      checkNumber(value as number, node, path, problems);
      break;
    case 'array':
      out = visitArray(value as unknown[], node, path, ctx);
      break;
    case 'object':
      out = visitObject(value as Record<string, unknown>, node, path, ctx, resourceRoot || (node.embedded && !ctx.branch));
      break;
  }

  if (node.enumValues && !node.enumValues.has(enumKey(out))) {
    const supported = (node.raw.enum ?? []).map((v) => JSON.stringify(v)).join(', ');
    problems.push({ path, message: `Unsupported value: ${JSON.stringify(out)}: supported values: ${supported}` });
    ctx.flags.typeErrors = true;
  }
  if (node.allOf) for (const b of node.allOf) visit(out, b, path, { ...ctx, branch: true }, false);
  if (node.anyOf && !node.anyOf.some((b) => passes(out, b, path, ctx))) {
    problems.push({ path, message: `Invalid value: ${show(out)}: must validate at least one schema (anyOf)` });
  }
  if (node.oneOf) {
    const n = node.oneOf.filter((b) => passes(out, b, path, ctx)).length;
    if (n !== 1) problems.push({ path, message: `Invalid value: ${show(out)}: must validate one and only one schema (oneOf)` });
  }
  if (node.not && passes(out, node.not, path, ctx)) {
    problems.push({ path, message: `Invalid value: ${show(out)}: must not validate the schema (not)` });
  }
  if (node.validations && ctx.onValidations && !ctx.branch) ctx.onValidations(node, out, path, problems);
  return out;
}

function passes(value: unknown, branch: SchemaNode, path: string, ctx: Ctx): boolean {
  const scratch: Problem[] = [];
  visit(value, branch, path, { problems: scratch, onValidations: undefined, branch: true, flags: { typeErrors: false } }, false);
  return scratch.length === 0;
}

function visitObject(
  value: Record<string, unknown>,
  node: SchemaNode,
  path: string,
  ctx: Ctx,
  resourceRoot: boolean,
): Record<string, unknown> {
  const { problems, branch } = ctx;
  const out: Record<string, unknown> = {};
  const declared = node.properties;
  const additional = node.additional;
  let count = 0;
  for (const key of Object.keys(value)) {
    count++;
    const child = value[key];
    const childPath = path === '' ? key : `${path}.${key}`;
    const prop = declared?.get(key);
    if (prop) {
      // The API server drops nulls of non-nullable fields before defaulting.
      if (child === null && !prop.nullable && !branch) continue;
      if (resourceRoot && key === 'metadata') {
        checkObjectMeta(child, childPath, problems);
        out[key] = child;
        if (prop.properties) visit(child, prop, childPath, { ...ctx, branch: true }, false);
        continue;
      }
      out[key] = visit(child, prop, childPath, ctx, false);
    } else if (resourceRoot && (key === 'apiVersion' || key === 'kind')) {
      if (typeof child !== 'string') problems.push({ path: childPath, message: `Invalid value: "${typeOf(child)}": must be of type string` });
      out[key] = child;
    } else if (resourceRoot && key === 'metadata') {
      checkObjectMeta(child, childPath, problems);
      out[key] = child;
    } else if (typeof additional === 'object') {
      if (child === null && !additional.nullable && !branch) continue;
      out[key] = visit(child, additional, `${path}[${key}]`, ctx, false);
    } else if (additional === true || node.preserveUnknown || branch) {
      out[key] = child;
    } else if (declared || additional === false || node.type === 'object') {
      problems.push({ path: childPath, message: 'unknown field' });
    } else {
      out[key] = child;
    }
  }
  if (!branch) {
    for (const [key, prop] of node.defaulted) {
      if (out[key] === undefined) out[key] = visit(structuredClone(prop.raw.default), prop, path === '' ? key : `${path}.${key}`, ctx, false);
    }
  }
  for (const key of node.raw.required ?? []) {
    if (out[key] === undefined && (branch ? value[key] === undefined : true)) {
      problems.push({ path: path === '' ? key : `${path}.${key}`, message: 'Required value' });
    }
  }
  if (resourceRoot && node.embedded && !branch) {
    for (const key of ['apiVersion', 'kind']) {
      if (typeof out[key] !== 'string' || out[key] === '') {
        problems.push({ path: path === '' ? key : `${path}.${key}`, message: 'Required value: must not be empty' });
      }
    }
  }
  const { maxProperties, minProperties } = node.raw;
  if (maxProperties !== undefined && count > maxProperties) {
    problems.push({ path, message: `Too many: ${count}: must have at most ${maxProperties} items` });
  }
  if (minProperties !== undefined && count < minProperties) {
    problems.push({ path, message: `Invalid value: ${count}: should have at least ${minProperties} properties` });
  }
  return branch ? value : out;
}

function visitArray(value: unknown[], node: SchemaNode, path: string, ctx: Ctx): unknown[] {
  const { problems } = ctx;
  const items = node.items;
  const out = items ? value.map((v, i) => visit(v, items, `${path}[${i}]`, ctx, false)) : value;
  const { minItems, maxItems } = node.raw;
  if (maxItems !== undefined && value.length > maxItems) {
    problems.push({ path, message: `Too many: ${value.length}: must have at most ${maxItems} items` });
  }
  if (minItems !== undefined && value.length < minItems) {
    problems.push({ path, message: `Invalid value: ${value.length}: should have at least ${minItems} items` });
  }
  const listType = node.raw['x-kubernetes-list-type'];
  if (listType === 'set' || listType === 'map') {
    const keys = node.raw['x-kubernetes-list-map-keys'] ?? [];
    const seen = new Set<string>();
    out.forEach((v, i) => {
      const id =
        listType === 'set' || v === null || typeof v !== 'object'
          ? JSON.stringify(v)
          : JSON.stringify(Object.fromEntries(keys.map((k) => [k, (v as Record<string, unknown>)[k]])));
      if (seen.has(id)) problems.push({ path: `${path}[${i}]`, message: `Duplicate value: ${id}` });
      seen.add(id);
    });
  }
  return ctx.branch ? value : out;
}

function checkString(s: string, node: SchemaNode, path: string, problems: Problem[]): void {
  const { minLength, maxLength, format } = node.raw;
  if (maxLength !== undefined && s.length > maxLength && runeLength(s) > maxLength) {
    problems.push({ path, message: `Too long: may not be more than ${maxLength} bytes` });
  }
  if (minLength !== undefined && (s.length < minLength || runeLength(s) < minLength)) {
    problems.push({ path, message: `Invalid value: ${JSON.stringify(s)}: should be at least ${minLength} chars long` });
  }
  if (node.pattern && !node.pattern.test(s)) {
    problems.push({ path, message: `Invalid value: ${JSON.stringify(s)}: should match '${node.raw.pattern}'` });
  }
  if (format !== undefined && !node.intOrString) {
    const check = STRING_FORMATS[format];
    if (check && !check(s)) problems.push({ path, message: `Invalid value: ${JSON.stringify(s)}: must be of type ${format}` });
  }
}

function checkNumber(n: number, node: SchemaNode, path: string, problems: Problem[]): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format } = node.raw;
  if (minimum !== undefined && (exclusiveMinimum ? n <= minimum : n < minimum)) {
    problems.push({ path, message: `Invalid value: ${n}: should be greater than ${exclusiveMinimum ? '' : 'or equal to '}${minimum}` });
  }
  if (maximum !== undefined && (exclusiveMaximum ? n >= maximum : n > maximum)) {
    problems.push({ path, message: `Invalid value: ${n}: should be less than ${exclusiveMaximum ? '' : 'or equal to '}${maximum}` });
  }
  if (multipleOf !== undefined && multipleOf > 0 && !Number.isInteger(n / multipleOf)) {
    problems.push({ path, message: `Invalid value: ${n}: should be a multiple of ${multipleOf}` });
  }
  if (format === 'int32' && (n < -2147483648 || n > 2147483647)) {
    problems.push({ path, message: `Invalid value: ${n}: must be of type int32` });
  }
}

const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers',
  'managedFields',
]);

/** Field-level ObjectMeta checks (names and scope are checked by the caller, which knows the CRD). */
function checkObjectMeta(meta: unknown, path: string, problems: Problem[]): void {
  if (meta === undefined || meta === null) return;
  if (typeOf(meta) !== 'object') {
    problems.push({ path, message: `Invalid value: "${typeOf(meta)}": must be of type object` });
    return;
  }
  for (const [key, v] of Object.entries(meta as Record<string, unknown>)) {
    const p = `${path}.${key}`;
    if (!OBJECT_META_FIELDS.has(key)) {
      problems.push({ path: p, message: 'unknown field' });
    } else if (key === 'labels' || key === 'annotations') {
      if (typeOf(v) !== 'object') {
        problems.push({ path: p, message: `Invalid value: "${typeOf(v)}": must be of type object` });
        continue;
      }
      for (const [k, s] of Object.entries(v as Record<string, unknown>)) {
        if (typeof s !== 'string') problems.push({ path: `${p}[${k}]`, message: `Invalid value: "${typeOf(s)}": must be of type string` });
      }
    } else if ((key === 'name' || key === 'namespace' || key === 'generateName') && typeof v !== 'string') {
      problems.push({ path: p, message: `Invalid value: "${typeOf(v)}": must be of type string` });
    }
  }
}

/** JSON type name of a value as the API server reports it. */
export function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'bigint':
      return 'integer';
    case 'object':
      return 'object';
    default:
      return typeof v;
  }
}

function expectedType(node: SchemaNode): string {
  return node.intOrString ? 'integer or string' : (node.type ?? 'object');
}

function show(v: unknown): string {
  const t = typeOf(v);
  return t === 'object' || t === 'array' ? `"${t}"` : JSON.stringify(v);
}

function enumKey(v: unknown): unknown {
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
}

function runeLength(s: string): number {
  if (!/[\uD800-\uDFFF]/.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Translates the RE2 syntax the API server uses to a JavaScript RegExp. Leading `(?i)`/`(?s)` flags and
 * `\A`/`\z` anchors are translated; anything JavaScript rejects leaves the pattern unchecked.
 */
export function compileRe2(pattern: string): RegExp | undefined {
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([ims]+)\)/.exec(src);
  if (lead) {
    flags = [...new Set(lead[1])].join('');
    src = src.slice(lead[0].length);
  }
  src = src.replace(/\\A/g, '^').replace(/\\z/g, '$(?![\\s\\S])');
  try {
    return new RegExp(src, flags);
  } catch {
    try {
      return new RegExp(src, `${flags}u`);
    } catch {
      return undefined;
    }
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The string formats cheap enough to check; every other format is accepted as any string, like kube-openapi does for unknown ones. */
const STRING_FORMATS: Readonly<Record<string, (s: string) => boolean>> = {
  'date-time': (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))),
  datetime: (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
  uuid: (s) => UUID.test(s),
  byte: (s) => BASE64.test(s),
  ipv4: (s) => isIPv4(s),
  ipv6: (s) => isIPv6(s),
  cidr: (s) => {
    const [ip, bits, extra] = s.split('/');
    if (ip === undefined || bits === undefined || extra !== undefined || !/^\d{1,3}$/.test(bits)) return false;
    return (isIPv4(ip) && Number(bits) <= 32) || (isIPv6(ip) && Number(bits) <= 128);
  },
};

/**
 * Matches the objects of two `out/` trees and computes field-level changes with `microdiff`.
 *
 * Objects are matched by cluster, API group, kind, namespace and name: a version bump of the same group is a
 * change of `apiVersion`, a rename is a removal plus an addition. Before diffing, lists whose items all carry a
 * unique `name` (containers, env, ports, volumes, ...) become maps keyed by that name, so inserting a container
 * does not show as every later container changing; lists of scalars are compared whole
 * (`spec.managementPolicies: [Observe, Create] → [Observe, Create, Delete]`). A string that holds a JSON document
 * (an IAM policy) is diffed as that document, its statements keyed by `Sid`, so a changed action reads as
 * `spec.forProvider.policy » Statement[Sid=Buckets].Action` instead of two long, equal-looking strings.
 */
import microdiff from 'microdiff';
import type { OutObject } from '../out-tree.js';
import { apiGroup, type ChangeAction, type FieldChange, type ObjectChange, type ObjectRef } from './model.js';
import { redactValue, type PathSegment } from './redact.js';

/** Prefix of map keys that stand for a named list item; cannot occur in YAML written by the generator. */
const ITEM = '\u0001';
/** The map key that stands for the JSON document a string holds. */
const JSON_DOCUMENT = '\u0002';
/** Fields that identify an item of a list when every item has a distinct one: Kubernetes `name`, IAM `Sid`. */
const ITEM_KEYS = ['name', 'Sid'] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function metadataOf(object: Json): Json {
  return isObject(object.metadata) ? object.metadata : {};
}

/** The folder of an object relative to its cluster, e.g. `tenants/team-a`; the README's out/ layout calls it the layer. */
function layerOf(o: OutObject): string {
  const parts = o.path.split('/');
  const at = parts.indexOf(o.cluster);
  return at >= 0 && parts.length - at > 2 ? parts.slice(at + 1, -1).join('/') : o.layer;
}

export function refOf(o: OutObject): ObjectRef {
  const meta = metadataOf(o.object);
  const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined;
  return {
    cluster: o.cluster,
    layer: layerOf(o),
    path: o.path,
    apiVersion: String(o.object.apiVersion ?? ''),
    kind: String(o.object.kind ?? ''),
    ...(namespace ? { namespace } : {}),
    name: String(meta.name ?? ''),
  };
}

/** The identity an object keeps across a change: cluster, API group (not version), kind, namespace, name. */
export function objectKey(o: OutObject): string {
  const ref = refOf(o);
  return [ref.cluster, apiGroup(ref.apiVersion), ref.kind, ref.namespace ?? '', ref.name].join('\0');
}

/** The field that tells the items of a list apart (every item has a distinct string value of it), if any. */
function itemKey(list: readonly unknown[]): (typeof ITEM_KEYS)[number] | undefined {
  if (list.length === 0) return undefined;
  return ITEM_KEYS.find((key) => {
    const seen = new Set<string>();
    for (const item of list) {
      const value = isObject(item) ? item[key] : undefined;
      if (typeof value !== 'string' || seen.has(value)) return false;
      seen.add(value);
    }
    return true;
  });
}

/** The JSON document (object or list) a string holds, if it holds one. */
function jsonDocument(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keyed lists become maps keyed by `ITEM + key=value`, strings holding JSON documents become `{ JSON_DOCUMENT: doc }`;
 * everything else is copied as is.
 */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const key = itemKey(value);
    if (key) return Object.fromEntries((value as Json[]).map((item) => [`${ITEM}${key}=${String(item[key])}`, normalize(item)]));
    return value.map(normalize);
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  if (typeof value === 'string') {
    const doc = jsonDocument(value);
    if (doc !== undefined) return { [JSON_DOCUMENT]: normalize(doc) };
  }
  return value;
}

function toSegments(path: readonly (string | number)[]): PathSegment[] {
  return path.map((p) => {
    if (p === JSON_DOCUMENT) return { json: true };
    if (typeof p !== 'string' || !p.startsWith(ITEM)) return p;
    const [key, ...name] = p.slice(ITEM.length).split('=');
    return key === 'name' ? { itemName: name.join('=') } : { itemName: name.join('='), key: key! };
  });
}

/** The value at a differ path in the original (not normalized) object. */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'object' && 'json' in segment) {
      node = typeof node === 'string' ? jsonDocument(node) : undefined;
    } else if (typeof segment === 'object') {
      const key = segment.key ?? 'name';
      node = Array.isArray(node) ? node.find((item) => isObject(item) && item[key] === segment.itemName) : undefined;
    } else {
      node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}

/** Shortens a path to the first list of scalars on it, so such lists are reported whole. */
function collapseScalarLists(before: unknown, after: unknown, path: PathSegment[]): PathSegment[] {
  for (let i = 0; i < path.length; i++) {
    const prefix = path.slice(0, i);
    const isScalarList = (v: unknown) => Array.isArray(v) && v.every((item) => item === null || typeof item !== 'object');
    if (isScalarList(valueAt(before, prefix)) || isScalarList(valueAt(after, prefix))) return prefix;
  }
  return path;
}

/** `spec.template.spec.containers[name=app].image`, `metadata.annotations["crossplane.io/external-name"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'object' && 'json' in segment) out += ' » ';
    else if (typeof segment === 'object') out += `[${segment.key ?? 'name'}=${segment.itemName}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out && !out.endsWith(' » ') ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The entries of a map field, recursively; lists, list items and scalars are one entry. */
function mapLeaves(path: PathSegment[], value: unknown): [PathSegment[], unknown][] {
  const last = path[path.length - 1];
  if (!isObject(value) || Object.keys(value).length === 0 || typeof last !== 'string') return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => mapLeaves([...path, k], v));
}

/**
 * Field-level changes between two versions of one object, sorted by path, secret values redacted.
 * Key order and the order of named list items are not changes.
 */
export function diffFields(before: Json, after: Json): FieldChange[] {
  if (microdiff(before, after).length === 0) return [];
  const group = apiGroup(String(after.apiVersion ?? before.apiVersion ?? ''));
  const kind = String(after.kind ?? before.kind ?? '');
  const seen = new Map<string, FieldChange>();
  for (const d of microdiff(normalize(before) as Json, normalize(after) as Json)) {
    const path = collapseScalarLists(before, after, toSegments(d.path));
    const key = formatPath(path);
    if (seen.has(key)) continue;
    const was = valueAt(before, path);
    const now = valueAt(after, path);
    if (was === undefined || now === undefined) {
      // An added or removed map (say, metadata.annotations) reads best as one line per entry.
      const action: ChangeAction = was === undefined ? 'added' : 'removed';
      for (const [leafPath, value] of mapLeaves(path, was ?? now)) {
        const redacted = redactValue(group, kind, leafPath, value);
        seen.set(formatPath(leafPath), { path: formatPath(leafPath), action, ...(action === 'added' ? { after: redacted } : { before: redacted }) });
      }
      continue;
    }
    seen.set(key, {
      path: key,
      action: 'changed',
      before: redactValue(group, kind, path, was),
      after: redactValue(group, kind, path, now),
    });
  }
  return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Fields an added object's header line already says: its identity. */
const IDENTITY_PATHS = new Set(['apiVersion', 'kind', 'metadata.name', 'metadata.namespace']);

/** The leaves of a normalized value with their paths: maps are walked (named list items and JSON documents too), anything else is a leaf. */
function leaves(path: (string | number)[], value: unknown): (string | number)[][] {
  if (!isObject(value) || Object.keys(value).length === 0) return [path];
  return Object.entries(value).flatMap(([k, v]) => leaves([...path, k], v));
}

/**
 * What an added object sets, one field per leaf (named list items by name, policies statement by statement), secrets
 * redacted, without the identity its header line already gives; sorted by path.
 */
export function addedFields(object: Json): FieldChange[] {
  const group = apiGroup(String(object.apiVersion ?? ''));
  const kind = String(object.kind ?? '');
  const fields: FieldChange[] = [];
  const seen = new Set(IDENTITY_PATHS);
  for (const raw of leaves([], normalize(object))) {
    // A named item's own name is already in its path (`containers[name=app]`).
    const parent = raw[raw.length - 2];
    if (typeof parent === 'string' && parent.startsWith(`${ITEM}${String(raw[raw.length - 1])}=`)) continue;
    const path = collapseScalarLists(undefined, object, toSegments(raw));
    const key = formatPath(path);
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ path: key, action: 'added', after: redactValue(group, kind, path, valueAt(object, path)) });
  }
  return fields.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function byLocation(a: ObjectChange, b: ObjectChange): number {
  const ka = [a.ref.cluster, a.ref.layer, a.ref.path];
  const kb = [b.ref.cluster, b.ref.layer, b.ref.path];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

/** Keys objects, disambiguating (by path) the duplicates a broken render could produce. */
function index(objects: readonly OutObject[]): Map<string, OutObject> {
  const map = new Map<string, OutObject>();
  for (const o of objects) {
    const key = objectKey(o);
    map.set(map.has(key) ? `${key}\0${o.path}` : key, o);
  }
  return map;
}

/** Every added, removed and changed object between two trees, sorted by cluster, layer and path. */
export function diffTrees(base: readonly OutObject[], head: readonly OutObject[]): ObjectChange[] {
  const before = index(base);
  const after = index(head);
  const changes: ObjectChange[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) {
      changes.push({ action: 'added', ref: refOf(now), fields: addedFields(now.object), after: now.object });
      continue;
    }
    const fields = diffFields(was.object, now.object);
    if (fields.length > 0) {
      changes.push({ action: 'changed', ref: refOf(now), fields, before: was.object, after: now.object });
    }
  }
  for (const [key, was] of before) {
    if (!after.has(key)) changes.push({ action: 'removed', ref: refOf(was), fields: [], before: was.object });
  }
  return changes.sort(byLocation);
}

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { LineStore } from './line-store.js';
import type { Unit } from './render/cluster-context.js';
import type { UnitLookup } from './render/render-cluster.js';
import type { PlannedObject } from './write/output-plan.js';

/** One object of a unit as kept: what it is and its file's hash (its folder and sources are the unit's). */
type SavedObject = [apiVersion: string, kind: string, name: string, namespace: string, hash: string];

/**
 * The objects (names and hashes, not texts) each unit rendered last time, by unit key: the code fingerprint, the unit's
 * id, folder and sources, and its props. A unit's props are everything its construct reads, so an equal key renders
 * equal objects. One LineStore file per cluster, rewritten after each run with only the keys that run used: a unit's
 * objects as JSON (each `[apiVersion, kind, name, namespace, hash]`), parsed only when the unit is looked up and written
 * back as it was read when its objects came from here.
 */
export class UnitCache implements UnitLookup {
  private lines: LineStore | undefined;
  /** The objects handed out by `get`, so that `save` writes their line back without encoding them again. */
  private readonly given = new WeakMap<readonly PlannedObject[], string>();

  constructor(
    private readonly dir: string,
    /** The code fingerprint (see codeFingerprint in generate-cache.ts). */
    private readonly code: string,
    /** False: know no unit from before (`generate --force`); units are still keyed and saved for the next run. */
    private readonly read = true,
  ) {}

  /** Reads the cluster's units; a missing, unreadable or other-code file gives none. */
  load(cluster: string): this {
    this.lines = new LineStore(this.file(cluster), this.header(), { read: this.read });
    return this;
  }

  keyOf(unit: Unit): string {
    const h = createHash('sha1');
    h.update(this.code);
    hashValue(h, [unit.id, unit.folder, unit.sources, unit.props]);
    return h.digest('hex');
  }

  get(key: string, unit: Unit): readonly PlannedObject[] | undefined {
    const line = this.lines?.get(key);
    if (line === undefined) return undefined;
    let saved: unknown;
    try {
      saved = JSON.parse(line);
    } catch {
      // A corrupt line is an unknown unit.
      return undefined;
    }
    if (!Array.isArray(saved) || !saved.every((o) => Array.isArray(o) && o.length === 5 && o.every((f) => typeof f === 'string'))) return undefined;
    const objects = (saved as SavedObject[]).map(([apiVersion, kind, name, namespace, hash]): PlannedObject => ({
      folder: unit.folder, sources: unit.sources, apiVersion, kind, name, ...(namespace ? { namespace } : {}), hash,
    }));
    this.given.set(objects, line);
    return objects;
  }

  /** Writes the cluster's units as this run used them (and only those). */
  save(cluster: string, units: ReadonlyMap<string, readonly PlannedObject[]>): void {
    const lines = new LineStore(this.file(cluster), this.header(), { read: false });
    for (const [key, objects] of units) {
      const saved = objects.map((o): SavedObject => [o.apiVersion, o.kind, o.name, o.namespace ?? '', o.hash]);
      lines.set(key, this.given.get(objects) ?? JSON.stringify(saved));
    }
    lines.save();
  }

  private header(): string {
    return `platform unit cache 2, code ${this.code}`;
  }

  private file(cluster: string): string {
    return join(this.dir, `units-${cluster}.txt`);
  }
}

type Hash = ReturnType<typeof createHash>;

/**
 * An object or array whose encoding is at least this long is encoded once per run and stands as its digest in what
 * contains it: the fleet's data (a tenant's spec, every tenant of the cluster) is shared by many units and is not
 * changed while rendering.
 */
const MEMO_CHARS = 512;
const memo = new WeakMap<object, string>();

/**
 * Feeds a value to a hash with its structure: types, array lengths, object keys in their own order (an object's key order
 * can reach the output), Sets and Maps in insertion order. Functions and other non-data values are refused: a unit's
 * props must be data. The value is encoded into one string first: one hash update per unit, not one per field.
 */
export function hashValue(h: Hash, v: unknown): void {
  const out = new Encoding();
  encode(out, v);
  h.update(out.parts.join(''));
}

/** The parts of an encoding and their total length (what decides whether a value is large). */
class Encoding {
  readonly parts: string[] = [];
  chars = 0;

  add(part: string, more?: string): void {
    this.parts.push(part);
    this.chars += part.length;
    if (more !== undefined) this.add(more);
  }
}

/** Appends the encoding of a value: every string is length-prefixed, so no two values share an encoding. */
function encode(out: Encoding, v: unknown): void {
  if (v === undefined) out.add('u');
  else if (v === null) out.add('n');
  else if (typeof v === 'string') out.add(`s${v.length}:`, v);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') out.add(`${typeof v}:${String(v)};`);
  else if (v instanceof Set) encode(out, ['Set', [...v]]);
  else if (v instanceof Map) encode(out, ['Map', [...v]]);
  else if (Array.isArray(v) || (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null))) {
    const known = memo.get(v);
    if (known !== undefined) {
      out.add(known);
      return;
    }
    const [start, chars] = [out.parts.length, out.chars];
    if (Array.isArray(v)) encodeArray(out, v);
    else encodeObject(out, v as Record<string, unknown>);
    if (out.chars - chars >= MEMO_CHARS) {
      // Large: its digest stands for it ('H' is no other encoding's first character), here and wherever it appears again.
      const digest = `H${createHash('sha1').update(out.parts.splice(start).join('')).digest('hex')}`;
      memo.set(v, digest);
      out.chars = chars;
      out.add(digest);
    }
  } else throw new Error(`unit props must be plain data, found ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v}`);
}

function encodeObject(out: Encoding, v: Record<string, unknown>): void {
  const keys = Object.keys(v);
  out.add(`o${keys.length}{`);
  for (const k of keys) {
    out.add(`s${k.length}:`, k);
    encode(out, v[k]);
  }
  out.add('}');
}

function encodeArray(out: Encoding, v: readonly unknown[]): void {
  out.add(`a${v.length}[`);
  for (const x of v) encode(out, x);
  out.add(']');
}

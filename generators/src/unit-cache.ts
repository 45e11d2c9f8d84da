import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Unit } from './render/cluster-context.js';
import type { UnitLookup } from './render/render-cluster.js';
import type { PlannedObject } from './write/output-plan.js';

interface SavedUnits {
  readonly code: string;
  readonly units: Record<string, readonly PlannedObject[]>;
}

/**
 * The objects (names and hashes, not texts) each unit rendered last time, by unit key: the code fingerprint, the unit's
 * id, folder and sources, and its props. A unit's props are everything its construct reads, so an equal key renders
 * equal objects. One file per cluster, rewritten after each run with only the keys that run used.
 */
export class UnitCache implements UnitLookup {
  private units = new Map<string, readonly PlannedObject[]>();

  constructor(
    private readonly dir: string,
    /** The code fingerprint (see codeFingerprint in generate-cache.ts). */
    private readonly code: string,
  ) {}

  /** Reads the cluster's units; a missing, unreadable or other-code file gives none. */
  load(cluster: string): this {
    this.units = new Map();
    const file = this.file(cluster);
    if (!existsSync(file)) return this;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedUnits;
      if (saved.code === this.code && saved.units && typeof saved.units === 'object') this.units = new Map(Object.entries(saved.units));
    } catch {
      // A corrupt cache is no cache.
    }
    return this;
  }

  keyOf(unit: Unit): string {
    const h = createHash('sha1');
    h.update(this.code);
    hashValue(h, [unit.id, unit.folder, unit.sources, unit.props]);
    return h.digest('hex');
  }

  get(key: string): readonly PlannedObject[] | undefined {
    const objects = this.units.get(key);
    return Array.isArray(objects) ? objects : undefined;
  }

  save(cluster: string, units: ReadonlyMap<string, readonly PlannedObject[]>): void {
    writeAtomically(this.file(cluster), JSON.stringify({ code: this.code, units: Object.fromEntries(units) } satisfies SavedUnits));
  }

  private file(cluster: string): string {
    return join(this.dir, `units-${cluster}.json`);
  }
}

/** Writes a file whole or not at all (a temporary file renamed over it). */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

type Hash = ReturnType<typeof createHash>;

/** Arrays at least this long are hashed once per run (by identity); the fleet's data is not changed while rendering. */
const MEMO_LENGTH = 64;
const memo = new WeakMap<readonly unknown[], string>();

/**
 * Feeds a value to a hash with its structure: types, array lengths, object keys in their own order (an object's key order
 * can reach the output), Sets and Maps in insertion order. Functions and other non-data values are refused: a unit's
 * props must be data.
 */
export function hashValue(h: Hash, v: unknown): void {
  if (v === undefined) h.update('u');
  else if (v === null) h.update('n');
  else if (typeof v === 'string') h.update(`s${v.length}:`).update(v);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') h.update(`${typeof v}:${String(v)};`);
  else if (Array.isArray(v)) {
    if (v.length < MEMO_LENGTH) hashArray(h, v);
    else {
      // A long list shared by many units (every tenant of the cluster) is hashed once.
      let digest = memo.get(v);
      if (digest === undefined) {
        const inner = createHash('sha1');
        hashArray(inner, v);
        memo.set(v, (digest = inner.digest('hex')));
      }
      h.update(`A${digest}`);
    }
  } else if (v instanceof Set) hashValue(h, ['Set', [...v]]);
  else if (v instanceof Map) hashValue(h, ['Map', [...v]]);
  else if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    const keys = Object.keys(v);
    h.update(`o${keys.length}{`);
    for (const k of keys) {
      h.update(`s${k.length}:`).update(k);
      hashValue(h, (v as Record<string, unknown>)[k]);
    }
    h.update('}');
  } else throw new Error(`unit props must be plain data, found ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v}`);
}

function hashArray(h: Hash, v: readonly unknown[]): void {
  h.update(`a${v.length}[`);
  for (const x of v) hashValue(h, x);
  h.update(']');
}

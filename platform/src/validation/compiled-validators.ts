import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

/** Where the code of compiled validators is kept between runs (generate keeps it in its cache folder). */
export interface CompiledCodeStore {
  get(key: string): string | undefined;
  set(key: string, code: string): void;
}

let store: CompiledCodeStore | undefined;

/** Keeps the code of every schema compiled from now on in `codes`, and takes the code kept there instead of compiling. */
export function useCompiledCodeStore(codes: CompiledCodeStore | undefined): void {
  store = codes;
}

/** The module is CommonJS: its default import is the function its types call `default`. */
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv, fn: ValidateFunction) => string;
/** What the kept code requires: ajv's runtime helpers, resolved as ajv itself is. */
const requireFromHere = createRequire(import.meta.url);

/**
 * An Ajv instance whose `compile` takes the code of a schema compiled by an earlier run with the same options (see
 * useCompiledCodeStore): compiling a large schema costs tens of milliseconds, loading its code almost nothing. The
 * code is ajv's own standalone output for the schema, so a kept validator behaves as a compiled one, defaults and
 * messages included. Without a store it is plain Ajv.
 */
export class StoredAjv {
  private readonly ajv: Ajv;
  private readonly optionsKey: string;

  constructor(options: Options) {
    this.ajv = new Ajv({ ...options, code: { ...options.code, source: true } });
    this.optionsKey = JSON.stringify(options);
  }

  compile(schema: object): ValidateFunction {
    if (!store) return this.ajv.compile(schema);
    const key = createHash('sha1').update(this.optionsKey).update('\0').update(JSON.stringify(schema)).digest('hex');
    const kept = store.get(key);
    if (kept !== undefined) {
      const loaded = load(kept);
      if (loaded) return loaded;
    }
    const validate = this.ajv.compile(schema);
    store.set(key, standaloneCode(this.ajv, validate));
    return validate;
  }
}

/** Runs kept standalone code (a CommonJS module exporting the validator); undefined when it is not that. */
function load(code: string): ValidateFunction | undefined {
  try {
    const module: { exports: { default?: unknown } } = { exports: {} };
    new Function('module', 'exports', 'require', code)(module, module.exports, requireFromHere);
    const validate = module.exports.default ?? module.exports;
    return typeof validate === 'function' ? (validate as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

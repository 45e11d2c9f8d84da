import { join } from 'node:path';
import type { CompiledCodeStore } from '@platform/platform';
import { LineStore } from './line-store.js';

/**
 * The code of every JSON Schema validator compiled by earlier runs (the input kinds', the Crossplane kinds'), by a hash
 * of the Ajv options and the schema, kept in the cache folder under the code fingerprint (which covers ajv's release
 * through the lock file). Few and all likely needed again, so every entry is kept. See StoredAjv.
 */
export class ValidatorCache implements CompiledCodeStore {
  private readonly lines: LineStore;

  constructor(
    dir: string,
    /** The code fingerprint (see codeFingerprint in generate-cache.ts). */
    code: string,
    /** False: know nothing from before (`generate --force`), only record this run's validators. */
    read = true,
  ) {
    this.lines = new LineStore(join(dir, 'validators.txt'), `platform validator cache, code ${code}`, { read, keepUnused: true });
  }

  get(key: string): string | undefined {
    const line = this.lines.get(key);
    if (line === undefined) return undefined;
    try {
      const code = JSON.parse(line) as unknown;
      return typeof code === 'string' ? code : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, code: string): void {
    this.lines.set(key, JSON.stringify(code));
  }

  save(): void {
    this.lines.save();
  }
}

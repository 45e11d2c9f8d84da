import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A cache file of one-line entries, `<key>\t<value>`, after a header naming what it is and the code that wrote it: a
 * file with another header is no cache. Values are read as they are asked for, and written back with what this run
 * added; entries no run asked for are dropped unless `keepUnused`. A key or value never holds a tab or a line break.
 */
export class LineStore {
  private readonly known = new Map<string, string>();
  private readonly next = new Map<string, string>();
  private changed = false;

  constructor(
    private readonly file: string,
    private readonly header: string,
    options: {
      /** False: know nothing from before, only record this run's entries. */
      readonly read?: boolean;
      /** Write back entries this run did not ask for (a small set that every run may need again). */
      readonly keepUnused?: boolean;
    } = {},
  ) {
    if (options.read === false || !existsSync(file)) return;
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines[0] !== header) return;
      for (let i = 1; i < lines.length; i++) {
        const tab = lines[i]!.indexOf('\t');
        if (tab > 0) this.known.set(lines[i]!.slice(0, tab), lines[i]!.slice(tab + 1));
      }
    } catch {
      // An unreadable cache is no cache.
    }
    if (options.keepUnused) for (const [key, value] of this.known) this.next.set(key, value);
  }

  /** The value kept for `key` (kept again by save), or undefined. */
  get(key: string): string | undefined {
    const value = this.known.get(key);
    if (value !== undefined) this.next.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    this.next.set(key, value);
    this.changed = true;
  }

  /** Writes the entries of this run, when one was added or one known before is gone. */
  save(): void {
    if (!this.changed && this.next.size === this.known.size) return;
    writeAtomically(this.file, `${[this.header, ...[...this.next].map(([key, value]) => `${key}\t${value}`)].join('\n')}\n`);
  }
}

/** Writes a file whole or not at all (a temporary file renamed over it). */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

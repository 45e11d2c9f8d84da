import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputKind } from '@platform/schemas';
import type { InputFacts } from './source-file.js';
import { writeAtomically } from '../unit-cache.js';

/**
 * The facts of every input file that was valid last time (see InputFacts), by path, kind and content hash: a file whose
 * text did not change is not parsed nor validated again. Keyed by the code fingerprint too (the schemas and the loader
 * are code), and kept in the cache folder, never committed. One line per file, `<hash> <kind> <path as JSON>`, a tab
 * and its facts as JSON, after a first line naming the code; a line is parsed only when its file is asked for.
 */
export class InputCache {
  private lines = new Map<string, string>();
  private readonly next = new Map<string, string>();
  private changed = false;

  constructor(
    private readonly dir: string,
    /** The code fingerprint (see codeFingerprint in generate-cache.ts). */
    private readonly code: string,
    /** False: know nothing from before (`generate --force`), only record this run's files for the next. */
    read = true,
  ) {
    const file = this.file();
    if (!read || !existsSync(file)) return;
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines[0] !== this.header()) return;
      for (let i = 1; i < lines.length; i++) {
        const tab = lines[i]!.indexOf('\t');
        if (tab > 0) this.lines.set(lines[i]!.slice(0, tab), lines[i]!.slice(tab + 1));
      }
    } catch {
      // An unreadable cache is no cache.
    }
  }

  /** The facts kept for this file when its text is the one seen last time; undefined otherwise. */
  get(path: string, kind: InputKind, text: string): InputFacts | undefined {
    const key = keyOf(path, kind, text);
    const line = this.lines.get(key);
    if (line === undefined) return undefined;
    try {
      const facts = JSON.parse(line) as InputFacts;
      if (typeof facts !== 'object' || facts === null || typeof facts.comments !== 'object' || facts.comments === null) return undefined;
      this.next.set(key, line);
      return facts;
    } catch {
      return undefined;
    }
  }

  /** Records a file found valid in this run, with its facts (SourceFile.factsText). */
  set(path: string, kind: InputKind, text: string, facts: string): void {
    this.next.set(keyOf(path, kind, text), facts);
    this.changed = true;
  }

  /** Writes the files of this run (only when one was parsed, or one known before is gone). */
  save(): void {
    if (!this.changed && this.next.size === this.lines.size) return;
    const lines = [this.header(), ...[...this.next].map(([key, facts]) => `${key}\t${facts}`)];
    writeAtomically(this.file(), `${lines.join('\n')}\n`);
  }

  private header(): string {
    return `platform input cache, code ${this.code}`;
  }

  private file(): string {
    return join(this.dir, 'inputs.txt');
  }
}

const keyOf = (path: string, kind: InputKind, text: string): string => `${createHash('sha1').update(text).digest('hex')} ${kind} ${JSON.stringify(path)}`;

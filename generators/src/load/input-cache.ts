import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { InputKind } from '@platform/schemas';
import type { InputFacts } from './source-file.js';
import { LineStore } from '../line-store.js';

/**
 * The facts of every input file that was valid last time (see InputFacts), by path, kind and content hash: a file whose
 * text did not change is not parsed nor validated again. Keyed by the code fingerprint too (the schemas and the loader
 * are code), and kept in the cache folder, never committed. One line per file, `<hash> <kind> <path as JSON>`, a tab
 * and its facts as JSON, after a first line naming the code; a line is parsed only when its file is asked for.
 */
export class InputCache {
  private readonly lines: LineStore;

  constructor(
    dir: string,
    /** The code fingerprint (see codeFingerprint in generate-cache.ts). */
    code: string,
    /** False: know nothing from before (`generate --force`), only record this run's files for the next. */
    read = true,
  ) {
    this.lines = new LineStore(join(dir, 'inputs.txt'), `platform input cache, code ${code}`, { read });
  }

  /** The facts kept for this file when its text is the one seen last time; undefined otherwise. */
  get(path: string, kind: InputKind, text: string): InputFacts | undefined {
    const line = this.lines.get(keyOf(path, kind, text));
    if (line === undefined) return undefined;
    try {
      const facts = JSON.parse(line) as InputFacts;
      return typeof facts === 'object' && facts !== null && typeof facts.comments === 'object' && facts.comments !== null ? facts : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records a file found valid in this run, with its facts (SourceFile.factsText). */
  set(path: string, kind: InputKind, text: string, facts: string): void {
    this.lines.set(keyOf(path, kind, text), facts);
  }

  /** Writes the files of this run (only when one was parsed, or one known before is gone). */
  save(): void {
    this.lines.save();
  }
}

const keyOf = (path: string, kind: InputKind, text: string): string => `${createHash('sha1').update(text).digest('hex')} ${kind} ${JSON.stringify(path)}`;

import { readFileSync, statSync } from 'node:fs';
import { Document, LineCounter, isMap, isNode, isScalar, isSeq, parseAllDocuments, parseDocument, type Node } from 'yaml';
import { type Diagnostic, fieldPath } from './diagnostic.js';

/** Inputs are small by design; anything larger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** Aliases are legal YAML but a billion-laughs vector; inputs never need many. */
export const MAX_ALIASES = 50;

/**
 * What a valid input file gives besides its positions, kept between runs by content hash (see InputCache): its data
 * as validated (defaults filled), the data as written (for `has`) and the comment after each value (for
 * `trailingComment`), by JSON-encoded path.
 */
export interface InputFacts {
  readonly data: unknown;
  readonly written: unknown;
  readonly comments: Readonly<Record<string, string>>;
}

/** One parsed input file that keeps its source positions for error messages. */
export class SourceFile {
  private constructor(
    /** Repo-relative path with forward slashes, as printed in messages. */
    readonly path: string,
    readonly data: unknown,
    private parsed: { readonly doc: Document | undefined; readonly lines: LineCounter } | undefined,
    /** The file's text, parsed again for positions when the file was known from the facts alone. */
    private readonly text: string,
    private readonly facts?: InputFacts,
  ) {}

  /** A file's text, or the problem when it is too large to be an input. */
  static readText(absPath: string, path: string): string | Diagnostic[] {
    const size = statSync(absPath).size;
    if (size > MAX_INPUT_BYTES) {
      return [{ file: path, line: 1, col: 1, field: '', message: `file is ${size} bytes (found); allowed: at most ${MAX_INPUT_BYTES} bytes` }];
    }
    return readFileSync(absPath, 'utf8');
  }

  /** A file already known valid with this text: its data and facts as kept, no parsing until a position is asked for. */
  static known(path: string, text: string, facts: InputFacts): SourceFile {
    return new SourceFile(path, facts.data, undefined, text, facts);
  }

  static parse(path: string, text: string): SourceFile | Diagnostic[] {
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
    const at = (offset: number) => lines.linePos(offset);
    const problems: Diagnostic[] = [];
    const all = Array.isArray(docs) ? docs : [];
    for (const doc of all) {
      for (const e of doc.errors) {
        const { line, col } = at(errorOffset(text, e.pos[0]));
        const what =
          e.code === 'DUPLICATE_KEY'
            ? `duplicate key "${keyAt(text, e.pos[0])}": each key may appear once in a mapping`
            : `YAML syntax error: ${firstLine(e.message)}`;
        problems.push({ file: path, line, col, field: '', message: what });
      }
    }
    if (problems.length > 0) return problems;
    if (all.length > 1) {
      const second = all[1]!;
      const { line, col } = at(second.range[0]);
      return [{ file: path, line, col, field: '', message: `found ${all.length} YAML documents; allowed: exactly one per file` }];
    }
    const doc = all[0];
    if (!doc || doc.contents === null) {
      return [{ file: path, line: 1, col: 1, field: '', message: 'file is empty; allowed: one YAML mapping' }];
    }
    if (!isMap(doc.contents)) {
      const { line, col } = at(doc.contents.range?.[0] ?? 0);
      return [{ file: path, line, col, field: '', message: `document is a ${describeNode(doc.contents)} (found); allowed: a mapping of fields` }];
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      return [{ file: path, line: 1, col: 1, field: '', message: `${(e as Error).message}; allowed: at most ${MAX_ALIASES} alias expansions` }];
    }
    return new SourceFile(path, data, { doc, lines }, text);
  }

  /** The parsed document and its line counter, parsing the text again when the file was known from its facts. */
  private get source(): { readonly doc: Document | undefined; readonly lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      this.parsed = { doc: parseDocument(this.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true }), lines };
    }
    return this.parsed;
  }

  /**
   * What to keep of this valid file for the next run (see InputCache): call it once the data is validated. Encoded
   * at once, so nothing done to the data later can reach the cache. Undefined when JSON cannot hold the data as it is
   * (`.inf` and `.nan` are numbers JSON does not have): such a file is parsed every run.
   */
  factsText(): string | undefined {
    const comments: Record<string, string> = {};
    const walk = (node: unknown, path: (string | number)[]) => {
      if (isNode(node) && node.comment) comments[JSON.stringify(path)] = node.comment.trim();
      if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)]);
      else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    };
    const doc = this.source.doc;
    walk(doc?.contents, []);
    const facts: InputFacts = { data: this.data, written: doc?.toJS({ maxAliasCount: MAX_ALIASES }), comments };
    return isJsonData(facts.data) && isJsonData(facts.written) ? JSON.stringify(facts) : undefined;
  }

  /**
   * Line and column of the value at `path`, or of the nearest ancestor that exists.
   * With `key`, the position of the key itself (for unknown fields).
   */
  locate(path: readonly (string | number)[], key = false): { line: number; col: number } {
    const { doc, lines } = this.source;
    if (!doc) return { line: 1, col: 1 };
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n);
      if (key && n === path.length && n > 0) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isNode(p.key) && (p.key as Node & { value?: unknown }).value === sub[sub.length - 1]);
          if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
        }
        continue;
      }
      const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  /** Whether the file itself writes a value at `path` (`data` also holds the schema's defaults once validated). */
  has(path: readonly (string | number)[]): boolean {
    if (this.facts) return writtenAt(this.facts.written, path);
    return this.source.doc?.hasIn(path) ?? false;
  }

  /** The comment after the value at `path` on its line (without `#`), if any. */
  trailingComment(path: readonly (string | number)[]): string | undefined {
    if (this.facts) return this.facts.comments[JSON.stringify(path)];
    const node = this.source.doc?.getIn(path, true);
    return isNode(node) && node.comment ? node.comment.trim() : undefined;
  }

  /** A diagnostic located at `path` in this file. */
  problem(path: readonly (string | number)[], message: string, opts: { key?: boolean } = {}): Diagnostic {
    const { line, col } = this.locate(path, opts.key);
    return { file: this.path, line, col, field: fieldPath(path), message };
  }
}

/** Whether JSON holds `v` exactly: strings, finite numbers, booleans, null, arrays and plain objects of them. */
function isJsonData(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonData);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(isJsonData);
  return false;
}

/** Whether plain data (a file's data as written) holds a value, possibly null, at `path`. */
function writtenAt(data: unknown, path: readonly (string | number)[]): boolean {
  let at = data;
  for (const step of path) {
    if (Array.isArray(at)) {
      if (typeof step !== 'number' || step < 0 || step >= at.length) return false;
      at = at[step];
    } else if (typeof at === 'object' && at !== null && Object.prototype.hasOwnProperty.call(at, step)) at = (at as Record<string, unknown>)[step];
    else return false;
  }
  return true;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function describeNode(n: unknown): string {
  if (isNode(n) && 'items' in (n as object)) return 'sequence';
  return 'scalar value';
}

/**
 * Where to point at a YAML error: the parser reports some errors at the indentation before the item (column 1) or
 * past the end of what it could not close (a blank line, the end of the file). Point at the item's first character
 * instead, or at the end of the last line that has content.
 */
export function errorOffset(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  if (at < text.length && text[at] !== '\n' && text[at] !== '\r') return at;
  // Nothing on this line from here on: step back over line breaks and blanks to the last character with content.
  let back = Math.min(offset, text.length) - 1;
  while (back > 0 && /\s/.test(text[back]!)) back--;
  return Math.max(back, 0);
}

/** The key written at `offset` (the parser marks only its first character), quotes removed. */
function keyAt(text: string, offset: number): string {
  const token = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n]+?)(?=\s*:)/.exec(text.slice(offset))?.[0] ?? text.slice(offset, offset + 1);
  return token.replace(/^["']|["']$/g, '').trim();
}

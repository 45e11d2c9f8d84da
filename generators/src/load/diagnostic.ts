/**
 * A problem found in an input file, located by line and column (1-based) and by field path.
 * Printed as `file:line:col: field.path: message`, the form editors and CI annotations understand.
 */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted field path such as `network.vpcCidr` or `owners[0].team`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.field ? `${d.field}: ` : ''}${d.message}`;
}

/** Sorted by file, then position, so output is stable however the checks ran. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

/** Joins a path of keys and indexes as `a.b[0].c`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** Thrown when inputs are invalid: carries every diagnostic; the CLI prints them and exits 1. */
export class InputError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the inputs`);
  }
}

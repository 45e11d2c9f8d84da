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

/**
 * The GitHub Actions workflow command that annotates the file at the problem's line in a PR
 * (`::error file=…,line=…,col=…::message`), with the characters GitHub reserves escaped.
 */
export function githubAnnotation(d: Diagnostic): string {
  const property = (v: string) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const message = `${d.field ? `${d.field}: ` : ''}${d.message}`.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error file=${property(d.file)},line=${d.line},col=${d.col}::${message}`;
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

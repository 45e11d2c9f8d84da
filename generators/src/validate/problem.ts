/**
 * One finding of `platform validate`: a field path inside one object and a kubectl-like message,
 * e.g. `{ path: 'spec.forProvider.cidrBlock', message: 'Required value' }`.
 *
 * `path` is empty when the problem is about the object as a whole.
 */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

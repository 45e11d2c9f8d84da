import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CrdIndex } from '../../src/validate/crd-index.js';
import { loadCrdIndex } from '../../src/validate/crd-index.js';

/** The repository root (generators/test/validate → ../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Hand-written CRD fixtures, always present. */
export const FIXTURE_CRDS = fileURLToPath(new URL('../fixtures/crds/', import.meta.url));

/**
 * The upstream CRDs (Crossplane provider-upjet-aws, Crossplane core, Flux, cert-manager, external-secrets,
 * prometheus-operator) shared next to the repository. They are read in place, never copied into the project.
 */
export const REAL_CRDS = fileURLToPath(new URL('../shared/crds/', new URL('../../../', import.meta.url)));

export const HAS_REAL_CRDS = existsSync(REAL_CRDS);

/** Test-title suffix that says why real-CRD tests were skipped. */
export const REAL_CRDS_NOTE = HAS_REAL_CRDS ? '' : ` (skipped: ${REAL_CRDS} not present)`;

let real: CrdIndex | undefined;

/**
 * The real CRD index, loaded once per test file. Its documents are parsed lazily; tests force the full parse
 * (~10 MB of YAML, a couple of seconds) in a `beforeAll` with a generous timeout so busy machines do not time out.
 */
export function realCrds(): CrdIndex {
  real ??= loadCrdIndex(REAL_CRDS);
  return real;
}

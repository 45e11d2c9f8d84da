import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeModule from 'ajv-i18n/localize/en/index.js';
import emittedValidators from '../../generated/kubernetes-validators/emitted.js';
import type { KubernetesValidator } from '../../generated/kubernetes-validators/validators.js';
import { StoredAjv } from './compiled-validators.js';
import { EMITTED_KINDS } from './emitted-kinds.js';

/** Sets each error's English message. The module is CommonJS: its default import is the function its types call `default`. */
const localizeEn = localizeModule as unknown as (errors: ErrorObject[]) => void;

/**
 * Kinds validated with the schema of their Kubernetes or controller release (see emitted-kinds.ts): only these
 * `apiVersion/kind`s may be emitted besides the registered Crossplane kinds.
 */
const EMITTED: ReadonlyMap<string, KubernetesValidator> = new Map(
  EMITTED_KINDS.map((key) => {
    const validate = emittedValidators[key];
    // The generated validators and the list disagree: regenerate them (npm run import-validators).
    if (!validate) throw new Error(`no generated validator for ${key}; run \`npm run import-validators\``);
    return [key, validate];
  }),
);

/** Runs a generated validator; one readable problem (`spec.replicas: must be integer`) per failure. */
export function validatorProblems(validate: KubernetesValidator, manifest: Record<string, unknown>): string[] {
  if (validate(manifest)) return [];
  const errors = [...(validate.errors ?? [])];
  localizeEn(errors);
  return describeErrors(errors);
}

/** `path: message` for each schema error, with the name of an unknown property. */
function describeErrors(errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => {
    const at = e.instancePath.slice(1).replace(/\//g, '.');
    const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty?: string }).additionalProperty)}"` : '';
    return `${at || '(root)'}: ${e.message ?? e.keyword}${extra}`;
  });
}

const ajv = new StoredAjv({ allErrors: true, strict: false });
const schemas = new Map<string, object>();
const compiled = new Map<string, ValidateFunction>();

/**
 * Registers the JSON Schema of a kind that EMITTED_KINDS does not list (Crossplane kinds).
 * Each construct file that emits such a kind registers its schema when it is loaded.
 */
export function registerSchema(apiVersion: string, kind: string, schema: object): void {
  schemas.set(`${apiVersion}/${kind}`, schema);
  compiled.delete(`${apiVersion}/${kind}`);
}

/**
 * Removes a kind registered with `registerSchema` (or `defineManagedResourceKind`). The registry lives as long as the
 * module, so a test that defines a kind of its own removes it afterwards: every render lists the registered AWS kinds
 * (the ManagedResourceActivationPolicy), and a kind left behind would appear in the next render of the same process.
 */
export function unregisterSchema(apiVersion: string, kind: string): void {
  schemas.delete(`${apiVersion}/${kind}`);
  compiled.delete(`${apiVersion}/${kind}`);
}

/** The kinds that can be emitted: listed in EMITTED_KINDS or registered with a schema. */
export function knownKinds(): string[] {
  return [...EMITTED.keys(), ...schemas.keys()].sort();
}

/**
 * Validates one manifest. Returns readable problems (empty when valid). Every emitted object goes
 * through here at render time, and `platform validate` runs it over out/.
 */
export function validateManifest(manifest: Record<string, unknown>): string[] {
  const key = `${String(manifest.apiVersion)}/${String(manifest.kind)}`;
  const problems: string[] = [];
  const meta = manifest.metadata as Record<string, unknown> | undefined;
  if (!meta || typeof meta.name !== 'string' || meta.name === '') problems.push('metadata.name: Required value');

  const emitted = EMITTED.get(key);
  if (emitted) return [...problems, ...validatorProblems(emitted, manifest)];
  let fn = compiled.get(key);
  if (!fn) {
    const schema = schemas.get(key);
    if (!schema) return [...problems, `no schema for ${key}: emit only the kinds of emitted-kinds.ts or kinds registered with registerSchema()`];
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn(manifest) ? problems : [...problems, ...describeErrors(fn.errors ?? [])];
}

import type { CelStats } from './cel-rules.js';
import { evaluateRules, newCelStats } from './cel-rules.js';
import type { CrdIndex, ServedVersion } from './crd-index.js';
import type { Problem } from './problem.js';
import type { SchemaNode } from './structural-schema.js';
import { compileSchema, validateStructural } from './structural-schema.js';

/**
 * API groups built into the API server (or kustomize), which are not served by CRDs. Objects of these groups are
 * checked by `validateManifest` from the platform package, not here.
 */
export const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
  'metrics.k8s.io',
  'kustomize.config.k8s.io',
]);

/** Splits `group/version` (or a bare core `version`) into its parts. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The API server's wording when type errors stop validation rules from running. */
export const RULES_NOT_CHECKED =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

const compiled = new WeakMap<ServedVersion, SchemaNode>();

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Validates one object against the CRD that serves its `apiVersion` and `kind` in `index`, as the API server
 * would on create: the version must be served, `metadata.name` is required, `metadata.namespace` is required for
 * Namespaced and forbidden for Cluster scope, then the structural schema (with defaults and strict unknown-field
 * checks) and the `x-kubernetes-validations` rules.
 *
 * Objects of built-in API groups ({@link BUILT_IN_GROUPS}) are not CRDs and yield no problems here.
 * Rule evaluation counts are added to `stats` when given.
 */
export function validateAgainstCrds(index: CrdIndex, obj: Record<string, unknown>, stats: CelStats = newCelStats()): Problem[] {
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || apiVersion === '') return [{ path: 'apiVersion', message: 'Required value' }];
  if (typeof kind !== 'string' || kind === '') return [{ path: 'kind', message: 'Required value' }];
  const { group, version } = splitApiVersion(apiVersion);
  if (BUILT_IN_GROUPS.has(group)) return [];

  const served = index.lookup(apiVersion, kind);
  if (!served) return [{ path: 'apiVersion', message: notServedMessage(index, group, version, kind) }];

  const problems = checkMetadata(obj['metadata'], served.scope);
  if (!served.schema) return problems;
  let root = compiled.get(served);
  if (!root) {
    root = compileSchema(served.schema);
    compiled.set(served, root);
  }
  // Rules run after the whole object is defaulted and checked, and not at all when a value has the wrong type
  // (the API server does the same: rules assume the declared types).
  const pending: [SchemaNode, unknown, string][] = [];
  const result = validateStructural(obj, root, { onValidations: (node, value, path) => pending.push([node, value, path]) });
  problems.push(...result.problems);
  if (pending.length > 0 && result.typeErrors) {
    problems.push({ path: '', message: RULES_NOT_CHECKED });
  } else {
    for (const [node, value, path] of pending) evaluateRules(node, value, path, problems, stats);
  }
  return problems;
}

function notServedMessage(index: CrdIndex, group: string, version: string, kind: string): string {
  const base = `no CRD serves ${group}/${version} ${kind} in ${index.dir}`;
  const declared = index.declaredVersions(group, kind);
  if (declared.length === 0) return base;
  const served = declared.filter((v) => v.served).map((v) => v.version);
  const listed = declared.find((v) => v.version === version);
  const reason = listed ? `version ${version} is declared but not served` : `version ${version} is not declared`;
  return `${base} (${reason}; served versions: ${served.length > 0 ? served.join(', ') : 'none'})`;
}

function checkMetadata(meta: unknown, scope: ServedVersion['scope']): Problem[] {
  const problems: Problem[] = [];
  const m = meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {};
  const { name, namespace } = m;
  if (name === undefined || name === '') {
    problems.push({ path: 'metadata.name', message: 'Required value' });
  } else if (typeof name === 'string' && (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))) {
    problems.push({
      path: 'metadata.name',
      message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    });
  }
  if (scope === 'Namespaced') {
    if (namespace === undefined || namespace === '') {
      problems.push({ path: 'metadata.namespace', message: 'Required value' });
    } else if (typeof namespace === 'string' && (namespace.length > 63 || !DNS1123_LABEL.test(namespace))) {
      problems.push({
        path: 'metadata.namespace',
        message: `Invalid value: ${JSON.stringify(namespace)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
      });
    }
  } else if (namespace !== undefined && namespace !== '') {
    problems.push({ path: 'metadata.namespace', message: 'Forbidden: not allowed on this type' });
  }
  return problems;
}

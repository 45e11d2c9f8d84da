/**
 * Redaction of secret values in diff output. A PR comment is public to everyone who can read the repo,
 * and CI logs often more so: a value that looks like a credential is never printed, only the fact that
 * it changed.
 *
 * Redacted are: every value under a core `Secret`'s `data` and `stringData`, and every leaf whose key (or,
 * in a list of named items such as `env`, whose item name) looks like a credential. References to secrets
 * (`secretRef`, `secretName`, `passwordSecretRef`, ...) are names, not values, and stay visible.
 */

/** Printed instead of a secret value. */
export const REDACTED = '(redacted)';

/** Key names whose values are credentials or key material. */
const SECRET_NAME =
  /(pass(word|wd|phrase)|pwd|token|secret|credential|(private|api|access|client|secret|signing|encryption|ssh|tls)[-_.]?key|key[-_.]?material|\.pem|\.key|ssh-privatekey|webhook[-_]?url|dsn|connection[-_]?string)$/i;

/** Suffixes that make a secret-looking key a reference or a name, not a value. */
const REFERENCE_SUFFIX = /(ref|refs|name|names|selector|store|path|kind|policy|policies|arn|id)$/i;

/** True when a key (or a named list item's name) looks like it holds a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name);
}

/**
 * A path segment as produced by the object differ: a key, a list index, a list item by its unique `name` (or the
 * other identifying `key`, such as an IAM statement's `Sid`), or `{ json: true }`: the parsed JSON document a string
 * field holds (an IAM policy).
 */
export type PathSegment = string | number | { readonly itemName: string; readonly key?: string } | { readonly json: true };

function segmentName(segment: PathSegment): string | undefined {
  if (typeof segment === 'string') return segment;
  if (typeof segment === 'number' || !('itemName' in segment)) return undefined;
  return segment.itemName;
}

/**
 * True when the value at `path` inside an object of this kind must not be shown: anything under a Secret's
 * data, and any value below a secret-looking key or named item.
 */
export function isSecretPath(group: string, kind: string, path: readonly PathSegment[]): boolean {
  if (group === '' && kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData')) return true;
  return path.some((segment) => {
    const name = segmentName(segment);
    return name !== undefined && isSecretName(name);
  });
}

/**
 * A copy of `value` (found at `path`) with every secret leaf replaced by {@link REDACTED}, so a whole
 * added subtree such as a new `env` list never leaks one of its values.
 */
export function redactValue(group: string, kind: string, path: readonly PathSegment[], value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => redactValue(group, kind, [...path, isNamedItem(item) ? { itemName: item.name } : i], item));
  }
  if (value !== null && typeof value === 'object') {
    // A named item's own name stays visible: it is already in the path, and it is what the reader matches on.
    const last = path[path.length - 1];
    const isItem = typeof last === 'object' && 'itemName' in last;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = isItem && key === 'name' ? child : redactValue(group, kind, [...path, key], child);
    }
    return out;
  }
  return value !== undefined && isSecretPath(group, kind, path) ? REDACTED : value;
}

function isNamedItem(item: unknown): item is { name: string } {
  return item !== null && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string';
}

import { createHash } from 'node:crypto';

/**
 * @internal Names shortened to a limit with a stable hash: AWS names of tenant resources (see `tenant-aws-env.ts`)
 * and Flux Kustomization names, which Flux also writes as a label value.
 */

/** Characters of a stable hash that replace what a name loses when it is shortened to fit an AWS limit. */
export const NAME_HASH_LENGTH = 4;

/** The first `length` hex characters of the SHA-256 of `text`: a stable, deterministic suffix. */
export function stableHash(text: string, length = NAME_HASH_LENGTH): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * `head + short` when it fits `max`; else as much of `short` as fits, then `-` and a stable hash of the whole
 * name, so the result keeps `head` (e.g. the tenant's AWS prefix IAM scopes by), fits, and never changes between runs.
 * Throws when `head` leaves no room for the hash: the loader reports that case first (see `nameRoom`).
 */
export function fitName(head: string, short: string, max: number): string {
  const full = `${head}${short}`;
  if (full.length <= max) return full;
  const hash = stableHash(full);
  const keep = max - head.length - hash.length - 1;
  if (keep >= 1) return `${head}${short.slice(0, keep).replace(/-+$/, '')}-${hash}`;
  if (max - head.length >= hash.length) return `${head}${hash}`;
  throw new Error(`'${full}' cannot fit ${max} characters after '${head}'`);
}


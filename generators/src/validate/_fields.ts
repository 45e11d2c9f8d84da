/**
 * @internal Readers of untyped manifest fields (objects as parsed from YAML): a mapping, a list or a non-empty string,
 * else an empty mapping, an empty list or undefined, so a path through a missing field reads as absent.
 */
export const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

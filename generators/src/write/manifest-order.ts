/**
 * Puts a manifest's keys in the order people read them: apiVersion, kind, metadata (name,
 * namespace, labels, annotations, rest) first, then the rest as constructed; labels and
 * annotations sorted. Constructs build objects deterministically, so this gives stable bytes.
 */
export function orderManifest(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['apiVersion', 'kind', 'metadata']) if (k in m) out[k] = k === 'metadata' ? orderMetadata(m[k] as Record<string, unknown>) : m[k];
  for (const k of Object.keys(m)) if (!(k in out)) out[k] = m[k];
  return out;
}

function orderMetadata(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'namespace', 'labels', 'annotations']) {
    if (meta[k] === undefined) continue;
    out[k] = k === 'labels' || k === 'annotations' ? sortKeys(meta[k] as Record<string, unknown>) : meta[k];
  }
  for (const k of Object.keys(meta)) if (!(k in out) && meta[k] !== undefined) out[k] = meta[k];
  return out;
}

function sortKeys(map: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]]));
}

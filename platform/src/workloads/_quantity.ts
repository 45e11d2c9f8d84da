/** @internal CPU quantity ("250m", "1", "1.5") in millicores. */
export function cpuMillis(q: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(q);
  if (!m) throw new Error(`'cpu' (${q}) must be a number of cores or millicores such as 1, 1.5 or 250m`);
  return m[2] === 'm' ? Number(m[1]) : Math.round(Number(m[1]) * 1000);
}

const MEMORY_UNITS: Record<string, number> = { Mi: 1, Gi: 1024, Ti: 1024 * 1024 };

/** @internal Memory quantity ("256Mi", "1Gi", "1Ti") in mebibytes. */
export function memoryMebibytes(q: string): number {
  const m = /^([0-9]+)(Mi|Gi|Ti)$/.exec(q);
  if (!m) throw new Error(`'memory' (${q}) must be a whole number of Mi, Gi or Ti such as 256Mi`);
  return Number(m[1]) * MEMORY_UNITS[m[2]!]!;
}

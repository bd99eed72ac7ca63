export type Percentiles = { p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of a list of milliseconds (zeros when the list is empty). */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? 0 };
}

/** The median of a list (0 when empty). */
export function median(values: number[]): number {
  return percentiles(values).p50;
}

/** The value below which `fraction` of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export type TimingSummary = { mean: number; p50: number; p95: number };

export function summarise(durations: readonly number[]): TimingSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  return { mean: mean(sorted), p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

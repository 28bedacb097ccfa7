/** The p-th percentile of sorted samples (nearest rank), rounded to `decimals`. */
export function percentile(sorted: readonly number[], p: number, decimals = 1): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  const scale = 10 ** decimals;
  return Math.round((sorted[index] ?? 0) * scale) / scale;
}

/**
 * Summary of a distribution of durations in seconds.
 */
export interface DurationDistribution {
  /** Number of values. */
  count: number;
  /** Arithmetic mean (NaN when empty). */
  mean: number;
  /** Median by nearest rank (NaN when empty). */
  p50: number;
  /** 90th percentile by nearest rank (NaN when empty). */
  p90: number;
  /** 99th percentile by nearest rank (NaN when empty). */
  p99: number;
}

/**
 * The p-th percentile of ascending values by the nearest-rank method: the value at rank ⌈p·n⌉.
 * @param sorted - values in ascending order
 * @param share - the percentile as a fraction in (0, 1]
 * @returns the value, or NaN when there are no values
 * @example
 * nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9); // 9
 */
export function nearestRankPercentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(share * sorted.length - 1e-9));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

/**
 * Summarises durations: count, mean, p50, p90 and p99 (nearest rank).
 * @param values - durations in seconds, in any order
 * @returns the summary
 * @example
 * summarizeDurations([30, 10, 20]); // { count: 3, mean: 20, p50: 20, p90: 30, p99: 30 }
 */
export function summarizeDurations(values: readonly number[]): DurationDistribution {
  // A typed array sorts numerically without a comparator call per comparison.
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const value of sorted) total += value;
  const at = (share: number) => (sorted.length === 0 ? Number.NaN : (sorted[Math.max(1, Math.ceil(share * sorted.length - 1e-9)) - 1] as number));
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
  };
}

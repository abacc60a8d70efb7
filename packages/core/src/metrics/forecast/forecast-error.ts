import { MetricsInputError } from '../metrics-error';

function checkLengths(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length) {
    throw new MetricsInputError(`actual has ${actual.length} values but forecast has ${forecast.length}`);
  }
}

/**
 * Mean absolute percentage error, skipping periods whose actual value is zero (where it is undefined).
 * @param actual - observed values
 * @param forecast - forecast values, same length
 * @returns MAPE as a fraction (0.1 = 10 %), NaN when every actual is zero
 * @throws MetricsInputError when the lengths differ
 * @example
 * meanAbsolutePercentageError([100, 200], [110, 180]); // 0.1
 */
export function meanAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): number {
  checkLengths(actual, forecast);
  let sum = 0;
  let count = 0;
  actual.forEach((value, index) => {
    if (value === 0) return;
    sum += Math.abs((value - (forecast[index] as number)) / value);
    count++;
  });
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * Weighted absolute percentage error: total absolute error divided by total actual volume.
 * Unlike MAPE it stays meaningful for quiet night hours.
 * @param actual - observed values
 * @param forecast - forecast values, same length
 * @returns WAPE as a fraction, NaN when the actual total is zero
 * @throws MetricsInputError when the lengths differ
 * @example
 * weightedAbsolutePercentageError([100, 200], [110, 180]); // 0.1
 */
export function weightedAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): number {
  checkLengths(actual, forecast);
  let error = 0;
  let total = 0;
  actual.forEach((value, index) => {
    error += Math.abs(value - (forecast[index] as number));
    total += Math.abs(value);
  });
  return total === 0 ? Number.NaN : error / total;
}

import { assertInRange, MetricsInputError } from '../metrics-error';

/**
 * A service-level goal such as "80/20": 80 % of contacts answered within 20 seconds.
 */
export interface ServiceLevelTarget {
  /** Share of offered contacts to answer within the threshold, in (0, 1). */
  share: number;
  /** The answer-time threshold in seconds. */
  withinSeconds: number;
}

/**
 * Parses the usual "percent/seconds" notation of a service-level target.
 * @param text - e.g. `"80/20"` or `"90/30"`
 * @returns the target with `share` as a fraction
 * @throws MetricsInputError when the text is not `P/S` with 0 < P < 100 and S ≥ 0
 * @example
 * parseServiceLevelTarget('80/20'); // { share: 0.8, withinSeconds: 20 }
 */
export function parseServiceLevelTarget(text: string): ServiceLevelTarget {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*\/\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(text);
  if (!match) throw new MetricsInputError(`service-level target must look like "80/20", got "${text}"`);
  const share = Number(match[1]) / 100;
  const withinSeconds = Number(match[2]);
  assertInRange('service-level share', share, Number.MIN_VALUE, 0.999_999);
  return { share, withinSeconds };
}

import { ThroughlineError } from '../errors/throughline-error';

/**
 * Error codes raised by the metrics module.
 */
export type MetricsErrorCode = 'metrics_invalid_input' | 'metrics_insufficient_history';

/**
 * An input to a metrics, forecast or staffing function that cannot be computed with.
 */
export class MetricsInputError extends ThroughlineError {
  /** Stable machine-readable code. */
  declare readonly code: MetricsErrorCode;

  /**
   * Creates the error.
   * @param message - what is wrong with the input
   * @param code - the stable error code
   */
  constructor(message: string, code: MetricsErrorCode = 'metrics_invalid_input') {
    super(code, message);
    this.name = 'MetricsInputError';
  }
}

/**
 * Throws a {@link MetricsInputError} unless `value` is a finite number within `[min, max]`.
 * @param name - parameter name used in the message
 * @param value - the value to check
 * @param min - lowest allowed value
 * @param max - highest allowed value
 * @returns nothing
 * @throws MetricsInputError when the value is out of range or not finite
 * @example
 * assertInRange('shrinkage', 0.3, 0, 0.99);
 */
export function assertInRange(name: string, value: number, min: number, max = Number.POSITIVE_INFINITY): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new MetricsInputError(`${name} must be a number in [${min}, ${max}], got ${String(value)}`);
  }
}

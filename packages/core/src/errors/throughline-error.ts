/** Marker that survives two copies of the package being loaded at once. */
const throughlineErrorMarker = Symbol.for('throughline.error');

/** Options accepted by every Throughline error. */
export interface ThroughlineErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The base of every error Throughline throws; `code` is a stable string to branch on.
 *
 * @example
 * ```ts
 * if (ThroughlineError.isInstance(error)) console.log(error.code);
 * ```
 */
export class ThroughlineError extends Error {
  /** Stable machine-readable code, such as `api_call_failed`. */
  readonly code: string;
  /** Marks Throughline errors, so `isInstance` recognises them across copies of the package. */
  protected readonly [throughlineErrorMarker] = true;

  constructor(code: string, message: string, options: ThroughlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ThroughlineError';
    this.code = code;
  }

  /**
   * Whether a value is a Throughline error, even one thrown by another copy of the package.
   * @param value - anything caught
   * @returns true for any `ThroughlineError` subclass instance
   */
  static isInstance(value: unknown): value is ThroughlineError {
    return typeof value === 'object' && value !== null && throughlineErrorMarker in value;
  }
}

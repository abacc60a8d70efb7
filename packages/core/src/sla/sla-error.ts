import { ThroughlineError } from '../errors/throughline-error';

/** Machine-readable reasons an SLA or business-calendar operation fails. */
export type SlaErrorCode =
  | 'invalid_ics'
  | 'invalid_instant'
  | 'invalid_duration'
  | 'calendar_never_opens'
  | 'unknown_calendar';

/**
 * An SLA engine or business-calendar operation could not be carried out; `code` says why.
 *
 * Definitions that fail their schema throw core's `ValidationError` instead.
 *
 * @example
 * ```ts
 * try { calendar.addBusinessTime(start, -1); } catch (error) { if (error instanceof SlaError) console.log(error.code); }
 * ```
 */
export class SlaError extends ThroughlineError {
  /** A stable machine-readable reason. */
  declare readonly code: SlaErrorCode;

  /**
   * Creates an SLA error.
   *
   * @param code - The machine-readable reason.
   * @param message - A human-readable explanation.
   */
  constructor(code: SlaErrorCode, message: string) {
    super(code, message);
    this.name = 'SlaError';
  }
}

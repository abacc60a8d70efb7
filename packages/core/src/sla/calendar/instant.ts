import { SlaError } from '../sla-error';

/** An instant given either as a `Date` or as UTC epoch milliseconds. */
export type Instant = Date | number;

/**
 * Converts an {@link Instant} to UTC epoch milliseconds.
 *
 * @param instant - A `Date` or epoch milliseconds.
 * @returns Epoch milliseconds.
 * @throws SlaError (`invalid_instant`) when the instant is not a finite time.
 */
export function toEpochMs(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new SlaError('invalid_instant', `Not a valid instant: ${String(instant)}`);
  return ms;
}

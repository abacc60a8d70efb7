import { assertInRange } from '../metrics-error';

/**
 * The contacts offered to one queue in one planning interval.
 */
export interface ContactLoad {
  /** Contacts offered in the interval (calls, chats, …). */
  contacts: number;
  /** Average handle time per contact in seconds (talk + hold + wrap-up). */
  averageHandleSeconds: number;
  /** Length of the interval in seconds; defaults to 3600 (one hour). */
  intervalSeconds?: number;
}

/** Default planning interval: one hour. */
export const DEFAULT_INTERVAL_SECONDS = 3600;

/**
 * Offered traffic of a load in Erlangs (arrival rate × average handle time).
 * @param load - contacts, handle time and interval length
 * @returns the traffic intensity in Erlangs
 * @throws MetricsInputError when a field is negative or not finite
 * @example
 * offeredTraffic({ contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 }); // 10
 */
export function offeredTraffic(load: ContactLoad): number {
  const intervalSeconds = load.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  assertInRange('contacts', load.contacts, 0);
  assertInRange('averageHandleSeconds', load.averageHandleSeconds, Number.MIN_VALUE);
  assertInRange('intervalSeconds', intervalSeconds, Number.MIN_VALUE);
  return (load.contacts * load.averageHandleSeconds) / intervalSeconds;
}

import { stableHash } from '@throughline/core/adapter';

/**
 * What keeps two states of one Shopify record apart when they share `updated_at`. Shopify writes
 * timestamps to the second, so a record changed twice within a second has two states and one timestamp.
 */
export interface StateStamp {
  /** A short stable hash of the state: part of the event id, so another state is another event and a redelivery the same one. */
  fingerprint: string;
  /**
   * The entity version: the timestamp in ms plus a tiebreak below one millisecond taken from the
   * fingerprint, so two states of the same second settle on the same winner whatever order they arrive in.
   */
  version: number;
}

// The tiebreak is a multiple of 1/1024 ms: exact in a double for any epoch-ms timestamp before the year 2248,
// and below 1 ms, so versions of different milliseconds keep their order.
const tiebreakSteps = 1024;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Stamps the state an event carries: a fingerprint for its id and a tie-broken entity version.
 * @param timestampMs - the record's `updated_at` (or the fallback timestamp) in epoch ms
 * @param state - the fields of the state the event carries; key order does not matter
 * @returns the fingerprint and the version
 * @example
 * ```ts
 * const paid = stampState(Date.parse('2026-11-27T09:15:00-05:00'), { financialStatus: 'paid' });
 * const refunded = stampState(Date.parse('2026-11-27T09:15:00-05:00'), { financialStatus: 'refunded' });
 * paid.fingerprint !== refunded.fingerprint; // true
 * Math.floor(paid.version) === Date.parse('2026-11-27T14:15:00Z'); // true
 * ```
 */
export function stampState(timestampMs: number, state: unknown): StateStamp {
  const fingerprint = stableHash(canonicalJson(state));
  return {
    fingerprint,
    version: Math.floor(timestampMs) + (Number.parseInt(fingerprint, 36) % tiebreakSteps) / tiebreakSteps,
  };
}

import { stableHash } from '@throughline/core/adapter';

/**
 * What keeps two states of one Shopify record apart when they share `updated_at`. Shopify writes
 * timestamps to the second, so a record changed twice within a second has two states and one timestamp.
 */
export interface StateStamp {
  /** A short stable hash of the state: part of the event id, so another state is another event and a redelivery the same one. */
  fingerprint: string;
  /**
   * The entity version: the timestamp in ms plus a tiebreak inside its second. The tiebreak orders
   * two states of one second by when Shopify sent them (`X-Shopify-Triggered-At`, which has
   * sub-second precision; a snapshot read from the Admin API counts as the latest), then by the
   * fingerprint, so they settle on the same winner whatever order they arrive in.
   */
  version: number;
}

// Shopify timestamps are whole seconds, so the tiebreak fits inside the second: the whole milliseconds
// after it that Shopify sent the state (at most 999), plus a fraction of a millisecond from the
// fingerprint in steps of 1/1024 (exact in a double for any epoch-ms timestamp before the year 2248).
const latestOffsetMs = 999;
const fingerprintSteps = 1024;

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
 * @param sentAtMs - when Shopify sent this state (`X-Shopify-Triggered-At`), if known; a state read from
 *   the Admin API has none and counts as sent last
 * @returns the fingerprint and the version
 * @example
 * ```ts
 * const second = Date.parse('2026-11-27T09:15:00-05:00');
 * const paid = stampState(second, { financialStatus: 'paid' }, second + 120);
 * const refunded = stampState(second, { financialStatus: 'refunded' }, second + 640);
 * paid.fingerprint !== refunded.fingerprint; // true
 * refunded.version > paid.version; // true: sent later within the same second
 * ```
 */
export function stampState(timestampMs: number, state: unknown, sentAtMs?: number | null): StateStamp {
  const fingerprint = stableHash(canonicalJson(state));
  const base = Math.floor(timestampMs);
  const fingerprintPart = (Number.parseInt(fingerprint, 36) % fingerprintSteps) / fingerprintSteps;
  // A timestamp finer than a second (a fallback such as the delivery's own time) leaves no room inside its second.
  if (base % 1000 !== 0) return { fingerprint, version: base + fingerprintPart };
  const known = sentAtMs !== undefined && sentAtMs !== null && !Number.isNaN(sentAtMs);
  const sentAfterMs = known ? Math.min(latestOffsetMs, Math.max(0, Math.floor(sentAtMs - base))) : latestOffsetMs;
  return { fingerprint, version: base + sentAfterMs + fingerprintPart };
}

/**
 * The query parameter the adapter adds to the `<Enqueue>` action URL it writes: when the call reached the
 * webhook (epoch ms). Twilio requests a bridged caller's action URL only once both parties have hung up, so
 * the callback itself cannot say when an agent picked up; the call's start plus `QueueTime` can. Twilio signs
 * the whole URL, query included, so the value is as trustworthy as the rest of the callback.
 */
export const callStartParameter = 'throughlineCallStartedAt';

/** How far before the callback a call start may lie: a value further back is not one this adapter wrote. */
const longestCallMs = 24 * 3_600_000;

/**
 * Adds the call's start to an `<Enqueue>` action URL.
 * @param actionUrl - the action URL; a relative one is resolved against `documentUrl`, as Twilio resolves it
 * @param documentUrl - the URL whose answer holds the `<Enqueue>` (the incoming-call webhook)
 * @param startedAt - when the call reached the webhook (ISO instant)
 * @returns the absolute URL with {@link callStartParameter} set
 * @example
 * ```ts
 * withCallStart('/webhooks/twilio', 'https://shop.example/webhooks/twilio', '2026-11-27T15:00:00.000Z');
 * // 'https://shop.example/webhooks/twilio?throughlineCallStartedAt=1795791600000'
 * ```
 */
export function withCallStart(actionUrl: string, documentUrl: string, startedAt: string): string {
  const url = new URL(actionUrl, documentUrl);
  url.searchParams.set(callStartParameter, String(Date.parse(startedAt)));
  return url.toString();
}

/**
 * Reads the call start the adapter wrote into an `<Enqueue>` action URL.
 * @param url - the URL Twilio requested
 * @param receivedAt - when the callback arrived
 * @returns the start (epoch ms), or null when the URL has none (TwiML of the app's own) or an implausible one
 */
export function callStartOf(url: URL, receivedAt: Date): number | null {
  const value = url.searchParams.get(callStartParameter);
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  const startedAt = Number(value);
  const received = receivedAt.getTime();
  return startedAt <= received && startedAt >= received - longestCallMs ? startedAt : null;
}

import type { DeadLetter } from '../store/timeline-store';

let sequence = 0;

/**
 * Builds a dead letter from a delivery that could not be processed.
 * @param request - the delivery's request (its headers and URL)
 * @param body - the raw body text
 * @param details - tenant, adapter, reason and message
 * @param now - when it was received, epoch ms
 * @returns the dead letter to store, with the `authorization` header redacted
 * @example
 * ```ts
 * const letter = createDeadLetter(request, bodyText, { tenantId: null, adapterId: 'shopify', reason: 'invalid_signature', message: 'HMAC mismatch' }, clock.now());
 * await store.transaction((transaction) => transaction.putDeadLetter(letter));
 * ```
 */
export function createDeadLetter(
  request: Request,
  body: string,
  details: { tenantId: string | null; adapterId: string | null; reason: string; message: string },
  now: number,
): DeadLetter {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = key === 'authorization' ? '[redacted]' : value;
  });
  sequence = (sequence + 1) % 1_000_000;
  return {
    tenantId: details.tenantId,
    id: `dl_${now.toString(36)}_${sequence.toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
    adapterId: details.adapterId,
    receivedAt: new Date(now).toISOString(),
    reason: details.reason,
    message: details.message,
    headers,
    url: request.url,
    body,
  };
}

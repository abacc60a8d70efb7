import type { UnreadableRecord } from '../adapter/channel-adapter';
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
  return deadLetterOf(details, now, { headers, url: request.url, body });
}

/** A dead letter with a fresh id, for what was received at `now`. */
function deadLetterOf(
  details: { tenantId: string | null; adapterId: string | null; reason: string; message: string },
  now: number,
  received: { headers: Record<string, string>; url: string; body: string },
): DeadLetter {
  sequence = (sequence + 1) % 1_000_000;
  return {
    tenantId: details.tenantId,
    id: `dl_${now.toString(36)}_${sequence.toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
    adapterId: details.adapterId,
    receivedAt: new Date(now).toISOString(),
    reason: details.reason,
    message: details.message,
    ...received,
  };
}

/**
 * Builds a dead letter from a record a backfill read but could not turn into events.
 * @param record - the record and why it was unreadable
 * @param details - tenant and adapter
 * @param now - when it was read, epoch ms
 * @returns the dead letter to store: the record as JSON in `body`, the API address in `url`, no headers
 * @example
 * ```ts
 * const letter = createBackfillDeadLetter(page.unreadable[0], { tenantId: 'acme', adapterId: 'zendesk' }, clock.now());
 * ```
 */
export function createBackfillDeadLetter(record: UnreadableRecord, details: { tenantId: string; adapterId: string }, now: number): DeadLetter {
  let body: string;
  try {
    body = JSON.stringify(record.record) ?? String(record.record);
  } catch {
    body = String(record.record);
  }
  return deadLetterOf({ ...details, reason: record.reason, message: record.message }, now, { headers: {}, url: record.url, body });
}

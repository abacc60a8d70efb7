import { ValidationError } from '@throughline/core/adapter';
import { fromBase64, toBase64 } from '@throughline/core/adapter-utils';
import { z } from 'zod';

/** The incremental streams a backfill walks, in order. */
export const zendeskSyncStreams = ['users', 'tickets', 'ticket_events'] as const;

/** Where a backfill stands: the stream, Zendesk's own cursor or start time, and the boundary items already emitted. */
export const syncCursorSchema = z.object({
  /** The cursor format's version. */
  v: z.literal(1),
  /** The stream being read. */
  stream: z.enum(zendeskSyncStreams),
  /** Zendesk's `after_cursor` (cursor-based exports). */
  after: z.string().nullable(),
  /** Unix seconds (time-based exports, and the first page of cursor-based ones). */
  startTime: z.number().int().nonnegative(),
  /** `id@version` keys already emitted at the boundary, so repeated items are skipped. */
  seen: z.array(z.string()),
});
/** A decoded sync cursor. */
export type SyncCursor = z.infer<typeof syncCursorSchema>;

/**
 * Encodes a sync cursor as an opaque URL-safe string.
 * @param cursor - the cursor
 * @returns the string the core checkpoints
 * @example
 * ```ts
 * const cursor = encodeSyncCursor({ v: 1, stream: 'tickets', after: null, startTime: 1_795_000_000, seen: [] });
 * decodeSyncCursor(cursor).stream; // 'tickets'
 * ```
 */
export function encodeSyncCursor(cursor: SyncCursor): string {
  return toBase64(new TextEncoder().encode(JSON.stringify(cursor))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes a checkpointed sync cursor.
 * @param text - the string from `encodeSyncCursor`
 * @returns the cursor
 * @throws {ValidationError} when the text is not a Zendesk sync cursor
 * @example
 * ```ts
 * decodeSyncCursor(encodeSyncCursor({ v: 1, stream: 'users', after: 'MTY5', startTime: 0, seen: [] })).after; // 'MTY5'
 * decodeSyncCursor('v1.orders.'); // throws ValidationError: not a Zendesk cursor
 * ```
 */
export function decodeSyncCursor(text: string): SyncCursor {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = fromBase64(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  let parsed: unknown = null;
  try {
    parsed = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null;
  } catch {
    parsed = null;
  }
  const result = syncCursorSchema.safeParse(parsed);
  if (!result.success) throw ValidationError.fromZod('Zendesk sync cursor', result.error);
  return result.data;
}

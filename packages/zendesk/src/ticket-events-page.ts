import { ThroughlineError, type UnreadableRecord, unreadableRecord } from '@throughline/core/adapter';
import type { AuditLike } from './map-audit';
import { viaCodeOrLabel } from './map-channel';
import { zendeskId } from './map-identities';
import { readAuditEvents } from './read-audit-events';
import type { SyncCursor } from './sync-cursor';
import { zendeskTicketEventEnvelopeSchema, zendeskTimeExportSchema } from './zendesk-api-types';

/** What one page of the ticket-events export holds, and where the next page starts. */
export interface TicketEventsPage {
  /** The page's items not seen before, as audits. */
  audits: AuditLike[];
  /** Items and child events the adapter could not read. */
  unreadable: UnreadableRecord[];
  /** The next page's cursor; null at the end of the stream. */
  next: SyncCursor | null;
}

/** What reading a page needs besides the body. */
export interface TicketEventsPageOptions {
  /** The `per_page` the page was asked for. */
  pageSize: number;
  /** The page's API address, for unreadable records. */
  url: string;
}

// Time-based exports repeat the items of the boundary second: an item's key is its id and second.
function looseKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, timestamp, created_at: createdAt } = value as { id?: unknown; timestamp?: unknown; created_at?: unknown };
  const second = typeof timestamp === 'number' ? timestamp : typeof createdAt === 'string' ? Math.floor(Date.parse(createdAt) / 1000) : Number.NaN;
  return (typeof id === 'number' || typeof id === 'string') && !Number.isNaN(second) ? `${String(id)}@${second}` : null;
}

function overflow(cursor: SyncCursor, pageSize: number): ThroughlineError {
  const remedy =
    pageSize < 1000
      ? `raise \`exportPageSize\` above ${pageSize} (Zendesk allows up to 1000)`
      : "use `commentSource: 'audits'`, which reads each ticket's audits instead";
  return new ThroughlineError(
    'export_page_too_small',
    `More than ${pageSize} Zendesk ticket events share the second ${new Date(cursor.startTime * 1000).toISOString()}: the ticket-events export pages by the second, so the rest of that second cannot be read and skipping it would lose events; ${remedy}, then resume from the last checkpoint.`,
  );
}

/**
 * Reads a page of the time-based ticket-events export: skips the items of the boundary second already
 * read, reads child events one by one, returns what it cannot read, and moves the cursor to the page's
 * end time. A page made only of repeats moves one second on when it was not full; a full one would skip
 * the rest of its second, so it throws instead.
 *
 * @param body - the page as Zendesk returned it
 * @param cursor - the cursor the page was fetched with
 * @param options - the page size asked for and the page's address
 * @returns the new audits, the unreadable records and the next cursor
 * @throws {ThroughlineError} `export_page_too_small` when more than a page of events share one second
 * @example
 * ```ts
 * const { audits, unreadable, next } = readTicketEventsPage(body, cursor, { pageSize: 1000, url });
 * ```
 */
export function readTicketEventsPage(body: Record<string, unknown>, cursor: SyncCursor, options: TicketEventsPageOptions): TicketEventsPage {
  const page = zendeskTimeExportSchema.parse(body);
  const listed: unknown[] = Array.isArray(body.ticket_events) ? body.ticket_events : [];
  const seen = new Set(cursor.seen);
  const audits: AuditLike[] = [];
  const unreadable: UnreadableRecord[] = [];
  let fresh = 0;
  for (const value of listed) {
    const key = looseKey(value);
    if (key !== null && seen.has(key)) continue;
    if (key !== null) seen.add(key);
    fresh += 1;
    const parsed = zendeskTicketEventEnvelopeSchema.safeParse(value);
    if (!parsed.success) {
      unreadable.push(unreadableRecord('Zendesk ticket event', value, parsed.error, options.url));
      continue;
    }
    const item = parsed.data;
    const children = readAuditEvents(item.child_events ?? [], options.url);
    unreadable.push(...children.unreadable);
    audits.push({
      id: zendeskId(item.id)!,
      ticketId: zendeskId(item.ticket_id)!,
      createdAt: item.timestamp ? item.timestamp * 1000 : Date.parse(item.created_at),
      authorId: zendeskId(item.updater_id),
      viaChannel: viaCodeOrLabel(item.via),
      events: children.events,
    });
  }
  if (page.end_of_stream) return { audits, unreadable, next: null };
  const endTime = page.end_time ?? cursor.startTime;
  // A page made only of repeats would not move: step past its second, unless the page was full and
  // Zendesk may hold more of that second than one page shows.
  const stuck = endTime <= cursor.startTime && fresh === 0;
  if (stuck && listed.length >= options.pageSize) throw overflow(cursor, options.pageSize);
  const next: SyncCursor = stuck
    ? { ...cursor, startTime: cursor.startTime + 1, seen: [] }
    : { ...cursor, startTime: endTime, seen: [...seen].filter((key) => key.endsWith(`@${endTime}`)) };
  return { audits, unreadable, next };
}

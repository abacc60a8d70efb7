import type { CaseStatus, EventPage, IncomingEvent, ListEventsOptions } from '@throughline/core/adapter';
import { type AuditLike, eventsFromAudit, openedFactOfTicket } from './map-audit';
import { zendeskId } from './map-identities';
import { decodeSyncCursor, encodeSyncCursor, type SyncCursor } from './sync-cursor';
import { buildTicketContext } from './ticket-context';
import { eventFromTicketFact } from './ticket-fact';
import type { ZendeskDirectory } from './user-directory';
import {
  type ZendeskTicket,
  zendeskAuditSchema,
  zendeskCursorExportSchema,
  zendeskTicketEventSchema,
  zendeskTicketSchema,
  zendeskTimeExportSchema,
  zendeskUserIdentitySchema,
  zendeskUserSchema,
} from './zendesk-api-types';
import type { ZendeskRequest, ZendeskRestClient } from './zendesk-rest-client';
import type { ZendeskClock } from './zendesk-settings';

/** What the incremental sync needs. */
export interface IncrementalSyncOptions {
  client: ZendeskRestClient;
  directory: ZendeskDirectory;
  subdomain: string;
  clock: ZendeskClock;
  pageSize: number;
  commentSource: 'comment_events' | 'audits';
  customStatuses: Readonly<Record<string, CaseStatus>>;
}

type Body = Record<string, unknown>;

function items<T>(body: Body, key: string, parse: (value: unknown) => T | null): T[] {
  const list = Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
  const out: T[] = [];
  for (const value of list) {
    const item = parse(value);
    if (item !== null) out.push(item);
  }
  return out;
}

/**
 * Builds `doListEvents` for Zendesk: the cursor-based user export (fills the directory), the cursor-based
 * ticket export (`ticket.opened`, and with `commentSource: 'audits'` each ticket's audits), then the
 * time-based ticket-events export with comment events. Every export request waits for the export budget;
 * boundary items Zendesk repeats are skipped by `id@updated_at`; the cursor resumes anywhere.
 *
 * @param options - client, directory and sync settings
 * @returns the `doListEvents` implementation
 */
export function createIncrementalSync(options: IncrementalSyncOptions): (list: ListEventsOptions) => Promise<EventPage> {
  const { client, directory } = options;

  function firstCursor(since: Date): SyncCursor {
    // Zendesk refuses start times less than a minute old and excludes items changed in the last minute.
    const latest = Math.floor(options.clock.now() / 1000) - 60;
    return { v: 1, stream: 'users', after: null, startTime: Math.max(0, Math.min(Math.floor(since.getTime() / 1000), latest)), seen: [] };
  }

  function exportRequest(cursor: SyncCursor): ZendeskRequest {
    const position = cursor.after ? { cursor: cursor.after } : { start_time: cursor.startTime };
    if (cursor.stream === 'users') {
      return { method: 'GET', path: 'incremental/users/cursor.json', bucket: 'exports', searchParams: { ...position, per_page: options.pageSize, include: 'identities' } };
    }
    if (cursor.stream === 'tickets') {
      return { method: 'GET', path: 'incremental/tickets/cursor.json', bucket: 'exports', searchParams: { ...position, per_page: options.pageSize } };
    }
    return {
      method: 'GET',
      path: 'incremental/ticket_events.json',
      bucket: 'exports',
      searchParams: { start_time: cursor.startTime, include: 'comment_events', per_page: options.pageSize },
    };
  }

  function requestKey(tenantId: string, cursor: SyncCursor): string {
    return `${tenantId}|${cursor.stream}|${cursor.after ?? ''}|${cursor.startTime}`;
  }

  // One page is fetched ahead while the current one is mapped and stored, so the sync waits on the
  // rate budget, not on its own processing.
  let ahead: { key: string; body: Promise<Body> } | null = null;

  function prefetch(list: ListEventsOptions, next: SyncCursor | null): void {
    if (next === null) return;
    const body = client.request({ ...exportRequest(next), ...(list.signal ? { signal: list.signal } : {}) }) as Promise<Body>;
    body.catch(() => undefined);
    ahead = { key: requestKey(list.tenantId, next), body };
  }

  async function fetchExport(list: ListEventsOptions, cursor: SyncCursor): Promise<Body> {
    const key = requestKey(list.tenantId, cursor);
    const prefetched = ahead?.key === key ? ahead.body : null;
    ahead = null;
    if (prefetched) {
      try {
        return await prefetched;
      } catch {
        // A failed look-ahead is retried in the caller's own request below.
      }
    }
    return (await client.request({ ...exportRequest(cursor), ...(list.signal ? { signal: list.signal } : {}) })) as Body;
  }

  async function resolveUsers(tenantId: string, ids: Iterable<string | null>, signal?: AbortSignal): Promise<void> {
    const missing = [...new Set([...ids].filter((id): id is string => id !== null && id !== '-1' && !directory.user(tenantId, id)))];
    for (let index = 0; index < missing.length; index += 100) {
      const body = (await client.request({
        method: 'GET',
        path: 'users/show_many.json',
        searchParams: { ids: missing.slice(index, index + 100).join(','), include: 'identities' },
        ...(signal ? { signal } : {}),
      })) as Body;
      rememberUsers(tenantId, body);
    }
  }

  function rememberUsers(tenantId: string, body: Body): void {
    const identities = items(body, 'identities', (value) => {
      const parsed = zendeskUserIdentitySchema.safeParse(value);
      return parsed.success ? parsed.data : null;
    });
    const byUser = new Map<string, typeof identities>();
    for (const identity of identities) {
      const userId = zendeskId(identity.user_id);
      if (userId === null) continue;
      const list = byUser.get(userId) ?? [];
      list.push(identity);
      byUser.set(userId, list);
    }
    for (const user of items(body, 'users', (value) => {
      const parsed = zendeskUserSchema.safeParse(value);
      return parsed.success ? parsed.data : null;
    })) {
      const own = byUser.get(zendeskId(user.id) ?? '') ?? [];
      directory.rememberUser(tenantId, { ...user, identities: [...(user.identities ?? []), ...own] });
    }
  }

  async function resolveTickets(tenantId: string, ids: Iterable<string>, signal?: AbortSignal): Promise<void> {
    const missing = [...new Set([...ids].filter((id) => !directory.ticket(tenantId, id)))];
    for (let index = 0; index < missing.length; index += 100) {
      const body = (await client.request({
        method: 'GET',
        path: 'tickets/show_many.json',
        searchParams: { ids: missing.slice(index, index + 100).join(',') },
        ...(signal ? { signal } : {}),
      })) as Body;
      for (const ticket of items(body, 'tickets', (value) => {
        const parsed = zendeskTicketSchema.safeParse(value);
        return parsed.success ? parsed.data : null;
      })) {
        rememberTicket(tenantId, ticket);
      }
    }
  }

  function rememberTicket(tenantId: string, ticket: ZendeskTicket): void {
    const via = ticket.via?.channel;
    directory.rememberTicket(tenantId, {
      id: zendeskId(ticket.id)!,
      requesterId: zendeskId(ticket.requester_id),
      subject: ticket.subject ?? ticket.raw_subject ?? null,
      via: via === null || via === undefined ? null : String(via),
    });
  }

  function contextOf(tenantId: string, ticket: ZendeskTicket | string) {
    if (typeof ticket === 'string') {
      return buildTicketContext(tenantId, options.subdomain, { ticketId: ticket, subject: null, via: null, priority: null, tags: null, requesterId: null }, directory);
    }
    const via = ticket.via?.channel;
    return buildTicketContext(
      tenantId,
      options.subdomain,
      {
        ticketId: zendeskId(ticket.id)!,
        subject: ticket.subject ?? ticket.raw_subject ?? null,
        via: via === null || via === undefined ? null : String(via),
        priority: ticket.priority,
        tags: ticket.tags ?? null,
        requesterId: zendeskId(ticket.requester_id),
      },
      directory,
    );
  }

  async function usersPage(list: ListEventsOptions, cursor: SyncCursor): Promise<EventPage> {
    const body = await fetchExport(list, cursor);
    const page = zendeskCursorExportSchema.parse(body);
    const next: SyncCursor =
      page.end_of_stream || !page.after_cursor
        ? { ...cursor, stream: 'tickets', after: null, seen: [] }
        : { ...cursor, after: page.after_cursor };
    prefetch(list, next);
    rememberUsers(list.tenantId, body);
    return { events: [], nextCursor: encodeSyncCursor(next) };
  }

  async function ticketsPage(list: ListEventsOptions, cursor: SyncCursor): Promise<EventPage> {
    const body = await fetchExport(list, cursor);
    const page = zendeskCursorExportSchema.parse(body);
    const seen = new Set(cursor.seen);
    const tickets = items(body, 'tickets', (value) => {
      const parsed = zendeskTicketSchema.safeParse(value);
      if (!parsed.success || parsed.data.status === 'deleted') return null;
      const key = `${String(parsed.data.id)}@${parsed.data.updated_at ?? parsed.data.created_at}`;
      if (seen.has(key)) return null;
      seen.add(key);
      return parsed.data;
    });
    const lastPage = page.end_of_stream || !page.after_cursor;
    const pageKeys = tickets.map((ticket) => `${String(ticket.id)}@${ticket.updated_at ?? ticket.created_at}`);
    const next: SyncCursor | null = lastPage
      ? options.commentSource === 'audits'
        ? null
        : { ...cursor, stream: 'ticket_events', after: null, seen: [] }
      : { ...cursor, after: page.after_cursor!, seen: pageKeys };
    prefetch(list, next);
    for (const ticket of tickets) rememberTicket(list.tenantId, ticket);
    await resolveUsers(list.tenantId, tickets.flatMap((ticket) => [zendeskId(ticket.requester_id), zendeskId(ticket.submitter_id)]), list.signal);
    const events: IncomingEvent[] = [];
    for (const ticket of tickets) {
      const context = contextOf(list.tenantId, ticket);
      events.push(eventFromTicketFact(context, openedFactOfTicket(ticket, { tenantId: list.tenantId, directory })));
      if (options.commentSource === 'audits') events.push(...(await auditEvents(list, ticket, cursor.startTime)));
    }
    return { events, nextCursor: next ? encodeSyncCursor(next) : null };
  }

  async function auditEvents(list: ListEventsOptions, ticket: ZendeskTicket, startTime: number): Promise<IncomingEvent[]> {
    const ticketId = zendeskId(ticket.id)!;
    const raw = await client.listAll(`tickets/${ticketId}/audits.json`, 'audits', list.signal ? { signal: list.signal } : {});
    const audits: AuditLike[] = [];
    for (const value of raw) {
      const parsed = zendeskAuditSchema.safeParse(value);
      if (!parsed.success) continue;
      const createdAt = Date.parse(parsed.data.created_at);
      if (createdAt < startTime * 1000) continue;
      const via = parsed.data.via?.channel;
      audits.push({
        id: zendeskId(parsed.data.id)!,
        ticketId,
        createdAt,
        authorId: zendeskId(parsed.data.author_id),
        viaChannel: via === null || via === undefined ? null : String(via),
        events: parsed.data.events,
      });
    }
    const requesterId = zendeskId(ticket.requester_id);
    await resolveUsers(list.tenantId, audits.flatMap((audit) => [audit.authorId, ...audit.events.map((event) => zendeskId(event.author_id))]), list.signal);
    const context = contextOf(list.tenantId, ticket);
    const mapping = { tenantId: list.tenantId, directory, customStatuses: options.customStatuses };
    return audits.flatMap((audit) => eventsFromAudit(context, audit, requesterId, mapping));
  }

  async function ticketEventsPage(list: ListEventsOptions, cursor: SyncCursor): Promise<EventPage> {
    const body = await fetchExport(list, cursor);
    const page = zendeskTimeExportSchema.parse(body);
    const seen = new Set(cursor.seen);
    const audits: AuditLike[] = [];
    for (const value of Array.isArray(body.ticket_events) ? body.ticket_events : []) {
      const parsed = zendeskTicketEventSchema.safeParse(value);
      if (!parsed.success) continue;
      const item = parsed.data;
      const createdAt = item.timestamp ? item.timestamp * 1000 : Date.parse(item.created_at);
      // Time-based exports repeat the items of the boundary second: dedupe by id and update time.
      const key = `${String(item.id)}@${Math.floor(createdAt / 1000)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const via = item.via?.channel;
      audits.push({
        id: zendeskId(item.id)!,
        ticketId: zendeskId(item.ticket_id)!,
        createdAt,
        authorId: zendeskId(item.updater_id),
        viaChannel: via === null || via === undefined ? null : String(via),
        events: item.child_events ?? [],
      });
    }
    let next: SyncCursor | null = null;
    if (!page.end_of_stream) {
      const endTime = page.end_time ?? cursor.startTime;
      const boundary = [...seen].filter((key) => key.endsWith(`@${endTime}`));
      // A page made only of repeats would not move: step past its second.
      const stuck = endTime <= cursor.startTime && audits.length === 0;
      next = { ...cursor, startTime: stuck ? cursor.startTime + 1 : endTime, seen: stuck ? [] : boundary };
    }
    prefetch(list, next);
    await resolveTickets(list.tenantId, audits.map((audit) => audit.ticketId), list.signal);
    await resolveUsers(
      list.tenantId,
      audits.flatMap((audit) => [audit.authorId, directory.ticket(list.tenantId, audit.ticketId)?.requesterId ?? null, ...audit.events.map((event) => zendeskId(event.author_id))]),
      list.signal,
    );
    const mapping = { tenantId: list.tenantId, directory, customStatuses: options.customStatuses };
    // One context per ticket per page: a busy ticket has many audits on a page.
    const contexts = new Map<string, ReturnType<typeof contextOf>>();
    const events: IncomingEvent[] = [];
    for (const audit of audits) {
      let context = contexts.get(audit.ticketId);
      if (!context) {
        context = contextOf(list.tenantId, audit.ticketId);
        contexts.set(audit.ticketId, context);
      }
      const requesterId = directory.ticket(list.tenantId, audit.ticketId)?.requesterId ?? null;
      for (const event of eventsFromAudit(context, audit, requesterId, mapping)) events.push(event);
    }
    return { events, nextCursor: next ? encodeSyncCursor(next) : null };
  }

  return async (list) => {
    const cursor = list.cursor === null ? firstCursor(list.since) : decodeSyncCursor(list.cursor);
    if (cursor.stream === 'users') return usersPage(list, cursor);
    if (cursor.stream === 'tickets') return ticketsPage(list, cursor);
    return ticketEventsPage(list, cursor);
  };
}

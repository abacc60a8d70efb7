import { type CaseStatus, type EventPage, type IncomingEvent, type ListEventsOptions, type UnreadableRecord, unreadableRecord } from '@throughline/core/adapter';
import { type AuditLike, eventsFromAudit, openedFactOfTicket } from './map-audit';
import { viaCodeOrLabel } from './map-channel';
import { zendeskId } from './map-identities';
import { readAuditEvents } from './read-audit-events';
import { decodeSyncCursor, encodeSyncCursor, type SyncCursor } from './sync-cursor';
import { buildTicketContext } from './ticket-context';
import { readTicketEventsPage } from './ticket-events-page';
import { eventFromTicketFact } from './ticket-fact';
import type { ZendeskDirectory } from './user-directory';
import {
  type ZendeskTicket,
  zendeskAuditEnvelopeSchema,
  zendeskCursorExportSchema,
  zendeskTicketSchema,
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

/** Where a record came from: the request's address, for dead letters. */
function requestUrl(subdomain: string, request: Pick<ZendeskRequest, 'path' | 'searchParams'>): string {
  const query = new URLSearchParams(Object.entries(request.searchParams ?? {}).map(([name, value]) => [name, String(value)])).toString();
  return `https://${subdomain}.zendesk.com/api/v2/${request.path}${query ? `?${query}` : ''}`;
}

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
      // Users looked up by id only enrich events: one that cannot be read stays unknown, as before the lookup.
      rememberUsers(tenantId, body, null);
    }
  }

  /** Fills the directory from a page of users; returns the users it cannot read when `url` names an export page. */
  function rememberUsers(tenantId: string, body: Body, url: string | null): UnreadableRecord[] {
    const unreadable: UnreadableRecord[] = [];
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
      if (!parsed.success && url !== null) unreadable.push(unreadableRecord('Zendesk user', value, parsed.error, url));
      return parsed.success ? parsed.data : null;
    })) {
      const own = byUser.get(zendeskId(user.id) ?? '') ?? [];
      directory.rememberUser(tenantId, { ...user, identities: [...(user.identities ?? []), ...own] });
    }
    return unreadable;
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
    directory.rememberTicket(tenantId, {
      id: zendeskId(ticket.id)!,
      requesterId: zendeskId(ticket.requester_id),
      subject: ticket.subject ?? ticket.raw_subject ?? null,
      via: viaCodeOrLabel(ticket.via),
    });
  }

  function contextOf(tenantId: string, ticket: ZendeskTicket | string) {
    if (typeof ticket === 'string') {
      return buildTicketContext(tenantId, options.subdomain, { ticketId: ticket, subject: null, via: null, priority: null, tags: null, requesterId: null }, directory);
    }
    return buildTicketContext(
      tenantId,
      options.subdomain,
      {
        ticketId: zendeskId(ticket.id)!,
        subject: ticket.subject ?? ticket.raw_subject ?? null,
        via: viaCodeOrLabel(ticket.via),
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
    const unreadable = rememberUsers(list.tenantId, body, requestUrl(options.subdomain, exportRequest(cursor)));
    return { events: [], nextCursor: encodeSyncCursor(next), ...(unreadable.length > 0 ? { unreadable } : {}) };
  }

  async function ticketsPage(list: ListEventsOptions, cursor: SyncCursor): Promise<EventPage> {
    const body = await fetchExport(list, cursor);
    const page = zendeskCursorExportSchema.parse(body);
    const seen = new Set(cursor.seen);
    const url = requestUrl(options.subdomain, exportRequest(cursor));
    const unreadable: UnreadableRecord[] = [];
    const tickets = items(body, 'tickets', (value) => {
      const parsed = zendeskTicketSchema.safeParse(value);
      if (!parsed.success) unreadable.push(unreadableRecord('Zendesk ticket', value, parsed.error, url));
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
      if (options.commentSource === 'audits') events.push(...(await auditEvents(list, ticket, cursor.startTime, unreadable)));
    }
    return { events, nextCursor: next ? encodeSyncCursor(next) : null, ...(unreadable.length > 0 ? { unreadable } : {}) };
  }

  async function auditEvents(list: ListEventsOptions, ticket: ZendeskTicket, startTime: number, unreadable: UnreadableRecord[]): Promise<IncomingEvent[]> {
    const ticketId = zendeskId(ticket.id)!;
    const path = `tickets/${ticketId}/audits.json`;
    const url = requestUrl(options.subdomain, { path });
    const raw = await client.listAll(path, 'audits', list.signal ? { signal: list.signal } : {});
    const audits: AuditLike[] = [];
    for (const value of raw) {
      const parsed = zendeskAuditEnvelopeSchema.safeParse(value);
      if (!parsed.success) {
        unreadable.push(unreadableRecord('Zendesk audit', value, parsed.error, url));
        continue;
      }
      const createdAt = Date.parse(parsed.data.created_at);
      if (createdAt < startTime * 1000) continue;
      const events = readAuditEvents(parsed.data.events, url);
      unreadable.push(...events.unreadable);
      audits.push({
        id: zendeskId(parsed.data.id)!,
        ticketId,
        createdAt,
        authorId: zendeskId(parsed.data.author_id),
        viaChannel: viaCodeOrLabel(parsed.data.via),
        events: events.events,
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
    const { audits, unreadable, next } = readTicketEventsPage(body, cursor, {
      pageSize: options.pageSize,
      url: requestUrl(options.subdomain, exportRequest(cursor)),
    });
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
    return { events, nextCursor: next ? encodeSyncCursor(next) : null, ...(unreadable.length > 0 ? { unreadable } : {}) };
  }

  return async (list) => {
    const cursor = list.cursor === null ? firstCursor(list.since) : decodeSyncCursor(list.cursor);
    if (cursor.stream === 'users') return usersPage(list, cursor);
    if (cursor.stream === 'tickets') return ticketsPage(list, cursor);
    return ticketEventsPage(list, cursor);
  };
}

import { type IncomingEvent, incomingEventSchema, ThroughlineError, type UnreadableRecord } from '@throughline/core/adapter';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createVirtualTime,
  createZendeskHandlers,
  FakeZendeskAccount,
  seedZendeskAccount,
  type VirtualTime,
  type ZendeskFakeStats,
} from './testing/index';
import { ticketEventsExportItem } from './testing/fake-ticket-events';
import { decodeSyncCursor, encodeSyncCursor } from './sync-cursor';
import { createZendesk, type ZendeskAdapter } from './zendesk-adapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const credentials = { kind: 'api_token' as const, email: 'ops@acme.example', token: 'tok-123456' };
const since = new Date('2026-11-01T00:00:00Z');

interface Harness {
  account: FakeZendeskAccount;
  time: VirtualTime;
  stats: ZendeskFakeStats;
  adapter: (overrides?: Partial<Parameters<typeof createZendesk>[0]>) => ZendeskAdapter;
}

function harness(options: { tickets: number; stepMs?: number; pageSize?: number; exportLimit?: number } = { tickets: 40 }): Harness {
  const account = new FakeZendeskAccount('acme', 12514403);
  const seeded = seedZendeskAccount(account, { tickets: options.tickets, start: '2026-11-20T00:00:00Z', ...(options.stepMs ? { stepMs: options.stepMs } : {}) });
  const time = createVirtualTime(seeded.lastUpdateAt + 3_600_000);
  const { handlers, stats } = createZendeskHandlers(account, {
    credentials,
    now: time.now,
    exportLimit: options.exportLimit ?? 10,
    exportPageSize: options.pageSize ?? 1000,
  });
  server.use(...handlers);
  return {
    account,
    time,
    stats,
    adapter: (overrides = {}) =>
      createZendesk({
        subdomain: 'acme',
        credentials,
        webhookSecrets: ['s'],
        accounts: { '12514403': 'acme' },
        clock: time.clock,
        sleep: time.sleep,
        exportPageSize: options.pageSize ?? 1000,
        ...overrides,
      }),
  };
}

async function backfill(adapter: ZendeskAdapter, cursor: string | null = null, maxPages = 10_000) {
  const events: IncomingEvent[] = [];
  const unreadable: UnreadableRecord[] = [];
  const cursors: Array<string | null> = [];
  let next = cursor;
  for (let page = 0; page < maxPages; page++) {
    const result = await adapter.doListEvents({ tenantId: 'acme', since, cursor: next });
    events.push(...result.events);
    unreadable.push(...(result.unreadable ?? []));
    next = result.nextCursor;
    cursors.push(next);
    if (next === null) break;
  }
  return { events, unreadable, cursors, next };
}

function expectedFacts(account: FakeZendeskAccount) {
  const comments = new Map<string, { public: boolean; byCustomer: boolean }>();
  let statusChanges = 0;
  let ratings = 0;
  for (const [ticketId, audits] of account.audits) {
    const requester = account.tickets.get(ticketId)!.requester_id;
    for (const audit of audits) {
      if (audit.events.some((event) => event.type === 'Change' && event.field_name === 'status')) statusChanges++;
      for (const event of audit.events) {
        if (event.type === 'Comment') comments.set(String(event.id), { public: event.public, byCustomer: event.author_id === requester });
        if (event.type === 'SatisfactionRating') ratings++;
      }
    }
  }
  return { comments, statusChanges, ratings };
}

describe('Zendesk incremental sync', () => {
  it('backfills every ticket, comment, status change and rating exactly once', async () => {
    const { account, adapter } = harness({ tickets: 60 });
    const { events } = await backfill(adapter());
    for (const event of events) expect(incomingEventSchema.safeParse(event).success).toBe(true);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const expected = expectedFacts(account);
    expect(events.filter((event) => event.type === 'ticket.opened')).toHaveLength(account.tickets.size);
    const comments = events.filter((event) => event.type === 'message.received' || event.type === 'message.sent' || event.type === 'note.added');
    expect(comments).toHaveLength(expected.comments.size);
    for (const event of comments) {
      const fact = expected.comments.get(event.id.replace('zendesk:comment:', ''))!;
      expect(fact).toBeDefined();
      expect(event.type).toBe(!fact.public ? 'note.added' : fact.byCustomer ? 'message.received' : 'message.sent');
      expect(event.thread).toMatch(/^zendesk:ticket:\d+$/);
    }
    expect(events.filter((event) => event.type === 'ticket.status_changed')).toHaveLength(expected.statusChanges);
    expect(events.filter((event) => event.type === 'survey.answered')).toHaveLength(expected.ratings);
    const received = events.find((event) => event.type === 'message.received')!;
    expect(received.identities.some((claim) => claim.kind === 'email')).toBe(true);
  });

  it('paces export requests to the per-window budget and is never throttled', async () => {
    const { adapter, stats } = harness({ tickets: 300, pageSize: 50 });
    await backfill(adapter());
    expect(stats.exportRequests).toBeGreaterThan(20);
    expect(stats.throttled).toBe(0);
    const gaps = stats.exportTimes.slice(1).map((at, index) => at - stats.exportTimes[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(6000 - 1);
    // At most 10 export requests fall in any one-minute window, and the budget is used, not wasted.
    const perWindow = new Map<number, number>();
    for (const at of stats.exportTimes) perWindow.set(Math.floor(at / 60_000), (perWindow.get(Math.floor(at / 60_000)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(10);
    const span = stats.exportTimes.at(-1)! - stats.exportTimes[0]!;
    expect((stats.exportRequests - 1) / (span / 6000)).toBeGreaterThan(0.9);
  });

  it('resumes from any checkpoint with a fresh adapter: nothing lost, nothing repeated', async () => {
    const { adapter } = harness({ tickets: 120, pageSize: 25 });
    const full = await backfill(adapter());
    for (const stopAfter of [1, 4, 9]) {
      const first = await backfill(adapter(), null, stopAfter);
      const rest = await backfill(adapter(), first.next);
      const ids = [...first.events, ...rest.events].map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(full.events.map((event) => event.id)));
    }
  });

  it('skips the items Zendesk repeats at a page boundary second when pages cut seconds in two', async () => {
    const { account, adapter, stats } = harness({ tickets: 200, stepMs: 200, pageSize: 7 });
    const { events } = await backfill(adapter());
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(stats.byRoute.get('GET incremental/ticket_events.json')).toBeGreaterThan(3);
    const comments = events.filter((event) => event.type === 'message.received' || event.type === 'message.sent' || event.type === 'note.added');
    expect(comments).toHaveLength(expectedFacts(account).comments.size);
  });

  it('refuses to skip past a second holding more events than a page, and reads it all with larger pages', async () => {
    const { account, adapter } = harness({ tickets: 200, stepMs: 50, pageSize: 7 });
    const failure = await backfill(adapter()).catch((error: unknown) => error);
    expect(ThroughlineError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'export_page_too_small', message: expect.stringContaining('exportPageSize') });
    const { events } = await backfill(adapter({ exportPageSize: 100 }));
    const comments = events.filter((event) => event.type === 'message.received' || event.type === 'message.sent' || event.type === 'note.added');
    expect(comments).toHaveLength(expectedFacts(account).comments.size);
  });

  it('steps one second on past a page of repeats that was not full', async () => {
    const { account, adapter } = harness({ tickets: 20 });
    const audits = account.allAudits();
    const second = Math.floor(Date.parse(audits[5]!.created_at) / 1000);
    const repeats = audits.filter((audit) => Math.floor(Date.parse(audit.created_at) / 1000) === second);
    const cursor = encodeSyncCursor({ v: 1, stream: 'ticket_events', after: null, startTime: second, seen: repeats.map((audit) => `${audit.id}@${second}`) });
    server.use(
      http.get(
        'https://acme.zendesk.com/api/v2/incremental/ticket_events.json',
        () =>
          HttpResponse.json(
            {
              ticket_events: repeats.map((audit) => ticketEventsExportItem(audit, true)),
              count: repeats.length,
              end_time: second,
              next_page: `https://acme.zendesk.com/api/v2/incremental/ticket_events.json?start_time=${second}`,
              end_of_stream: false,
            },
            { headers: { 'zendesk-ratelimit-incremental-exports': 'total=10; remaining=9; resets=60' } },
          ),
        { once: true },
      ),
    );
    const page = await adapter().doListEvents({ tenantId: 'acme', since, cursor });
    expect(page.events).toEqual([]);
    expect(decodeSyncCursor(page.nextCursor!)).toMatchObject({ stream: 'ticket_events', startTime: second + 1, seen: [] });
  });

  it('gets the same events from per-ticket audits as from the ticket-events export', async () => {
    const { adapter, stats } = harness({ tickets: 30 });
    const viaExport = await backfill(adapter());
    const viaAudits = await backfill(adapter({ commentSource: 'audits' }));
    expect(stats.byRoute.get('GET tickets/:id/audits.json')).toBe(30);
    expect(new Set(viaAudits.events.map((event) => event.id))).toEqual(new Set(viaExport.events.map((event) => event.id)));
  });

  it('reads export items whose `via` is a label, as Zendesk writes them, and every comment, change and rating', async () => {
    const { account, adapter } = harness({ tickets: 10 });
    const { events, unreadable } = await backfill(adapter());
    expect(unreadable).toEqual([]);
    const expected = expectedFacts(account);
    expect(events.filter((event) => event.type === 'ticket.status_changed')).toHaveLength(expected.statusChanges);
    expect(events.filter((event) => event.type === 'survey.answered')).toHaveLength(expected.ratings);
    expect(events.filter((event) => event.type === 'message.sent' || event.type === 'message.received' || event.type === 'note.added')).toHaveLength(expected.comments.size);
  });

  it('keeps an item whose one child event is odd, and hands the odd child and unreadable items back as unreadable', async () => {
    const { account, adapter } = harness({ tickets: 10 });
    const [first, second] = [...account.tickets.values()];
    const reply = account.audits.get(first!.id)!.find((audit) => audit.events.some((event) => event.type === 'Change' && event.field_name === 'status'))!;
    // A comment event whose `public` Zendesk wrote as text: the schema refuses it, its siblings still count.
    reply.events.push({ id: 'odd', type: 'Comment', event_type: 'Comment', public: 'yes' } as unknown as (typeof reply.events)[number]);
    const broken = account.audits.get(second!.id)![1]!;
    (broken as { ticket_id: unknown }).ticket_id = null;
    const { events, unreadable } = await backfill(adapter());
    expect(events.some((event) => event.type === 'ticket.status_changed' && event.occurredAt === new Date(reply.created_at).toISOString())).toBe(true);
    expect(unreadable).toHaveLength(2);
    expect(unreadable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'invalid_record', record: expect.objectContaining({ id: 'odd' }), url: expect.stringContaining('/api/v2/incremental/ticket_events.json?') }),
        expect.objectContaining({ reason: 'invalid_record', record: expect.objectContaining({ id: broken.id }), url: expect.stringContaining('/api/v2/incremental/ticket_events.json?') }),
      ]),
    );
  });

  it('keeps the status a ticket was created with: an agent submitting it as pending pauses the clocks from the start', async () => {
    const { account, adapter } = harness({ tickets: 2 });
    const agent = [...account.users.values()].find((user) => user.role === 'agent')!;
    const customer = [...account.users.values()].find((user) => user.role === 'end-user')!;
    const ticket = account.openTicket({ requesterId: customer.id, submitterId: agent.id, subject: 'Return label', body: 'Label attached', at: '2026-11-19T10:00:00Z', status: 'pending', via: 'api' });
    account.updateTicket(ticket.id, { at: '2026-11-19T12:00:00Z', authorId: customer.id, status: 'open', comment: { body: 'Thanks', public: true } });
    for (const commentSource of ['comment_events', 'audits'] as const) {
      const { events } = await backfill(adapter({ commentSource }));
      const statuses = events.flatMap((event) =>
        event.type === 'ticket.status_changed' && event.thread === `zendesk:ticket:${ticket.id}` ? [[event.occurredAt, event.data.status, event.data.previousStatus]] : [],
      );
      expect(statuses).toEqual([
        ['2026-11-19T10:00:00.000Z', 'pending', null],
        ['2026-11-19T12:00:00.000Z', 'open', 'pending'],
      ]);
    }
  });

  it('starts at `since`: tickets untouched since then are left out', async () => {
    const { account, adapter } = harness({ tickets: 20 });
    const tickets = [...account.tickets.values()].sort((left, right) => left.updated_at.localeCompare(right.updated_at));
    const cut = new Date(Date.parse(tickets[10]!.updated_at));
    const events: IncomingEvent[] = [];
    let cursor: string | null = null;
    do {
      const page = await adapter().doListEvents({ tenantId: 'acme', since: cut, cursor });
      events.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const opened = events.filter((event) => event.type === 'ticket.opened').map((event) => event.thread);
    expect(opened).toHaveLength(10);
    expect(opened).not.toContain(`zendesk:ticket:${tickets[0]!.id}`);
    for (const event of events) if (event.type !== 'ticket.opened') expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(Math.floor(cut.getTime() / 1000) * 1000);
  });

  it('refuses a cursor it did not write', async () => {
    const { adapter } = harness({ tickets: 1 });
    await expect(adapter().doListEvents({ tenantId: 'acme', since, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

import type { IncomingEvent, TimelineEvent } from '@throughline/core/adapter';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The engine is not exported from @throughline/core yet (no `./sla` subpath): the parity check reads its source.
import { businessCalendarSchema, createBusinessCalendar, foldCaseSla, slaPoliciesSchema } from '../../core/src/sla/index';
import { type ComparableSlaClock, compareSlaClocks, readZendeskSlaClocks } from './sla-parity';
import { createVirtualTime, createZendeskHandlers, FakeZendeskAccount, seedZendeskSla } from './testing/index';
import type { ZendeskTicketMetricEvent } from './zendesk-api-types';
import { createZendesk } from './zendesk-adapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const credentials = { kind: 'api_token' as const, email: 'ops@acme.example', token: 'tok-parity' };

/**
 * One email ticket under the Default policy (Berlin, Mon–Fri 09–17 plus a Saturday 22:00 – Sunday 02:00
 * night shift): opened Friday 16:30; 30 business minutes on Friday and 30 on Saturday night make the
 * first reply (target 60) due Saturday 22:30 — it comes Monday 09:40, late. Customer follow-up Monday
 * 10:00; next reply (target 120) due 12:00, given 13:30 with pending, late. Requester wait (target 480
 * business minutes): 30 + 240 before Monday, due Monday 12:30 — breached before pending paused it at
 * 13:30; solved 15:00. Total resolution: 48 calendar hours, breached Sunday 16:30.
 * The metric events are what Zendesk documents for that history.
 */
function scenario(account: FakeZendeskAccount) {
  const customer = account.addUser({ name: 'Ana', email: 'ana@example.com' });
  const agent = account.addUser({ name: 'Sam', role: 'agent' });
  const ticket = account.openTicket({ requesterId: customer.id, subject: 'Lid broken', body: 'The lid arrived broken', at: '2026-11-27T15:30:00Z', via: 'email', priority: 'normal' });
  account.updateTicket(ticket.id, { at: '2026-11-30T08:40:00Z', authorId: agent.id, status: 'open', comment: { body: 'Sorry! Sending a new one.', public: true } });
  account.updateTicket(ticket.id, { at: '2026-11-30T09:00:00Z', authorId: customer.id, comment: { body: 'Can it come by Friday?', public: true } });
  account.updateTicket(ticket.id, { at: '2026-11-30T12:30:00Z', authorId: agent.id, status: 'pending', comment: { body: 'Yes, Thursday.', public: true } });
  account.updateTicket(ticket.id, { at: '2026-11-30T14:00:00Z', authorId: agent.id, status: 'solved' });
  let id = 1;
  const sla = (target: number, businessHours: boolean) => ({ target, business_hours: businessHours, policy: { id: 12, title: 'Default' } });
  const event = (metric: string, instance: number, type: string, time: string, extra: Partial<ZendeskTicketMetricEvent> = {}): ZendeskTicketMetricEvent => ({
    id: id++,
    ticket_id: ticket.id,
    metric,
    instance_id: instance,
    type,
    time,
    ...extra,
  });
  const metricEvents: ZendeskTicketMetricEvent[] = [
    event('reply_time', 1, 'activate', '2026-11-27T15:30:00Z'),
    event('reply_time', 1, 'apply_sla', '2026-11-27T15:30:00Z', { sla: sla(60, true) }),
    event('reply_time', 1, 'breach', '2026-11-28T21:30:00Z'),
    event('reply_time', 1, 'fulfill', '2026-11-30T08:40:00Z'),
    event('reply_time', 2, 'activate', '2026-11-30T09:00:00Z'),
    event('reply_time', 2, 'apply_sla', '2026-11-30T09:00:00Z', { sla: sla(120, true) }),
    event('reply_time', 2, 'breach', '2026-11-30T11:00:00Z'),
    event('reply_time', 2, 'fulfill', '2026-11-30T12:30:00Z'),
    event('requester_wait_time', 1, 'activate', '2026-11-27T15:30:00Z'),
    event('requester_wait_time', 1, 'apply_sla', '2026-11-27T15:30:00Z', { sla: sla(480, true) }),
    // A breach Zendesk scheduled under an earlier target and withdrew: it must not count.
    event('requester_wait_time', 1, 'breach', '2026-12-01T15:30:00Z', { deleted: true }),
    event('requester_wait_time', 1, 'breach', '2026-11-30T11:30:00Z'),
    event('requester_wait_time', 1, 'pause', '2026-11-30T12:30:00Z'),
    event('requester_wait_time', 1, 'fulfill', '2026-11-30T14:00:00Z'),
    event('resolution_time', 1, 'activate', '2026-11-27T15:30:00Z'),
    event('resolution_time', 1, 'apply_sla', '2026-11-27T15:30:00Z', { sla: sla(2880, false) }),
    event('resolution_time', 1, 'breach', '2026-11-29T15:30:00Z'),
    event('resolution_time', 1, 'fulfill', '2026-11-30T14:00:00Z'),
    event('agent_work_time', 1, 'activate', '2026-11-27T15:30:00Z'),
  ];
  account.metricEvents = metricEvents;
  return { ticket, metricEvents };
}

function onCase(events: IncomingEvent[]): TimelineEvent[] {
  return events.map((event) => ({ ...event, customerId: 'customer-1', caseId: 'case-1', repeatContact: false }) as TimelineEvent);
}

async function throughlineClocks(ticketId: number): Promise<{ clocks: ComparableSlaClock[]; metricEvents: ZendeskTicketMetricEvent[] }> {
  const account = new FakeZendeskAccount('acme', 1);
  seedZendeskSla(account);
  const { metricEvents } = scenario(account);
  const time = createVirtualTime('2026-12-01T00:00:00Z');
  server.use(...createZendeskHandlers(account, { credentials, now: time.now }).handlers);
  const zendesk = createZendesk({ subdomain: 'acme', credentials, webhookSecrets: ['s'], accounts: { '1': 'acme' }, clock: time.clock, sleep: time.sleep });
  const imported = await zendesk.importSla();
  const events: IncomingEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await zendesk.doListEvents({ tenantId: 'acme', since: new Date('2026-11-01T00:00:00Z'), cursor });
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor !== null);
  const sla = foldCaseSla(onCase(events), {
    policies: slaPoliciesSchema.parse(imported.policies),
    calendars: imported.calendars.map((calendar) => createBusinessCalendar(businessCalendarSchema.parse(calendar))),
    now: Date.parse('2026-12-01T00:00:00Z'),
  });
  const clocks = (sla?.clocks ?? []).map((clock) => ({
    ticketId: String(ticketId),
    metric: clock.metric,
    instance: clock.instance,
    fulfilledAt: clock.fulfilledAt === null ? null : new Date(clock.fulfilledAt).toISOString(),
    breachAt: clock.breachedAt !== null ? new Date(clock.breachedAt).toISOString() : clock.fulfilledAt === null && clock.dueAt !== null ? new Date(clock.dueAt).toISOString() : null,
  }));
  return { clocks, metricEvents };
}

describe('SLA parity with Zendesk', () => {
  it('reads Zendesk clocks from metric events: replies split into first and next, withdrawn breaches dropped', () => {
    const account = new FakeZendeskAccount('acme', 1);
    const { ticket, metricEvents } = scenario(account);
    const clocks = readZendeskSlaClocks([...metricEvents].reverse());
    expect(clocks).toEqual(
      expect.arrayContaining([
        { ticketId: String(ticket.id), metric: 'first_reply', instance: 1, policyId: '12', targetMinutes: 60, businessHours: true, fulfilledAt: '2026-11-30T08:40:00.000Z', breachAt: '2026-11-28T21:30:00.000Z' },
        expect.objectContaining({ metric: 'next_reply', instance: 1, breachAt: '2026-11-30T11:00:00.000Z' }),
        expect.objectContaining({ metric: 'requester_wait', breachAt: '2026-11-30T11:30:00.000Z', fulfilledAt: '2026-11-30T14:00:00.000Z' }),
        expect.objectContaining({ metric: 'total_resolution', breachAt: '2026-11-29T15:30:00.000Z' }),
      ]),
    );
    // agent_work had no SLA applied: not a clock to compare.
    expect(clocks.find((clock) => clock.metric === 'agent_work')).toBeUndefined();
  });

  it('Throughline clocks on the same ticket fulfil and breach when Zendesk says they do', async () => {
    const account = new FakeZendeskAccount('acme', 1);
    const ticketId = scenario(account).ticket.id;
    const { clocks, metricEvents } = await throughlineClocks(ticketId);
    const report = compareSlaClocks(readZendeskSlaClocks(metricEvents), clocks);
    expect(report.differences).toEqual([]);
    expect(report).toMatchObject({ compared: 4, matching: 4 });
  });

  it('reports every difference with its size', async () => {
    const account = new FakeZendeskAccount('acme', 1);
    const ticketId = scenario(account).ticket.id;
    const { clocks, metricEvents } = await throughlineClocks(ticketId);
    const shifted = metricEvents.map((event) =>
      event.metric === 'reply_time' && event.instance_id === 1 && event.type === 'breach' ? { ...event, time: '2026-11-30T10:30:00Z' } : event,
    );
    const extra = [...clocks, { ticketId: String(ticketId), metric: 'agent_work' as const, instance: 1, fulfilledAt: null, breachAt: null }];
    const report = compareSlaClocks(readZendeskSlaClocks(shifted), extra);
    expect(report.matching).toBe(3);
    expect(report.differences).toEqual([
      { ticketId: String(ticketId), metric: 'first_reply', instance: 1, kind: 'breach_at', zendesk: '2026-11-30T10:30:00.000Z', throughline: '2026-11-28T21:30:00.000Z', deltaMs: -133_200_000 },
      { ticketId: String(ticketId), metric: 'agent_work', instance: 1, kind: 'missing_in_zendesk', zendesk: null, throughline: null, deltaMs: null },
    ]);
  });
});

import { businessCalendarSchema, createBusinessCalendar, createMemoryStore, createThroughline, slaPoliciesSchema } from '@throughline/core';
import { createTestClock } from '@throughline/core/testing/fakes';
import { createZendesk, type ZendeskTicketMetricEvent } from '@throughline/zendesk';
import { createVirtualTime, createZendeskHandlers, FakeZendeskAccount, seedZendeskSla } from '@throughline/zendesk/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithZendesk } from './sla-parity';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const credentials = { kind: 'api_token' as const, email: 'ops@acme.example', token: 'test-api-token' };

/**
 * One email ticket under the imported Default policy (Berlin business hours, first reply 60, next reply 120,
 * requester wait 480 business minutes, resolution 48 calendar hours), with the metric events Zendesk
 * records for that history: the first reply, the next reply, the requester wait and the resolution all breach.
 */
function lateTicket(account: FakeZendeskAccount): { ticketId: number; metricEvents: ZendeskTicketMetricEvent[] } {
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
  const metricEvents = [
    event('reply_time', 1, 'apply_sla', '2026-11-27T15:30:00Z', { sla: sla(60, true) }),
    event('reply_time', 1, 'breach', '2026-11-28T21:30:00Z'),
    event('reply_time', 1, 'fulfill', '2026-11-30T08:40:00Z'),
    event('reply_time', 2, 'apply_sla', '2026-11-30T09:00:00Z', { sla: sla(120, true) }),
    event('reply_time', 2, 'breach', '2026-11-30T11:00:00Z'),
    event('reply_time', 2, 'fulfill', '2026-11-30T12:30:00Z'),
    event('requester_wait_time', 1, 'apply_sla', '2026-11-27T15:30:00Z', { sla: sla(480, true) }),
    event('requester_wait_time', 1, 'breach', '2026-11-30T11:30:00Z'),
    event('requester_wait_time', 1, 'fulfill', '2026-11-30T14:00:00Z'),
    event('resolution_time', 1, 'apply_sla', '2026-11-27T15:30:00Z', { sla: sla(2880, false) }),
    event('resolution_time', 1, 'breach', '2026-11-29T15:30:00Z'),
    event('resolution_time', 1, 'fulfill', '2026-11-30T14:00:00Z'),
  ];
  return { ticketId: ticket.id, metricEvents };
}

describe('SLA parity with Zendesk, as the Zendesk guide runs it', () => {
  it('Throughline, running the imported policies on the backfilled ticket, agrees with Zendesk on every clock; a shifted breach is reported', async () => {
    const account = new FakeZendeskAccount('acme', 1);
    seedZendeskSla(account);
    const { ticketId, metricEvents } = lateTicket(account);
    const time = createVirtualTime('2026-12-01T00:00:00Z');
    server.use(...createZendeskHandlers(account, { credentials, now: time.now }).handlers);
    const zendesk = createZendesk({ subdomain: 'acme', credentials, webhookSecrets: ['test-webhook-secret'], accounts: { '1': 'acme' }, clock: time.clock, sleep: time.sleep });

    const imported = await zendesk.importSla();
    const sla = {
      policies: slaPoliciesSchema.parse(imported.policies),
      calendars: imported.calendars.map((calendar) => createBusinessCalendar(businessCalendarSchema.parse(calendar))),
      timers: false,
    };
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [zendesk], sla, clock: createTestClock('2026-12-01T00:00:00Z') });
    await throughline.backfill.run({ adapterId: 'zendesk', tenantId: 'acme', since: new Date('2026-11-01T00:00:00Z') });
    const acme = throughline.tenant('acme');
    const ana = await acme.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' });
    const [ticketCase] = await acme.cases.forCustomer(ana!.customer.id);

    const report = await compareWithZendesk(acme, ticketCase!.id, String(ticketId), metricEvents);
    expect(report.differences).toEqual([]);
    expect(report).toMatchObject({ compared: 4, matching: 4 });

    // Zendesk moving the first-reply breach an hour later is one difference, with its size.
    const shifted = metricEvents.map((event) => (event.metric === 'reply_time' && event.instance_id === 1 && event.type === 'breach' ? { ...event, time: '2026-11-28T22:30:00Z' } : event));
    const differing = await compareWithZendesk(acme, ticketCase!.id, String(ticketId), shifted);
    expect(differing.differences).toEqual([
      { ticketId: String(ticketId), metric: 'first_reply', instance: 1, kind: 'breach_at', zendesk: '2026-11-28T22:30:00.000Z', throughline: '2026-11-28T21:30:00.000Z', deltaMs: -3_600_000 },
    ]);
    await throughline.close();
  });
});

import { createMemoryStore, createThroughline, type IncomingEvent, type SlaSettings } from '@throughline/core';
import { createTestClock } from '@throughline/core/testing/fakes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askCalendar, supportCalendar } from './calendar';
import { cronTick, readClocks, supportDesk } from './engine';
import { foldOneCase } from './fold';
import { supportPolicies } from './policies';

const germanUnityDay = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20251003', 'SUMMARY:Tag der Deutschen Einheit', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
const HOUR = 3_600_000;

function message(id: string, at: string, channel: 'web' | 'whatsapp' = 'web'): IncomingEvent {
  return {
    id, tenantId: 'acme', occurredAt: at, source: { system: 'zendesk', externalId: id }, channel, actor: { kind: 'customer' },
    identities: [{ kind: 'email', value: 'ana@example.com' }],
    type: 'message.received', data: { messageId: id, body: 'Where is my order?', subject: null, media: [], from: null, to: null },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SLA guide', () => {
  it('counts business time on the guide calendar: split shifts, a night shift, an .ics holiday and Black Friday hours', () => {
    const calendar = supportCalendar(germanUnityDay);
    // Black Friday 21:30 in Berlin: open until 22:00; two business hours end on Saturday at 09:30 (Black Friday week hours).
    const answers = askCalendar(calendar, Date.parse('2025-11-28T20:30:00Z'), Date.parse('2025-10-02T15:00:00Z'), Date.parse('2025-10-06T07:00:00Z'));
    expect(answers.open).toBe(true);
    expect(answers.closes).toBe(Date.parse('2025-11-28T21:00:00Z'));
    expect(answers.dueAt).toBe(Date.parse('2025-11-29T08:30:00Z'));
    // Thursday 17:00 to Monday 09:00: Thursday 1 h, Friday a holiday from the .ics file, Saturday 4 h, the Sunday night shift 8 h, Monday 1 h.
    expect(answers.replyTook).toBe(14 * HOUR);
  });

  it('runs the clocks inside ingest: the fold the guide shows, the queries, and a breach at its instant with no other event', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const calendar = supportCalendar(germanUnityDay);
    const policies = supportPolicies();
    const clock = createTestClock('2025-12-08T08:00:00Z'); // a Monday, 09:00 in Berlin
    const throughline = supportDesk(policies, calendar, clock);
    const acme = throughline.tenant('acme');
    const [caseId] = (await throughline.ingest('acme', [message('m1', '2025-12-08T08:00:00.000Z')])).caseIds;

    const { clocks, next } = await readClocks(acme, caseId!);
    const firstReply = clocks.find((item) => item.metric === 'first_reply')!;
    // Two business hours from 09:00 on the morning shift: 11:00 in Berlin.
    expect(firstReply).toMatchObject({ policyId: 'standard', status: 'active', dueAt: Date.parse('2025-12-08T10:00:00Z') });
    expect(next).toEqual([expect.objectContaining({ caseId, metric: 'first_reply', dueAt: '2025-12-08T10:00:00.000Z' })]);

    // The fold of the stored events gives the same clocks the engine keeps.
    const events = await throughline.store.listEvents({ tenantId: 'acme', caseId: caseId!, limit: 100 });
    const customer = (await acme.customers.get(firstReply.customerId))!.customer;
    const folded = foldOneCase(events, policies, calendar, customer, clock.now());
    expect(folded?.clocks).toEqual(clocks);

    // Nothing else happens: the in-process timer appends the warning at 10:30 and the breach at 11:00.
    await clock.advanceAsync(2 * HOUR);
    expect(logged).toHaveBeenCalledWith(`first_reply of ${caseId} breached at 2025-12-08T10:00:00.000Z`);
    const sla = await throughline.store.listEvents({ tenantId: 'acme', caseId: caseId!, limit: 100, types: ['sla.warning', 'sla.breached'] });
    expect(sla.map((event) => [event.type, event.occurredAt])).toEqual([
      ['sla.breached', '2025-12-08T10:00:00.000Z'],
      ['sla.warning', '2025-12-08T09:30:00.000Z'],
    ]);
    await throughline.close();
  });

  it('fires what is due from a cron tick when the in-process timer is off', async () => {
    const calendar = supportCalendar(germanUnityDay);
    const clock = createTestClock('2025-12-08T08:00:00Z');
    const sla: SlaSettings = { policies: supportPolicies(), calendars: [calendar], timers: false };
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [], sla, clock });
    await throughline.ingest('acme', [message('m1', '2025-12-08T08:00:00.000Z')]);
    expect(await cronTick(throughline, Date.parse('2025-12-08T09:45:00Z'))).toBe(1); // the warning
    expect(await cronTick(throughline, Date.parse('2025-12-08T11:00:00Z'))).toBe(1); // the breach
    expect(await cronTick(throughline, Date.parse('2025-12-08T12:00:00Z'))).toBe(0); // each fires once
    await throughline.close();
  });
});

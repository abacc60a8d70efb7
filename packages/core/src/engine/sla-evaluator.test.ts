import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, email, inbound, order, reply, ticketStatus } from '../../test/event-factory';
import type { IncomingEvent, TimelineEvent } from '../model/timeline-event';
import { createBusinessCalendar } from '../sla/calendar/business-calendar';
import type { SlaTimelineEvent } from '../sla/clock/sla-clock-state';
import type { SlaPolicy } from '../sla/policy/sla-policy-schema';
import { createMemoryStore } from '../store/memory-store';
import { createTestClock } from '../testing/test-clock';
import { evaluateCaseSla, type SlaSettings } from './sla-evaluator';
import { createThroughline } from './throughline';

const calendar = createBusinessCalendar({
  id: 'new-york',
  timeZone: 'America/New_York',
  weeklyHours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, [{ opens: '09:00', closes: '17:00' }]])),
});
const policies: SlaPolicy[] = [
  {
    id: 'chat',
    conditions: { channels: ['whatsapp', 'sms'] },
    targets: [
      { metric: 'first_reply', priority: 'normal', targetMinutes: 10 },
      { metric: 'next_reply', priority: 'normal', targetMinutes: 15 },
    ],
  },
  {
    id: 'standard',
    calendarId: 'new-york',
    targets: [
      { metric: 'first_reply', priority: 'normal', targetMinutes: 60, businessHours: true },
      { metric: 'next_reply', priority: 'normal', targetMinutes: 90, businessHours: true },
      { metric: 'requester_wait', priority: 'normal', targetMinutes: 240, businessHours: true },
      { metric: 'total_resolution', priority: 'normal', targetMinutes: 24 * 60 },
    ],
  },
];

const ana = [email('ana@example.com')];
const channels = ['email', 'web', 'sms', 'whatsapp'] as const;
const statuses = ['open', 'pending', 'solved'] as const;

/** One generated delivery: a customer message, agent reply, order or ticket status, at a minute. */
const delivery = fc.record({ kind: fc.integer({ min: 0, max: 5 }), minute: fc.integer({ min: 0, max: 3 * 24 * 60 }), value: fc.integer({ min: 0, max: 3 }) });

function eventOf({ kind, minute, value }: { kind: number; minute: number; value: number }, index: number): IncomingEvent {
  const id = `e${index}`;
  if (kind <= 1) return inbound(id, minute, ana, channels[value]!);
  if (kind <= 3) return reply(id, minute, ana, channels[value]!);
  if (kind === 4) return order(id, minute, ana);
  return ticketStatus(id, minute, ana, statuses[value % 3]!, 'zendesk:ticket:1');
}

const slaTypes = ['sla.applied', 'sla.warning', 'sla.breached', 'sla.fulfilled'] as const;
const byId = (left: TimelineEvent, right: TimelineEvent) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

describe('SLA evaluator inside ingest', () => {
  it('stores exactly the SLA events and timers a full fold gives, for any arrival order and batching', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(delivery, { minLength: 1, maxLength: 14 }),
        fc.oneof(fc.constant(null), fc.func(fc.integer())),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 14 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 14 }),
        async (deliveries, shuffleKey, batchSizes, lags) => {
          const events = deliveries.map(eventOf);
          const arrivals = shuffleKey === null ? [...events].sort((left, right) => left.occurredAt.localeCompare(right.occurredAt)) : [...events].sort((left, right) => shuffleKey(events.indexOf(left)) - shuffleKey(events.indexOf(right)));
          const clock = createTestClock(at(0));
          const store = createMemoryStore();
          const settings: SlaSettings = { policies, calendars: [calendar], timers: false };
          const throughline = createThroughline({ store, adapters: [], clock, sla: settings });
          let next = 0;
          for (let batch = 0; next < arrivals.length; batch++) {
            const size = batchSizes[batch % batchSizes.length]!;
            const slice = arrivals.slice(next, next + size);
            next += size;
            // Deliveries come in after the events happened, by a random lag.
            const newest = Math.max(...slice.map((event) => Date.parse(event.occurredAt)));
            clock.set(Math.max(clock.now(), newest + lags[batch % lags.length]! * 60_000));
            const report = await throughline.ingest('acme', slice);
            for (const caseId of report.caseIds) {
              const { sla } = await evaluateCaseSla(store, settings, 'acme', caseId, clock.now());
              const stored = await store.listEvents({ tenantId: 'acme', caseId, limit: 10_000, types: slaTypes });
              expect([...stored].sort(byId)).toEqual([...(sla?.events ?? [])].sort(byId));
              const timers = (await store.dueTimers('acme', '9999-12-31T23:59:59.999Z', 10_000)).filter((timer) => timer.caseId === caseId);
              for (const pending of sla?.pending ?? []) {
                expect(timers).toContainEqual({ tenantId: 'acme', id: pending.event.id, caseId, dueAt: new Date(pending.at).toISOString(), event: pending.event });
              }
            }
          }
          await throughline.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes the timers again when a rolled-back delivery is retried, and removes those of fulfilled clocks', async () => {
    const clock = createTestClock(at(0));
    const store = createMemoryStore();
    let fail = false;
    const settings: SlaSettings = { policies, calendars: [calendar], timers: false };
    const failing = async () => {
      if (fail) throw new Error('store went away');
      return [];
    };
    const throughline = createThroughline({ store, adapters: [], clock, sla: settings, caseEvaluators: [failing] });
    const timerIds = async () => (await store.dueTimers('acme', '9999-12-31T23:59:59.999Z', 100)).map((timer) => timer.id).sort();
    clock.set(Date.parse(at(1)));
    await throughline.ingest('acme', [inbound('m1', 0, ana, 'whatsapp')]);
    const [caseId] = (await throughline.ingest('acme', [reply('r1', 1, ana, 'whatsapp')])).caseIds;
    // The reply fulfilled first reply: its timers are gone.
    expect(await timerIds()).toEqual([]);
    fail = true;
    clock.set(Date.parse(at(3)));
    await expect(throughline.ingest('acme', [inbound('m2', 2, ana, 'whatsapp')])).rejects.toThrow('store went away');
    expect(await timerIds()).toEqual([]);
    fail = false;
    await throughline.ingest('acme', [inbound('m2', 2, ana, 'whatsapp')]);
    expect(await timerIds()).toEqual([`sla:${caseId}:next_reply:1:breached`, `sla:${caseId}:next_reply:1:warning`]);
    await throughline.close();
  });

  it('arms its timer from what ingest reports, and finds timers another instance wrote at its next store check', async () => {
    const clock = createTestClock(at(0));
    const store = createMemoryStore();
    const settings: SlaSettings = { policies, calendars: [calendar] };
    const timers = createThroughline({ store, adapters: [], clock, sla: settings });
    const other = createThroughline({ store, adapters: [], clock, sla: { ...settings, timers: false } });
    const breaches: [string, string][] = [];
    timers.events.on('sla.breached', (event) => breaches.push([(event as SlaTimelineEvent).data.metric, event.occurredAt]));
    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
    await flush();
    // Another instance writes a WhatsApp case's timers (first reply due at +10 min); this instance does not know yet.
    await other.ingest('acme', [inbound('w1', 0, [email('bo@example.com')], 'whatsapp')]);
    clock.set(Date.parse(at(0)) + 31_000);
    // Its own ingest half a minute later checks the store again and arms for the earlier timer.
    await timers.ingest('acme', [inbound('m1', 0, ana)]);
    expect(breaches).toEqual([]);
    clock.set(Date.parse(at(11)));
    // Each firing re-arms for what the store holds next (the test clock fires on the next move).
    for (let round = 0; round < 4; round++) {
      await flush();
      clock.advance(0);
    }
    expect(breaches).toEqual([['first_reply', at(10)]]);
    await timers.close();
    await other.close();
  });
});

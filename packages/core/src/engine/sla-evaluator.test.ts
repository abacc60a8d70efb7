import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, email, inbound, order, reply, ticketStatus } from '../../test/event-factory';
import type { IncomingEvent, TimelineEvent } from '../model/timeline-event';
import type { StoreTransaction, TimelineStore } from '../store/timeline-store';
import { createBusinessCalendar } from '../sla/calendar/business-calendar';
import type { SlaTimelineEvent } from '../sla/clock/sla-clock-state';
import type { SlaPolicy } from '../sla/policy/sla-policy-schema';
import { createMemoryStore } from '../store/memory-store';
import { createTestClock } from '../testing/test-clock';
import type { CaseEvaluator } from './ingest-pipeline';
import type { CaseTimelineWrites } from './ingest-pipeline';
import { createSlaEvaluator, evaluateCaseSla, type SlaSettings } from './sla-evaluator';
import { createThroughline, type Throughline } from './throughline';

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
const bo = [email('bo@example.com')];
const channels = ['email', 'web', 'sms', 'whatsapp'] as const;
const statuses = ['open', 'pending', 'solved'] as const;

/** One generated delivery: a customer message, agent reply, order or ticket status, at a minute, from Ana, Bo or both (which merges them). */
const delivery = fc.record({
  kind: fc.integer({ min: 0, max: 5 }),
  minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  value: fc.integer({ min: 0, max: 3 }),
  who: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }),
});

function eventOf({ kind, minute, value, who }: { kind: number; minute: number; value: number; who: number }, index: number): IncomingEvent {
  const id = `e${index}`;
  const identities = who === 0 ? ana : who === 1 ? bo : [...ana, ...bo];
  if (kind <= 1) return inbound(id, minute, identities, channels[value]!);
  if (kind <= 3) return reply(id, minute, identities, channels[value]!);
  if (kind === 4) return order(id, minute, identities);
  return ticketStatus(id, minute, identities, statuses[value % 3]!, `zendesk:ticket:${who}`);
}

const slaTypes = ['sla.applied', 'sla.warning', 'sla.breached', 'sla.fulfilled'] as const;
const byId = (left: { id: string }, right: { id: string }) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

function pushTo(map: Map<string, TimelineEvent[]>, key: string, event: TimelineEvent): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [event]);
  else list.push(event);
}

/** Reads a property of a store object, bound to it. */
function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value = Reflect.get(target, property);
  return typeof value === 'function' ? value.bind(target) : value;
}

/**
 * A store whose transactions answer some methods differently: `methods(transaction)` gives the
 * replacements (or undefined to keep a method as it is), every other call goes to the real transaction.
 */
function overridingTransactions(store: TimelineStore, methods: (transaction: StoreTransaction) => Partial<Record<keyof StoreTransaction, unknown>>): TimelineStore {
  return new Proxy(store, {
    get(target, property) {
      if (property !== 'transaction') return bound(target, property);
      return <T>(work: (transaction: StoreTransaction) => Promise<T>) =>
        target.transaction((transaction) => {
          const replaced = methods(transaction);
          return work(new Proxy(transaction, { get: (inner, name) => replaced[name as keyof StoreTransaction] ?? bound(inner, name) }));
        });
    },
  });
}

/**
 * The SLA evaluator told what each transaction wrote to case timelines, as the ingest pipeline
 * tells it: a store that watches its transactions' event writes, and an evaluator that hands them over.
 */
function toldSlaEvaluator(store: TimelineStore, settings: SlaSettings): { store: TimelineStore; evaluator: CaseEvaluator } {
  const evaluate = createSlaEvaluator(settings);
  let appended = new Map<string, TimelineEvent[]>();
  let rewritten = new Set<string>();
  const watched = (transaction: StoreTransaction): StoreTransaction =>
    new Proxy(transaction, {
      get(target, property) {
        if (property === 'putEvents') {
          return async (events: readonly TimelineEvent[]) => {
            for (const event of events) {
              const before = await target.getEvent(event.tenantId, event.id);
              if (before === undefined) {
                if (event.caseId !== null) pushTo(appended, event.caseId, event);
                continue;
              }
              if (before.caseId !== null) rewritten.add(before.caseId);
              if (event.caseId !== null) rewritten.add(event.caseId);
            }
            await target.putEvents(events);
          };
        }
        if (property === 'deleteEvents') {
          return async (tenantId: string, ids: readonly string[]) => {
            for (const id of ids) {
              const before = await target.getEvent(tenantId, id);
              if (before?.caseId) rewritten.add(before.caseId);
            }
            await target.deleteEvents(tenantId, ids);
          };
        }
        return bound(target, property);
      },
    });
  const telling = new Proxy(store, {
    get(target, property) {
      if (property !== 'transaction') return bound(target, property);
      return <T>(work: (transaction: StoreTransaction) => Promise<T>) =>
        target.transaction((transaction) => {
          appended = new Map();
          rewritten = new Set();
          return work(watched(transaction));
        });
    },
  });
  const evaluator: CaseEvaluator = (transaction, tenantId, caseIds, now) => {
    const writes: CaseTimelineWrites = { appended, rewritten };
    // What the evaluator writes itself is not the pipeline's to tell.
    appended = new Map();
    rewritten = new Set();
    return evaluate(transaction, tenantId, caseIds, now, writes);
  };
  return { store: telling, evaluator };
}

/** A store whose transactions fail at the very end while `failing()` says so (everything they wrote rolls back). */
function failingCommits(store: TimelineStore, failing: () => boolean): TimelineStore {
  return new Proxy(store, {
    get(target, property) {
      if (property !== 'transaction') return bound(target, property);
      return <T>(work: (transaction: StoreTransaction) => Promise<T>) =>
        target.transaction(async (transaction) => {
          const result = await work(transaction);
          if (failing()) throw new Error('commit failed');
          return result;
        });
    },
  });
}

/** Every case's stored SLA events and timers are exactly what a full fold of its events gives. */
async function expectFullFold(store: TimelineStore, settings: SlaSettings, caseIds: Iterable<string>, now: number): Promise<void> {
  const timers = await store.dueTimers('acme', '9999-12-31T23:59:59.999Z', 10_000);
  for (const caseId of caseIds) {
    const { sla } = await evaluateCaseSla(store, settings, 'acme', caseId, now);
    const stored = await store.listEvents({ tenantId: 'acme', caseId, limit: 10_000, types: slaTypes });
    expect([...stored].sort(byId)).toEqual([...(sla?.events ?? [])].sort(byId));
    const expected = (sla?.pending ?? []).map((pending) => ({ tenantId: 'acme', id: pending.event.id, caseId, dueAt: new Date(pending.at).toISOString(), event: pending.event }));
    expect(timers.filter((timer) => timer.caseId === caseId).sort(byId)).toEqual(expected.sort(byId));
  }
}

describe('SLA evaluator inside ingest', () => {
  // How the evaluator learns what each transaction wrote: from the pipeline (`sla` settings, as
  // apps run it), from a store that watches the writes (an app's own evaluator list), or not at all.
  const wirings = { pipeline: 'told by the ingest pipeline', watched: 'told by a store watching the writes', untold: 'told nothing, so it lists every case' } as const;
  for (const wiring of Object.keys(wirings) as Array<keyof typeof wirings>) {
    it(`stores exactly the SLA events and timers a full fold gives, for any arrival order, batching, merge and rollback (${wirings[wiring]})`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(delivery, { minLength: 1, maxLength: 14 }),
          fc.oneof(fc.constant(null), fc.func(fc.integer())),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 14 }),
          fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 14 }),
          fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 14 }),
          async (deliveries, shuffleKey, batchSizes, lags, faults) => {
            const events = deliveries.map(eventOf);
            const arrivals = shuffleKey === null ? [...events].sort((left, right) => left.occurredAt.localeCompare(right.occurredAt)) : [...events].sort((left, right) => shuffleKey(events.indexOf(left)) - shuffleKey(events.indexOf(right)));
            const clock = createTestClock(at(0));
            const settings: SlaSettings = { policies, calendars: [calendar], timers: false };
            // A commit that fails at the very end of the transaction: everything written in it rolls back.
            let failNext = false;
            let store = failingCommits(createMemoryStore(), () => failNext);
            let throughline: Throughline;
            if (wiring === 'watched') {
              const wired = toldSlaEvaluator(store, settings);
              store = wired.store;
              throughline = createThroughline({ store, adapters: [], clock, caseEvaluators: [wired.evaluator] });
            } else if (wiring === 'untold') {
              const evaluate = createSlaEvaluator(settings);
              const untold: CaseEvaluator = (transaction, tenantId, caseIds, now) => evaluate(transaction, tenantId, caseIds, now);
              throughline = createThroughline({ store, adapters: [], clock, caseEvaluators: [untold] });
            } else {
              throughline = createThroughline({ store, adapters: [], clock, sla: settings });
            }
            let next = 0;
            for (let batch = 0; next < arrivals.length; batch++) {
              const size = batchSizes[batch % batchSizes.length]!;
              const slice = arrivals.slice(next, next + size);
              next += size;
              // Deliveries come in after the events happened, by a random lag.
              const newest = Math.max(...slice.map((event) => Date.parse(event.occurredAt)));
              clock.set(Math.max(clock.now(), newest + lags[batch % lags.length]! * 60_000));
              const fault = faults[batch % faults.length]!;
              if (fault === 0) {
                // Rolled back, then delivered again (a platform retries what was not acknowledged).
                failNext = true;
                await expect(throughline.ingest('acme', slice)).rejects.toThrow('commit failed');
                failNext = false;
              }
              const report = await throughline.ingest('acme', slice);
              // Cases the delivery touched (a case that lost its events included); the others change only when their timers fire.
              await expectFullFold(store, settings, report.caseIds, clock.now());
            }
            await throughline.close();
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('told what transactions wrote, trusts nothing a rolled-back transaction wrote below the case\'s newest events', async () => {
    const clock = createTestClock(at(0));
    const settings: SlaSettings = { policies, calendars: [calendar], timers: false };
    let failNext = false;
    const wired = toldSlaEvaluator(failingCommits(createMemoryStore(), () => failNext), settings);
    const { store } = wired;
    const throughline = createThroughline({ store, adapters: [], clock, caseEvaluators: [wired.evaluator] });
    clock.set(Date.parse(at(40)));
    // Ids sorting after `sla:…`: the customer's message stays the newest event of its instant.
    await throughline.ingest('acme', [inbound('x1', 0, ana, 'whatsapp')]);
    const [caseId] = (await throughline.ingest('acme', [inbound('x2', 30, ana, 'whatsapp')])).caseIds;
    // A late reply (before x2) that fulfils first reply, in a transaction that rolls back: nothing of it stays,
    // though what it wrote (the reply, and a next-reply clock applied at x2) sits below the case's newest event.
    failNext = true;
    await expect(throughline.ingest('acme', [reply('r1', 5, ana, 'whatsapp')])).rejects.toThrow('commit failed');
    failNext = false;
    clock.set(Date.parse(at(61)));
    await throughline.ingest('acme', [inbound('x3', 60, ana, 'whatsapp')]);
    await expectFullFold(store, settings, [caseId!], clock.now());
    const { sla } = await evaluateCaseSla(store, settings, 'acme', caseId!, clock.now());
    expect(sla?.events.some((event) => event.type === 'sla.fulfilled')).toBe(false);
    await throughline.close();
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

  it('survives a timer firing the store fails, and fires what was due when it tries again 30 seconds later', async () => {
    const clock = createTestClock(at(0));
    let failing = false;
    const store = overridingTransactions(createMemoryStore(), () => ({
      claimDueTimers: failing
        ? async () => {
            throw new Error('store went away');
          }
        : undefined,
    }));
    const throughline = createThroughline({ store, adapters: [], clock, sla: { policies, calendars: [calendar] } });
    const breaches: string[] = [];
    throughline.events.on('sla.breached', (event) => breaches.push(event.occurredAt));
    await throughline.ingest('acme', [inbound('w1', 0, ana, 'whatsapp')]);
    await clock.advanceAsync(8 * 60_000); // the warning at 7:30 fires
    // First reply breaches at 10:00: that firing fails (and must not reject unhandled); the retry 30 s later fires it.
    failing = true;
    await clock.advanceAsync(2 * 60_000);
    expect(breaches).toEqual([]);
    failing = false;
    await clock.advanceAsync(30_000);
    expect(breaches).toEqual([at(10)]);
    await throughline.close();
  });

  it('stops reading events back on a store that never hands back the objects written, with the same clocks', async () => {
    // Counts reads inside transactions; `copy` makes every read a new object, as PostgreSQL does.
    const reads = { getEvent: 0, listEvents: 0 };
    const counting = (store: TimelineStore, copy: boolean): TimelineStore =>
      overridingTransactions(store, (transaction) => ({
        async getEvent(tenantId: string, id: string) {
          reads.getEvent += 1;
          const event = await transaction.getEvent(tenantId, id);
          return copy ? structuredClone(event) : event;
        },
        async listEvents(...args: Parameters<StoreTransaction['listEvents']>) {
          reads.listEvents += 1;
          const events = await transaction.listEvents(...args);
          return copy ? structuredClone(events) : events;
        },
      }));
    const run = async (store: TimelineStore) => {
      reads.getEvent = 0;
      reads.listEvents = 0;
      const clock = createTestClock(at(0));
      const settings: SlaSettings = { policies, calendars: [calendar], timers: false };
      const throughline = createThroughline({ store, adapters: [], clock, sla: settings });
      // One conversation: the customer writes, an agent answers every third message.
      for (let index = 0; index < 300; index++) {
        clock.set(Date.parse(at(index)));
        const event = index % 3 === 2 ? reply(`r${index}`, index, ana, 'whatsapp') : inbound(`m${index}`, index, ana, 'whatsapp');
        await throughline.ingest('acme', [event]);
      }
      const caseId = (await store.listEvents({ tenantId: 'acme', limit: 1 }))[0]!.caseId!;
      await expectFullFold(store, settings, [caseId], clock.now());
      await throughline.close();
      return { ...reads };
    };
    const copies = await run(counting(createMemoryStore(), true));
    // 64 failed checks, then none (the retry comes every 1,024 evaluations); the case is listed every time.
    expect(copies.getEvent).toBeLessThanOrEqual(70);
    expect(copies.listEvents).toBeGreaterThanOrEqual(299);
    // The memory store hands back its own objects: the checks go on and the case is hardly ever listed.
    const same = await run(counting(createMemoryStore(), false));
    expect(same.getEvent).toBeGreaterThanOrEqual(299);
    expect(same.listEvents).toBeLessThan(10);
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

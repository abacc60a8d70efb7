import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../model/timeline-event';
import { createCaseTimeline } from '../fixtures/case-timeline';
import { caseStep, MINUTE, PROPERTY_START, propertyCalendar, propertyPolicies, timelineOf } from '../fixtures/case-timeline-arbitrary';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import { foldCaseSla } from './case-sla-fold';
import type { CaseSlaInput } from './case-sla-input';
import { SlaFoldCache, slaInputOf } from './sla-fold-cache';
import { SlaFoldContext } from './sla-fold-context';

const vip: SlaPolicy = {
  id: 'vip',
  conditions: { customerTiers: ['vip'] },
  targets: [
    { metric: 'first_reply', priority: 'normal', targetMinutes: 3 },
    { metric: 'next_reply', priority: 'normal', targetMinutes: 4 },
    { metric: 'total_resolution', priority: 'urgent', targetMinutes: 9 },
  ],
};
const policies = [vip, ...propertyPolicies];
const calendars = [propertyCalendar];

/** Clock inputs in the order a store lists a case: newest first by (occurredAt, id). */
function inputsOf(events: readonly TimelineEvent[]): CaseSlaInput[] {
  const inputs: CaseSlaInput[] = [];
  const newestFirst = [...events].sort((left, right) => (left.occurredAt === right.occurredAt ? (left.id < right.id ? 1 : -1) : left.occurredAt < right.occurredAt ? 1 : -1));
  for (const event of newestFirst) {
    const input = slaInputOf(event);
    if (input !== undefined) inputs.push(input);
  }
  return inputs;
}

/** What happens to the stored timeline before one evaluation. */
type Change =
  | { kind: 'arrive'; count: number }
  | { kind: 'rollback' } // the last arrival is not in the store after all
  | { kind: 'replace'; index: number } // an event re-stored with another placement (repeat flag flipped)
  | { kind: 'reread' } // every event read back as a new object (a SQL store)
  | { kind: 'tier' }; // the customer's tier changes

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('arrive' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rollback' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reread' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tier' as const }) },
);

describe('SLA fold cache', () => {
  it('gives exactly the full fold for any arrival order, batching, rollback, re-placement and tier change', () => {
    fc.assert(
      fc.property(
        fc.array(caseStep, { maxLength: 20 }),
        fc.oneof(fc.constant(null), fc.func(fc.integer())),
        fc.array(change, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 30 }),
        (steps, shuffleKey, changes, lags) => {
          const events = timelineOf(steps);
          // Mostly in time order (the common case, which resumes), or shuffled (which refolds).
          const arrivals = shuffleKey === null ? [...events].sort((left, right) => left.occurredAt.localeCompare(right.occurredAt)) : [...events].sort((left, right) => shuffleKey(events.indexOf(left)) - shuffleKey(events.indexOf(right)));
          const cache = new SlaFoldCache(new SlaFoldContext(policies, calendars, 0.75), 4);
          let stored: TimelineEvent[] = [];
          let arrived = 0;
          let lastBatch = 0;
          let tier: string | null = null;
          let now = PROPERTY_START;
          changes.forEach((step, index) => {
            if (step.kind === 'arrive') {
              lastBatch = Math.min(step.count, arrivals.length - arrived);
              stored = [...stored, ...arrivals.slice(arrived, arrived + lastBatch)];
              arrived += lastBatch;
            } else if (step.kind === 'rollback') {
              stored = stored.slice(0, stored.length - lastBatch);
              arrived -= lastBatch;
              lastBatch = 0;
            } else if (step.kind === 'replace' && stored.length > 0) {
              const at = step.index % stored.length;
              stored = stored.map((event, position) => (position === at ? { ...event, repeatContact: !event.repeatContact } : event));
            } else if (step.kind === 'reread') {
              stored = stored.map((event) => structuredClone(event));
            } else if (step.kind === 'tier') {
              tier = tier === null ? 'vip' : null;
            }
            // The evaluation instant moves forward, and never before the newest stored event.
            now = Math.max(now, PROPERTY_START + lags[index % lags.length]! * MINUTE);
            const expected = foldCaseSla(stored, { policies, calendars, now, customerTier: tier });
            const fold = cache.fold('case-1', inputsOf(stored), tier);
            // Events read back as new objects (or re-stored) never count as the very same ones.
            if (step.kind === 'reread' && stored.length > 0) expect(fold?.sameObjects).toBe(false);
            const folder = fold?.folder;
            if (expected === undefined) {
              expect(folder).toBeUndefined();
              return;
            }
            const events = folder!.reportEvents(now).report;
            expect(events.events).toEqual(expected.events);
            expect(events.pending).toEqual(expected.pending);
            expect(folder!.report(now)).toEqual(expected);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('resumes in-order arrivals instead of refolding, and refolds an event that arrives out of order', () => {
    const c = createCaseTimeline();
    const at = (minute: number) => new Date(PROPERTY_START + minute * MINUTE).toISOString();
    const events = [c.customerMessage(at(0)), c.customerMessage(at(5), { repeatContact: true }), c.agentReply(at(9)), c.customerMessage(at(30)), c.note(at(31))];
    const cache = new SlaFoldCache(new SlaFoldContext(policies, calendars, 0.75));
    for (let count = 1; count <= events.length; count++) {
      expect(cache.fold('case-1', inputsOf(events.slice(0, count)), null)?.sameObjects).toBe(count > 1);
    }
    expect(cache.stats).toEqual({ resumed: 4, refolded: 1 });
    // Equal events as new objects resume too, but not as the same objects.
    expect(cache.fold('case-1', inputsOf(events.map((event) => structuredClone(event))), null)?.sameObjects).toBe(false);
    expect(cache.stats).toEqual({ resumed: 5, refolded: 1 });
    const late = c.status(at(2), 'pending');
    const sla = cache.fold('case-1', inputsOf([...events, late]), null)!.folder.report(PROPERTY_START + 60 * MINUTE);
    expect(cache.stats).toEqual({ resumed: 5, refolded: 2 });
    expect(sla).toEqual(foldCaseSla([...events, late], { policies, calendars, now: PROPERTY_START + 60 * MINUTE }));
    // An event that cannot move a clock (an order) resumes with nothing to fold.
    const order = { ...c.customerMessage(at(40)), id: 'order-1', type: 'order.placed' } as unknown as TimelineEvent;
    cache.fold('case-1', inputsOf([...events, late, order]), null);
    expect(cache.stats).toEqual({ resumed: 6, refolded: 2 });
  });

  it('refolds when a newer-listed event comes earlier in fold order, or names another customer', () => {
    const c = createCaseTimeline();
    const at = (minute: number) => new Date(PROPERTY_START + minute * MINUTE).toISOString();
    const options = { policies, calendars, now: PROPERTY_START + 90 * MINUTE };
    const cache = new SlaFoldCache(new SlaFoldContext(policies, calendars, 0.75));
    const opened = [c.customerMessage(at(0)), c.agentReply(at(5)), c.customerMessage(at(20))];
    cache.fold('case-1', inputsOf(opened), null);
    // Same instant as the last message: the store lists the status change first (its id sorts later), the fold puts it before.
    const pending = [...opened, c.status(at(20), 'pending')];
    expect(cache.fold('case-1', inputsOf(pending), null)!.folder.report(options.now)).toEqual(foldCaseSla(pending, options));
    expect(cache.stats).toEqual({ resumed: 0, refolded: 2 });
    // The case's latest event names another customer (a merge): every SLA event names the new one.
    const merged = [...opened, { ...c.customerMessage(at(30)), customerId: 'customer-2' }];
    const fresh = new SlaFoldCache(new SlaFoldContext(policies, calendars, 0.75));
    fresh.fold('case-1', inputsOf(opened), null);
    const sla = fresh.fold('case-1', inputsOf(merged), null)!.folder.report(options.now);
    expect(sla).toEqual(foldCaseSla(merged, options));
    expect(sla.events.every((event) => event.customerId === 'customer-2')).toBe(true);
    expect(fresh.stats).toEqual({ resumed: 0, refolded: 2 });
  });

  it('keeps at most its capacity of cases, least recently used going first', () => {
    const cache = new SlaFoldCache(new SlaFoldContext(policies, calendars, 0.75), 2);
    const first = timelineOf([], 'case-a');
    const second = timelineOf([], 'case-b');
    const third = timelineOf([], 'case-c');
    cache.fold('a', inputsOf(first), null);
    cache.fold('b', inputsOf(second), null);
    cache.fold('a', inputsOf(first), null);
    cache.fold('c', inputsOf(third), null);
    expect(cache.size).toBe(2);
    cache.fold('a', inputsOf(first), null);
    expect(cache.stats).toEqual({ resumed: 2, refolded: 3 });
    cache.fold('b', inputsOf(second), null);
    expect(cache.stats).toEqual({ resumed: 2, refolded: 4 });
  });
});

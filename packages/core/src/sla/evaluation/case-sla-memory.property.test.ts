import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../model/timeline-event';
import { foldCaseSla } from '../clock/case-sla-fold';
import { SlaFoldContext } from '../clock/sla-fold-context';
import { createCaseTimeline } from '../fixtures/case-timeline';
import { caseStep, MINUTE, PROPERTY_START, propertyCalendar, propertyPolicies, timelineOf } from '../fixtures/case-timeline-arbitrary';
import type { SlaPolicy } from '../policy/sla-policy-schema';
import { CaseSlaMemory } from './case-sla-memory';
import { compareTimelinePositions } from './case-timeline-mirror';

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
const context = () => new SlaFoldContext(policies, calendars, 0.75);

/** Lists events as a store does: newest first by (occurredAt, id). */
function storeOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((left, right) => compareTimelinePositions(right, left));
}

/** Reads the listing into the memory and folds, as the evaluator does. */
function foldListing(memory: CaseSlaMemory, events: readonly TimelineEvent[], tier: string | null) {
  const reading = memory.mirror.read(storeOrder(events));
  return memory.fold(context(), reading.extended ? reading.newInputs : undefined, tier);
}

/** What happens to the stored timeline before one evaluation. */
type Change =
  | { kind: 'arrive'; count: number }
  | { kind: 'tell'; count: number } // arrivals the evaluator is told of instead of reading them
  | { kind: 'rollback' } // the last arrival is not in the store after all
  | { kind: 'replace'; index: number } // an event re-stored with another placement (repeat flag flipped)
  | { kind: 'reread' } // every event read back as a new object (a SQL store)
  | { kind: 'tier' }; // the customer's tier changes

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('arrive' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tell' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rollback' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reread' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tier' as const }) },
);

describe('CaseSlaMemory', () => {
  it('folds exactly what a full fold gives, for any arrival order, batching, rollback, re-placement and tier change', () => {
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
          const memory = new CaseSlaMemory();
          let stored: TimelineEvent[] = [];
          let arrived = 0;
          let lastBatch = 0;
          let tier: string | null = null;
          let now = PROPERTY_START;
          changes.forEach((step, index) => {
            let folder: ReturnType<CaseSlaMemory['fold']>;
            if (step.kind === 'tell' && memory.mirror.size > 0) {
              const batch = arrivals.slice(arrived, arrived + step.count);
              lastBatch = batch.length;
              arrived += batch.length;
              stored = [...stored, ...batch];
              folder = memory.fold(context(), memory.mirror.add(batch), tier);
            } else {
              if (step.kind === 'arrive' || step.kind === 'tell') {
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
              folder = foldListing(memory, stored, tier);
            }
            // The evaluation instant moves forward, and never before the newest stored event.
            now = Math.max(now, PROPERTY_START + lags[index % lags.length]! * MINUTE);
            const expected = foldCaseSla(stored, { policies, calendars, now, customerTier: tier });
            if (expected === undefined) {
              expect(folder).toBeUndefined();
              return;
            }
            const { report } = folder!.reportEvents(now);
            expect(report.events).toEqual(expected.events);
            expect(report.pending).toEqual(expected.pending);
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
    const memory = new CaseSlaMemory();
    for (let count = 1; count <= events.length; count++) foldListing(memory, events.slice(0, count), null);
    expect(memory.stats).toEqual({ resumed: 4, refolded: 1 });
    // Equal events read back as new objects are compared and resumed.
    foldListing(memory, events.map((event) => structuredClone(event)), null);
    expect(memory.stats).toEqual({ resumed: 5, refolded: 1 });
    const late = c.status(at(2), 'pending');
    const sla = foldListing(memory, [...events, late], null)!.report(PROPERTY_START + 60 * MINUTE);
    expect(memory.stats).toEqual({ resumed: 5, refolded: 2 });
    expect(sla).toEqual(foldCaseSla([...events, late], { policies, calendars, now: PROPERTY_START + 60 * MINUTE }));
    // An event that cannot move a clock (an order) resumes with nothing to fold.
    const order = { ...c.customerMessage(at(40)), id: 'order-1', type: 'order.placed' } as unknown as TimelineEvent;
    foldListing(memory, [...events, late, order], null);
    expect(memory.stats).toEqual({ resumed: 6, refolded: 2 });
  });

  it('refolds when a newer event comes earlier in fold order, or names another customer', () => {
    const c = createCaseTimeline();
    const at = (minute: number) => new Date(PROPERTY_START + minute * MINUTE).toISOString();
    const options = { policies, calendars, now: PROPERTY_START + 90 * MINUTE };
    const memory = new CaseSlaMemory();
    const opened = [c.customerMessage(at(0)), c.agentReply(at(5)), c.customerMessage(at(20))];
    foldListing(memory, opened, null);
    // Same instant as the last message: the store lists the status change first (its id sorts later), the fold puts it before.
    const pending = [...opened, c.status(at(20), 'pending')];
    expect(foldListing(memory, pending, null)!.report(options.now)).toEqual(foldCaseSla(pending, options));
    expect(memory.stats).toEqual({ resumed: 0, refolded: 2 });
    // The case's latest event names another customer (a merge): every SLA event names the new one.
    const merged = [...opened, { ...c.customerMessage(at(30)), customerId: 'customer-2' }];
    const other = new CaseSlaMemory();
    foldListing(other, opened, null);
    const sla = foldListing(other, merged, null)!.report(options.now);
    expect(sla).toEqual(foldCaseSla(merged, options));
    expect(sla.events.every((event) => event.customerId === 'customer-2')).toBe(true);
    expect(other.stats).toEqual({ resumed: 0, refolded: 2 });
  });
});

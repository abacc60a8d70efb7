import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../model/timeline-event';
import { foldCaseSla } from '../clock/case-sla-fold';
import { readCaseSlaInput } from '../clock/case-sla-input';
import { caseStep, PROPERTY_START, propertyCalendar, propertyPolicies, timelineOf } from '../fixtures/case-timeline-arbitrary';
import { CaseTimelineMirror, compareTimelinePositions, isSlaEvent } from './case-timeline-mirror';

/** Lists events as a store does: newest first by (occurredAt, id). */
function storeOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((left, right) => compareTimelinePositions(right, left));
}

/** What reading every listed event afresh gives, oldest first. */
function plainReading(listed: readonly TimelineEvent[]) {
  const oldestFirst = [...listed].reverse();
  const source = oldestFirst.filter((event) => !isSlaEvent(event));
  return {
    inputs: source.map(readCaseSlaInput).filter((input) => input !== undefined),
    stored: oldestFirst.filter(isSlaEvent),
    customerId: source[source.length - 1]?.customerId,
  };
}

/** One change to the case's stored events between two reads. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), index: fc.nat() }),
  fc.constant({ kind: 'copyAll' as const }),
  fc.record({ kind: fc.constant('tell' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

describe('CaseTimelineMirror', () => {
  it('mirrors every listing exactly as reading each event afresh would, whatever changed since the last read', () => {
    fc.assert(
      fc.property(fc.array(caseStep, { minLength: 1, maxLength: 16 }), fc.array(change, { minLength: 1, maxLength: 20 }), fc.func(fc.integer()), (steps, changes, shuffleKey) => {
        const source = timelineOf(steps);
        // SLA events the fold derives, stored next to the source events as the evaluator does.
        const derived = foldCaseSla(source, { policies: propertyPolicies, calendars: [propertyCalendar], now: PROPERTY_START + 3 * 86_400_000 })?.events ?? [];
        const pool: TimelineEvent[] = [...source, ...derived].sort((left, right) => shuffleKey(source.indexOf(left)) - shuffleKey(source.indexOf(right)));
        const mirror = new CaseTimelineMirror();
        let stored: TimelineEvent[] = [];
        let taken = 0;
        for (const step of changes) {
          let before = new Set(stored);
          if (step.kind === 'add' || step.kind === 'tell') {
            const added = pool.slice(taken, taken + step.count);
            taken += added.length;
            stored = [...stored, ...added];
            if (step.kind === 'tell') {
              // Told rather than read: the mirror takes the new events in and then matches the listing exactly.
              mirror.add(added);
              expect(mirror.read(storeOrder(stored))).toEqual({ extended: true, newInputs: [], unknownSlaEvents: false });
              before = new Set(stored);
            }
          } else if (step.kind === 'remove' && stored.length > 0) {
            stored = stored.filter((_, index) => index !== step.index % stored.length);
          } else if (step.kind === 'copy' && stored.length > 0) {
            stored = stored.map((event, index) => (index === step.index % stored.length ? { ...event } : event));
          } else if (step.kind === 'copyAll') {
            stored = stored.map((event) => ({ ...event }));
          }
          const listed = storeOrder(stored);
          const reading = mirror.read(listed);
          const plain = plainReading(listed);
          expect(mirror.clockInputs()).toEqual(plain.inputs);
          expect(mirror.slaEvents()).toEqual(plain.stored);
          expect(mirror.newestCustomerId()).toBe(plain.customerId);
          expect(mirror.newest()).toBe(listed[0]);
          if (reading.extended) {
            // Exactly the inputs of the events the mirror did not hold; SLA events among those are unknown to it.
            const fresh = [...listed].reverse().filter((event) => !before.has(event));
            expect(reading.newInputs).toEqual(fresh.filter((event) => !isSlaEvent(event)).map(readCaseSlaInput).filter((input) => input !== undefined));
            expect(reading.unknownSlaEvents).toBe(fresh.some(isSlaEvent));
          } else {
            expect(reading.newInputs).toEqual(plain.inputs);
            expect(reading.unknownSlaEvents).toBe(plain.stored.length > 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('extends on the very same objects and rebuilds on copies', () => {
    const events = storeOrder(timelineOf([{ kind: 0, minute: 5, channel: 0, repeat: false, value: 0 }]));
    const mirror = new CaseTimelineMirror();
    expect(mirror.read(events).extended).toBe(true);
    expect(mirror.read(events)).toEqual({ extended: true, newInputs: [], unknownSlaEvents: false });
    const copies = events.map((event) => structuredClone(event));
    const reading = mirror.read(copies);
    expect(reading.extended).toBe(false);
    expect(reading.newInputs).toHaveLength(2);
  });

  it('follows its own writes, so the next listing after them matches without reading anything again', () => {
    const source = timelineOf([{ kind: 0, minute: 5, channel: 1, repeat: false, value: 0 }]);
    const sla = foldCaseSla(source, { policies: propertyPolicies, calendars: [propertyCalendar], now: PROPERTY_START + 86_400_000 })!;
    const mirror = new CaseTimelineMirror();
    mirror.read(storeOrder(source));
    const [first, ...rest] = sla.events;
    mirror.write([first!], [], []);
    mirror.write(rest, [], []);
    expect(mirror.read(storeOrder([...source, ...sla.events]))).toEqual({ extended: true, newInputs: [], unknownSlaEvents: false });
    // A rewrite under the same id replaces the held object; a removal drops it.
    const rewritten = { ...first! };
    mirror.write([], [rewritten], [rest[0]!.id]);
    const after = [...source, rewritten, ...rest.slice(1)];
    expect(mirror.read(storeOrder(after))).toEqual({ extended: true, newInputs: [], unknownSlaEvents: false });
    expect(mirror.slaEvents()).toEqual(storeOrder(after).reverse().filter(isSlaEvent));
  });
});

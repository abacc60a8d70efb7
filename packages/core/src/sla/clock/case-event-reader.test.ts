import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../model/timeline-event';
import { caseStep, timelineOf } from '../fixtures/case-timeline-arbitrary';
import { foldCaseSla } from './case-sla-fold';
import { readCaseSlaInput } from './case-sla-input';
import { CaseEventReader } from './case-event-reader';
import { PROPERTY_START, propertyCalendar, propertyPolicies } from '../fixtures/case-timeline-arbitrary';

/** Lists events as a store does: newest first by (occurredAt, id). */
function storeOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((left, right) => (left.occurredAt === right.occurredAt ? (left.id < right.id ? 1 : -1) : left.occurredAt < right.occurredAt ? 1 : -1));
}

function plainReading(events: readonly TimelineEvent[]) {
  const source = events.filter((event) => !event.type.startsWith('sla.'));
  return {
    inputs: source.map(readCaseSlaInput).filter((input) => input !== undefined),
    stored: events.filter((event) => event.type.startsWith('sla.')),
    customerId: source[0]?.customerId,
  };
}

/** One change to the case's stored events between two reads. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), index: fc.nat() }),
  fc.constant({ kind: 'copyAll' as const }),
);

describe('CaseEventReader', () => {
  it('reads every list exactly as reading each event afresh would, whatever changed since the last read', () => {
    fc.assert(
      fc.property(fc.array(caseStep, { minLength: 1, maxLength: 16 }), fc.array(change, { minLength: 1, maxLength: 20 }), fc.func(fc.integer()), (steps, changes, shuffleKey) => {
        const source = timelineOf(steps);
        // SLA events the fold derives, stored next to the source events as the evaluator does.
        const derived = foldCaseSla(source, { policies: propertyPolicies, calendars: [propertyCalendar], now: PROPERTY_START + 3 * 86_400_000 })?.events ?? [];
        const pool = [...source, ...derived].sort((left, right) => shuffleKey(source.indexOf(left as TimelineEvent)) - shuffleKey(source.indexOf(right as TimelineEvent)));
        const reader = new CaseEventReader();
        let stored: TimelineEvent[] = [];
        let taken = 0;
        for (const step of changes) {
          if (step.kind === 'add') {
            stored = [...stored, ...pool.slice(taken, taken + step.count)];
            taken += step.count;
          } else if (step.kind === 'remove' && stored.length > 0) {
            stored = stored.filter((_, index) => index !== step.index % stored.length);
          } else if (step.kind === 'copy' && stored.length > 0) {
            stored = stored.map((event, index) => (index === step.index % stored.length ? { ...event } : event));
          } else if (step.kind === 'copyAll') {
            stored = stored.map((event) => ({ ...event }));
          }
          const listed = storeOrder(stored);
          const reading = reader.read('case-1', listed);
          const plain = plainReading(listed);
          expect(reading.stored).toEqual(plain.stored);
          expect(reading.customerId).toBe(plain.customerId);
          expect(reading.inputs).toEqual(plain.inputs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the same input objects for the same event objects, and new ones for copies', () => {
    const events = storeOrder(timelineOf([{ kind: 0, minute: 5, channel: 0, repeat: false, value: 0 }]));
    const reader = new CaseEventReader();
    const first = reader.read('case-1', events);
    const again = reader.read('case-1', events);
    expect(again.inputs).toHaveLength(2);
    again.inputs.forEach((input, index) => {
      expect(input).toBe(first.inputs[index]);
    });
    const copies = reader.read('case-1', events.map((event) => structuredClone(event)));
    expect(copies.inputs).toEqual(first.inputs);
    copies.inputs.forEach((input, index) => {
      expect(input).not.toBe(first.inputs[index]);
    });
  });

  it('stops remembering lists once the store keeps handing out new objects, and still reads them right', () => {
    const events = storeOrder(timelineOf([{ kind: 2, minute: 5, channel: 1, repeat: false, value: 0 }]));
    const reader = new CaseEventReader();
    for (let read = 0; read < 40; read++) {
      const copies = events.map((event) => structuredClone(event));
      expect(reader.read('case-1', copies)).toEqual(plainReading(copies));
    }
    const copies = events.map((event) => structuredClone(event));
    const before = reader.read('case-1', copies);
    expect(reader.read('case-1', copies).inputs[0]).not.toBe(before.inputs[0]);
  });
});

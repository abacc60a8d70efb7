import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseStep as step,
  MINUTE,
  PROPERTY_START as START,
  propertyCalendar as calendar,
  propertyPolicies as policies,
  timelineOf,
} from '../fixtures/case-timeline-arbitrary';
import { foldCaseSla } from './case-sla-fold';

describe('case SLA fold properties', () => {
  it('gives the same clocks and events for any arrival order and any duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 0, max: 5 * 24 * 60 }),
        fc.func(fc.integer()),
        fc.array(fc.nat(), { maxLength: 10 }),
        (steps, nowMinute, shuffleKey, duplicateIndexes) => {
          const events = timelineOf(steps);
          const options = { policies, calendars: [calendar], now: START + nowMinute * MINUTE };
          const expected = foldCaseSla(events, options);
          const duplicates = duplicateIndexes.map((index) => structuredClone(events[index % events.length]!));
          const shuffled = [...events, ...duplicates]
            .map((event, index) => ({ event, key: shuffleKey(index) }))
            .sort((left, right) => left.key - right.key)
            .map(({ event }) => event);
          expect(foldCaseSla(shuffled, options)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never takes back an SLA event as time passes, and fires pending ones exactly as predicted', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 0, max: 5 * 24 * 60 }),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        (steps, nowMinute, laterBy) => {
          const events = timelineOf(steps);
          const earlier = foldCaseSla(events, { policies, calendars: [calendar], now: START + nowMinute * MINUTE })!;
          const later = foldCaseSla(events, { policies, calendars: [calendar], now: earlier.asOf + laterBy * MINUTE })!;
          for (const event of earlier.events) expect(later.events).toContainEqual(event);
          for (const { event, at } of earlier.pending) {
            if (at <= later.asOf) expect(later.events).toContainEqual(event);
            else expect(later.pending).toContainEqual({ event, at });
          }
          const ids = later.events.map((event) => event.id);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every clock within its invariants', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.integer({ min: 0, max: 5 * 24 * 60 }), (steps, nowMinute) => {
        const sla = foldCaseSla(timelineOf(steps), { policies, calendars: [calendar], now: START + nowMinute * MINUTE })!;
        for (const clock of sla.clocks) {
          expect(clock.elapsedMs).toBeGreaterThanOrEqual(0);
          expect(clock.remainingMs).toBe(clock.targetMs - clock.elapsedMs);
          if (clock.status === 'breached') expect(clock.breachedAt).not.toBeNull();
          if (clock.breachedAt !== null) expect(clock.breachedAt).toBeLessThanOrEqual(sla.asOf);
          if (clock.status === 'active') {
            expect(clock.dueAt).not.toBeNull();
            expect(clock.dueAt! > sla.asOf).toBe(true);
            expect(clock.elapsedMs).toBeLessThanOrEqual(clock.targetMs);
          }
          if (clock.status === 'fulfilled' && clock.breachedAt === null) expect(clock.elapsedMs).toBeLessThanOrEqual(clock.targetMs);
        }
      }),
      { numRuns: 300 },
    );
  });
});

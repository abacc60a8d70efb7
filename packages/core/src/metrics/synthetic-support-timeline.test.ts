import { describe, expect, it } from 'vitest';
import { timelineEventSchema } from '../model/timeline-event';
import { generateSupportTimeline } from './synthetic-support-timeline';

describe('synthetic support timeline', () => {
  const options = { from: '2025-11-24', days: 7, casesPerDay: 50, seed: 4, peakDays: { '2025-11-28': 3 } };
  const events = [...generateSupportTimeline(options)];

  it('produces only valid timeline events with unique ids', () => {
    for (const event of events) expect(timelineEventSchema.safeParse(event).success).toBe(true);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('is deterministic for a seed and different for another', () => {
    expect([...generateSupportTimeline(options)]).toEqual(events);
    expect([...generateSupportTimeline({ ...options, seed: 5 })]).not.toEqual(events);
  });

  it('multiplies the volume of peak days', () => {
    const casesOn = (date: string) => new Set(events.filter((event) => event.caseId?.startsWith(`case-${date}`)).map((event) => event.caseId)).size;
    // Friday ×3 against Thursday (weekday factors 1.00 vs 1.04).
    expect(casesOn('2025-11-28')).toBeGreaterThan(2 * casesOn('2025-11-27'));
  });
});

import { describe, expect, it } from 'vitest';
import { SlaError } from '../sla-error';
import type { OpeningHours, WeeklyHours } from './business-calendar-schema';
import { createBusinessCalendar } from './business-calendar';

const HOUR = 3_600_000;
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};
const everyDay = (hours: OpeningHours[]): WeeklyHours => ({
  monday: hours,
  tuesday: hours,
  wednesday: hours,
  thursday: hours,
  friday: hours,
  saturday: hours,
  sunday: hours,
});
const weekdays = (hours: OpeningHours[]): WeeklyHours => ({
  monday: hours,
  tuesday: hours,
  wednesday: hours,
  thursday: hours,
  friday: hours,
});
const split: OpeningHours[] = [
  { opens: '08:00', closes: '12:00' },
  { opens: '13:00', closes: '18:00' },
];

describe('split shifts (Europe/Berlin, Mon–Fri 08–12 and 13–18)', () => {
  const calendar = createBusinessCalendar({ id: 'eu', timeZone: 'Europe/Berlin', weeklyHours: weekdays(split) });

  it('is closed over lunch and at an interval’s closing instant', () => {
    expect(calendar.isOpen(at('2025-06-02T11:59:59+02:00'))).toBe(true);
    expect(calendar.isOpen(at('2025-06-02T12:00:00+02:00'))).toBe(false);
    expect(calendar.isOpen(at('2025-06-02T13:00:00+02:00'))).toBe(true);
    expect(calendar.isOpen(new Date('2025-06-07T10:00:00+02:00'))).toBe(false);
  });

  it('skips the lunch break when adding', () => {
    expect(calendar.addBusinessTime(at('2025-06-02T11:00:00+02:00'), 2 * HOUR)).toBe(at('2025-06-02T14:00:00+02:00'));
    expect(calendar.businessTimeBetween(at('2025-06-02T07:00:00+02:00'), at('2025-06-02T19:00:00+02:00'))).toBe(9 * HOUR);
  });

  it('ends a duration that runs out at closing time at that closing instant', () => {
    expect(calendar.addBusinessTime(at('2025-06-02T11:00:00+02:00'), HOUR)).toBe(at('2025-06-02T12:00:00+02:00'));
    expect(calendar.addBusinessTime(at('2025-06-06T17:00:00+02:00'), HOUR)).toBe(at('2025-06-06T18:00:00+02:00'));
  });

  it('starts counting at the next opening when started outside business hours', () => {
    expect(calendar.addBusinessTime(at('2025-06-02T06:00:00+02:00'), HOUR)).toBe(at('2025-06-02T09:00:00+02:00'));
    expect(calendar.addBusinessTime(at('2025-06-02T12:30:00+02:00'), HOUR)).toBe(at('2025-06-02T14:00:00+02:00'));
    expect(calendar.addBusinessTime(at('2025-06-07T10:00:00+02:00'), 30 * 60_000)).toBe(at('2025-06-09T08:30:00+02:00'));
  });

  it('returns the start itself for a zero duration', () => {
    expect(calendar.addBusinessTime(at('2025-06-07T10:00:00+02:00'), 0)).toBe(at('2025-06-07T10:00:00+02:00'));
  });

  it('measures a reversed span as negative', () => {
    expect(calendar.businessTimeBetween(at('2025-06-02T10:00:00+02:00'), at('2025-06-02T09:00:00+02:00'))).toBe(-HOUR);
  });

  it('finds the next opening and the next closing', () => {
    expect(calendar.nextOpening(at('2025-06-02T12:15:00+02:00'))).toBe(at('2025-06-02T13:00:00+02:00'));
    expect(calendar.nextOpening(at('2025-06-02T09:00:00+02:00'))).toBe(at('2025-06-02T09:00:00+02:00'));
    expect(calendar.nextOpening(at('2025-06-06T18:00:00+02:00'))).toBe(at('2025-06-09T08:00:00+02:00'));
    expect(calendar.nextClosing(at('2025-06-02T09:00:00+02:00'))).toBe(at('2025-06-02T12:00:00+02:00'));
    expect(calendar.nextClosing(at('2025-06-02T12:30:00+02:00'))).toBe(at('2025-06-02T12:30:00+02:00'));
  });
});

describe('daylight saving time', () => {
  const berlinAlwaysOpen = createBusinessCalendar({
    id: 'berlin-24-7',
    timeZone: 'Europe/Berlin',
    weeklyHours: everyDay([{ opens: '00:00', closes: '24:00' }]),
  });

  it('counts 25 real hours on a fall-back day of a 24-hour schedule, and 23 on a spring-forward day', () => {
    expect(berlinAlwaysOpen.businessTimeBetween(at('2025-10-26T00:00:00+02:00'), at('2025-10-27T00:00:00+01:00'))).toBe(25 * HOUR);
    expect(berlinAlwaysOpen.businessTimeBetween(at('2025-03-30T00:00:00+01:00'), at('2025-03-31T00:00:00+02:00'))).toBe(23 * HOUR);
    expect(berlinAlwaysOpen.addBusinessTime(at('2025-10-26T00:00:00+02:00'), 24 * HOUR)).toBe(at('2025-10-26T23:00:00+01:00'));
  });

  it('counts an interval through the repeated hour at its real length (America/New_York)', () => {
    const calendar = createBusinessCalendar({
      id: 'ny-night',
      timeZone: 'America/New_York',
      weeklyHours: { sunday: [{ opens: '00:00', closes: '04:00' }] },
    });
    expect(calendar.businessTimeBetween(at('2025-11-01T00:00:00Z'), at('2025-11-04T00:00:00Z'))).toBe(5 * HOUR);
    expect(calendar.businessTimeBetween(at('2025-03-08T00:00:00Z'), at('2025-03-11T00:00:00Z'))).toBe(3 * HOUR);
  });

  it('keeps local opening hours on both sides of a transition (America/New_York)', () => {
    const calendar = createBusinessCalendar({
      id: 'ny',
      timeZone: 'America/New_York',
      weeklyHours: everyDay([{ opens: '09:00', closes: '17:00' }]),
    });
    expect(calendar.addBusinessTime(at('2025-03-08T16:00:00-05:00'), 2 * HOUR)).toBe(at('2025-03-09T10:00:00-04:00'));
    expect(calendar.nextOpening(at('2025-11-01T18:00:00-04:00'))).toBe(at('2025-11-02T09:00:00-05:00'));
  });

  it('opens an interval that starts inside a spring-forward gap when the gap ends', () => {
    const calendar = createBusinessCalendar({
      id: 'gap',
      timeZone: 'Europe/Berlin',
      weeklyHours: { sunday: [{ opens: '02:30', closes: '04:00' }] },
    });
    expect(calendar.nextOpening(at('2025-03-30T00:00:00+01:00'))).toBe(at('2025-03-30T03:00:00+02:00'));
    expect(calendar.businessTimeBetween(at('2025-03-29T00:00:00Z'), at('2025-03-31T00:00:00Z'))).toBe(HOUR);
  });

  it('handles half-hour transitions (Australia/Lord_Howe)', () => {
    const calendar = createBusinessCalendar({
      id: 'lord-howe',
      timeZone: 'Australia/Lord_Howe',
      weeklyHours: everyDay([{ opens: '00:00', closes: '24:00' }]),
    });
    // DST ends 2025-04-06 02:00 (+11:00 → +10:30) and starts 2025-10-05 02:00 (+10:30 → +11:00).
    expect(calendar.businessTimeBetween(at('2025-04-06T00:00:00+11:00'), at('2025-04-07T00:00:00+10:30'))).toBe(24.5 * HOUR);
    expect(calendar.businessTimeBetween(at('2025-10-05T00:00:00+10:30'), at('2025-10-06T00:00:00+11:00'))).toBe(23.5 * HOUR);
  });
});

describe('night shifts', () => {
  const calendar = createBusinessCalendar({
    id: 'night',
    timeZone: 'Europe/Berlin',
    weeklyHours: { friday: [{ opens: '22:00', closes: '06:00' }], saturday: [{ opens: '06:00', closes: '08:00' }] },
  });

  it('stays open across midnight into the next day', () => {
    expect(calendar.isOpen(at('2025-11-08T03:00:00+01:00'))).toBe(true);
    expect(calendar.businessTimeBetween(at('2025-11-07T21:00:00+01:00'), at('2025-11-08T07:00:00+01:00'))).toBe(9 * HOUR);
    expect(calendar.addBusinessTime(at('2025-11-07T23:00:00+01:00'), 7 * HOUR)).toBe(at('2025-11-08T06:00:00+01:00'));
  });

  it('treats adjoining intervals as one stretch when looking for the next closing', () => {
    expect(calendar.nextClosing(at('2025-11-07T23:00:00+01:00'))).toBe(at('2025-11-08T08:00:00+01:00'));
  });
});

describe('holidays and overrides', () => {
  const calendar = createBusinessCalendar({
    id: 'retail',
    timeZone: 'Europe/Berlin',
    weeklyHours: weekdays([{ opens: '09:00', closes: '17:00' }]),
    holidays: [
      { date: '2025-12-25', through: '2025-12-26', name: 'Christmas' },
      { date: '2024-01-01', name: 'New Year', repeatsYearly: true },
      { date: '2025-12-31' },
    ],
    overrides: [
      { date: '2025-11-28', through: '2025-12-01', name: 'Black Friday week', hours: [{ opens: '08:00', closes: '22:00' }] },
      { date: '2025-12-24', name: 'Christmas Eve', hours: [{ opens: '09:00', closes: '14:00' }] },
      { date: '2025-12-31', name: 'Open on New Year’s Eve after all', hours: [{ opens: '10:00', closes: '12:00' }] },
    ],
  });

  it('applies dated overrides, including opening on a weekend', () => {
    expect(calendar.isOpen(at('2025-11-29T21:00:00+01:00'))).toBe(true);
    expect(calendar.businessTimeBetween(at('2025-11-28T00:00:00+01:00'), at('2025-12-02T00:00:00+01:00'))).toBe(4 * 14 * HOUR);
    expect(calendar.isOpen(at('2025-12-02T08:30:00+01:00'))).toBe(false);
  });

  it('closes early on Christmas Eve and stays closed on the holidays', () => {
    expect(calendar.addBusinessTime(at('2025-12-24T13:00:00+01:00'), 2 * HOUR)).toBe(at('2025-12-29T10:00:00+01:00'));
  });

  it('lets an override win over a holiday on the same date', () => {
    expect(calendar.isOpen(at('2025-12-31T11:00:00+01:00'))).toBe(true);
  });

  it('repeats yearly holidays across year ends', () => {
    expect(calendar.addBusinessTime(at('2025-12-31T11:00:00+01:00'), 2 * HOUR)).toBe(at('2026-01-02T10:00:00+01:00'));
    expect(calendar.isOpen(at('2027-01-01T10:00:00+01:00'))).toBe(false);
    expect(calendar.isOpen(at('2027-01-04T10:00:00+01:00'))).toBe(true);
  });

  it('does not repeat a yearly holiday before its first year', () => {
    const fromLater = createBusinessCalendar({
      id: 'later',
      timeZone: 'UTC',
      weeklyHours: weekdays([{ opens: '09:00', closes: '17:00' }]),
      holidays: [{ date: '2025-07-04', repeatsYearly: true }],
    });
    expect(fromLater.isOpen(at('2024-07-04T10:00:00Z'))).toBe(true);
    expect(fromLater.isOpen(at('2025-07-04T10:00:00Z'))).toBe(false);
    expect(fromLater.isOpen(at('2031-07-04T10:00:00Z'))).toBe(false);
  });

  it('closes a holiday’s whole date, including a night shift spilling in from the day before', () => {
    const night = createBusinessCalendar({
      id: 'night-holiday',
      timeZone: 'UTC',
      weeklyHours: everyDay([{ opens: '22:00', closes: '06:00' }]),
      holidays: [{ date: '2025-12-25' }],
    });
    // Open 22:00–24:00 on the 24th; the 25th and the shift opening on it (to 06:00 on the 26th) are closed.
    expect(night.businessTimeBetween(at('2025-12-24T12:00:00Z'), at('2025-12-26T12:00:00Z'))).toBe(2 * HOUR);
    expect(night.nextOpening(at('2025-12-25T00:00:00Z'))).toBe(at('2025-12-26T22:00:00Z'));
    expect(night.isOpen(at('2025-12-24T05:00:00Z'))).toBe(true);
  });
});

describe('errors and limits', () => {
  it('rejects invalid definitions with a coded error', () => {
    const attempts = [
      { id: 'x', timeZone: 'Mars/Olympus', weeklyHours: {} },
      { id: 'x', timeZone: 'UTC', weeklyHours: { monday: [{ opens: '9:00', closes: '17:00' }] } },
      { id: 'x', timeZone: 'UTC', weeklyHours: { monday: [{ opens: '09:00', closes: '09:00' }] } },
      { id: 'x', timeZone: 'UTC', weeklyHours: {}, holidays: [{ date: '2025-02-30' }] },
      { id: 'x', timeZone: 'UTC', weeklyHours: { funday: [] } },
    ];
    for (const definition of attempts) {
      expect(() => createBusinessCalendar(definition as never)).toThrowError(
        expect.objectContaining({ code: 'validation_failed' }),
      );
    }
  });

  it('reports a calendar that never opens', () => {
    const closed = createBusinessCalendar({ id: 'closed', timeZone: 'UTC', weeklyHours: {} });
    expect(closed.nextOpening(0)).toBeUndefined();
    expect(closed.isOpen(0)).toBe(false);
    expect(closed.businessTimeBetween(0, 86_400_000 * 400)).toBe(0);
    expect(() => closed.addBusinessTime(0, 1)).toThrowError(expect.objectContaining({ code: 'calendar_never_opens' }));
  });

  it('rejects negative durations and invalid instants', () => {
    const calendar = createBusinessCalendar({ id: 'utc', timeZone: 'UTC', weeklyHours: everyDay([{ opens: '00:00', closes: '24:00' }]) });
    expect(() => calendar.addBusinessTime(0, -1)).toThrow(SlaError);
    expect(() => calendar.isOpen(new Date('nope'))).toThrowError(expect.objectContaining({ code: 'invalid_instant' }));
    expect(calendar.nextClosing(0)).toBeUndefined();
  });
});

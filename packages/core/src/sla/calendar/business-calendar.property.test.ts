import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendarDefinitionInput, OpeningHours, WeeklyHours } from './business-calendar-schema';
import { createBusinessCalendar } from './business-calendar';
import { DAY_MS, dayNumberOf, isoDateOf, WEEKDAYS } from './local-date';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
  'Pacific/Chatham',
] as const;
const FROM = Date.UTC(2023, 11, 1);
const TO = Date.UTC(2027, 1, 1);
const WEEK = 7 * DAY_MS;

const clockTime = (quarterHours: number): string =>
  `${String(Math.floor(quarterHours / 4)).padStart(2, '0')}:${String((quarterHours % 4) * 15).padStart(2, '0')}`;
const openingHours = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .filter(([opens, closes]) => opens !== closes || closes === 96)
  .map(([opens, closes]): OpeningHours => ({ opens: clockTime(opens), closes: clockTime(closes) }));
const dayHours = fc.array(openingHours, { maxLength: 3 });
const isoDate = fc.integer({ min: Math.floor(FROM / DAY_MS), max: Math.floor(TO / DAY_MS) }).map(isoDateOf);

const calendarDefinition: fc.Arbitrary<BusinessCalendarDefinitionInput> = fc.record({
  id: fc.constant('generated'),
  timeZone: fc.constantFrom(...ZONES),
  weeklyHours: fc.record({
    monday: fc.array(openingHours, { minLength: 1, maxLength: 3 }),
    tuesday: dayHours,
    wednesday: dayHours,
    thursday: dayHours,
    friday: dayHours,
    saturday: dayHours,
    sunday: dayHours,
  }),
  holidays: fc.array(
    fc.record({ date: isoDate, repeatsYearly: fc.boolean() }).map((holiday) => holiday),
    { maxLength: 20 },
  ),
  overrides: fc.array(fc.record({ date: isoDate, hours: dayHours }), { maxLength: 5 }),
});
// Quarter-hour-aligned values hit interval boundaries exactly, where off-by-one errors live.
const QUARTER = 900_000;
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / QUARTER, max: TO / QUARTER }).map((quarter) => quarter * QUARTER),
);
const minuteInstant = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((minute) => minute * 60_000);
const underAWeek = fc.oneof(
  fc.integer({ min: 0, max: WEEK }),
  fc.integer({ min: 0, max: WEEK / QUARTER }).map((quarters) => quarters * QUARTER),
);

describe('business calendar properties', () => {
  it('measures back exactly what it adds', () => {
    fc.assert(
      fc.property(calendarDefinition, instant, underAWeek, (definition, start, duration) => {
        const calendar = createBusinessCalendar(definition);
        const end = calendar.addBusinessTime(start, duration);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(calendar.businessTimeBetween(start, end)).toBe(duration);
        // The end is the earliest such instant.
        if (duration > 0) expect(calendar.businessTimeBetween(start, end - 1)).toBeLessThan(duration);
      }),
      { numRuns: 300 },
    );
  });

  it('adds in two steps exactly as in one', () => {
    fc.assert(
      fc.property(calendarDefinition, instant, underAWeek, underAWeek, (definition, start, first, second) => {
        const calendar = createBusinessCalendar(definition);
        expect(calendar.addBusinessTime(calendar.addBusinessTime(start, first), second)).toBe(
          calendar.addBusinessTime(start, first + second),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('splits a measured span additively', () => {
    fc.assert(
      fc.property(calendarDefinition, fc.array(instant, { minLength: 3, maxLength: 3 }), (definition, points) => {
        const [a, b, c] = [...points].sort((left, right) => left - right) as [number, number, number];
        const calendar = createBusinessCalendar(definition);
        expect(calendar.businessTimeBetween(a, b) + calendar.businessTimeBetween(b, c)).toBe(
          calendar.businessTimeBetween(a, c),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('equals wall-clock arithmetic when always open, in every zone and across years', () => {
    const always: OpeningHours[] = [{ opens: '00:00', closes: '24:00' }];
    const weeklyHours = Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, always])) as WeeklyHours;
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 400 * DAY_MS }), (timeZone, start, duration) => {
        const calendar = createBusinessCalendar({ id: 'always', timeZone, weeklyHours });
        expect(calendar.addBusinessTime(start, duration)).toBe(start + duration);
        expect(calendar.businessTimeBetween(start, start + duration)).toBe(duration);
        expect(calendar.isOpen(start)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a minute-by-minute scan of isOpen', () => {
    fc.assert(
      fc.property(calendarDefinition, minuteInstant, fc.integer({ min: 0, max: 3 * 24 * 60 }), (definition, start, minutes) => {
        const calendar = createBusinessCalendar(definition);
        let open = 0;
        for (let minute = 0; minute < minutes; minute++) if (calendar.isOpen(start + minute * 60_000)) open += 60_000;
        expect(calendar.businessTimeBetween(start, start + minutes * 60_000)).toBe(open);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the next opening and closing at true boundaries', () => {
    fc.assert(
      fc.property(calendarDefinition, instant, (definition, from) => {
        const calendar = createBusinessCalendar(definition);
        const opening = calendar.nextOpening(from)!;
        expect(calendar.isOpen(opening)).toBe(true);
        expect(calendar.businessTimeBetween(from, opening)).toBe(0);
        if (opening > from) expect(calendar.isOpen(opening - 1)).toBe(false);
        const closing = calendar.nextClosing(opening)!;
        expect(calendar.isOpen(closing)).toBe(false);
        expect(calendar.businessTimeBetween(opening, closing)).toBe(closing - opening);
      }),
      { numRuns: 200 },
    );
  });

  it('matches a wall-clock reference on days away from DST transitions', () => {
    fc.assert(
      fc.property(calendarDefinition, instant, (definition, t) => {
        const offsetAround = (ms: number) => wallParts(definition.timeZone, ms).wall - Math.floor(ms / 1000) * 1000;
        fc.pre(offsetAround(t - 2 * DAY_MS) === offsetAround(t + 2 * DAY_MS));
        const calendar = createBusinessCalendar(definition);
        expect(calendar.isOpen(t)).toBe(referenceIsOpen(definition, t));
      }),
      { numRuns: 500 },
    );
  });
});

/** Local wall time of an instant straight from Intl (no caching, no UTC ranges). */
function wallParts(timeZone: string, ms: number): { day: number; minuteOfDay: number; wall: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return { day: Math.floor(wall / DAY_MS), minuteOfDay: get('hour') * 60 + get('minute'), wall };
}

function referenceIsOpen(definition: BusinessCalendarDefinitionInput, ms: number): boolean {
  const { day, minuteOfDay } = wallParts(definition.timeZone, ms);
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const overrideOf = (d: number) => [...(definition.overrides ?? [])].reverse().find((o) => dayNumberOf(o.date) === d);
  const isHoliday = (d: number) =>
    overrideOf(d) === undefined &&
    (definition.holidays ?? []).some((holiday) => {
      const holidayDay = dayNumberOf(holiday.date)!;
      if (holidayDay === d) return true;
      return holiday.repeatsYearly === true && d >= holidayDay && isoDateOf(d).slice(5) === holiday.date.slice(5);
    });
  const intervalsOf = (d: number): Array<[number, number]> => {
    if (isHoliday(d)) return [];
    const hours = overrideOf(d)?.hours ?? definition.weeklyHours[WEEKDAYS[(((d + 4) % 7) + 7) % 7]!] ?? [];
    return hours.map(({ opens, closes }) => {
      const from = toMinutes(opens);
      const to = toMinutes(closes);
      return [from, to <= from ? to + 1440 : to];
    });
  };
  if (isHoliday(day)) return false;
  if (intervalsOf(day).some(([from, to]) => from <= minuteOfDay && minuteOfDay < to)) return true;
  return intervalsOf(day - 1).some(([, to]) => minuteOfDay + 1440 < to);
}

import { civilFromDayNumber, civilToDayNumber, daysInMonth, isLeapYear, weekdayOf } from './local-date';

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const SUPPORTED_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'WKST']);

/** A parsed iCalendar `RRULE` with `FREQ=YEARLY`, reduced to the parts holiday files use. */
export interface YearlyRecurrence {
  /** Every how many years the rule repeats. */
  readonly interval: number;
  /** Total occurrences including the first, when bounded by `COUNT`. */
  readonly count?: number;
  /** Last day number an occurrence may fall on, when bounded by `UNTIL`. */
  readonly untilDay?: number;
  /** Months 1–12 (`BYMONTH`). */
  readonly months?: readonly number[];
  /** Days of month, negative from the end (`BYMONTHDAY`). */
  readonly monthDays?: readonly number[];
  /** Weekdays (0 = Sunday) with an optional ordinal such as 4 (fourth) or -1 (last) (`BYDAY`). */
  readonly weekdays?: readonly { readonly weekday: number; readonly ordinal?: number }[];
}

/** The outcome of parsing an `RRULE` value. */
export type YearlyRecurrenceParse = { ok: true; rule: YearlyRecurrence } | { ok: false; reason: string };

function parseIntegerList(value: string): number[] | undefined {
  const numbers = value.split(',').map((item) => Number(item));
  return numbers.every((item) => Number.isInteger(item) && item !== 0) ? numbers : undefined;
}

/**
 * Parses an iCalendar `RRULE` value (RFC 5545 §3.3.10) when it is yearly and uses only
 * `INTERVAL`, `COUNT`, `UNTIL`, `BYMONTH`, `BYMONTHDAY` and `BYDAY`.
 *
 * @param value - The rule, e.g. `FREQ=YEARLY;BYMONTH=11;BYDAY=4TH`.
 * @param dayNumberOfDate - Converts the `UNTIL` date (`YYYYMMDD…`) to a day number.
 * @returns The rule, or the reason it is not supported.
 */
export function parseYearlyRecurrence(
  value: string,
  dayNumberOfDate: (basicDate: string) => number | undefined,
): YearlyRecurrenceParse {
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const [key, partValue] = part.split('=');
    if (key && partValue !== undefined) parts.set(key.toUpperCase(), partValue.toUpperCase());
  }
  if (parts.get('FREQ') !== 'YEARLY') return { ok: false, reason: `unsupported recurrence FREQ=${parts.get('FREQ')}` };
  for (const key of parts.keys()) {
    if (!SUPPORTED_PARTS.has(key)) return { ok: false, reason: `unsupported recurrence part ${key}` };
  }
  const rule: {
    interval: number;
    count?: number;
    untilDay?: number;
    months?: number[];
    monthDays?: number[];
    weekdays?: { weekday: number; ordinal?: number }[];
  } = { interval: 1 };
  const interval = parts.get('INTERVAL');
  if (interval !== undefined) {
    rule.interval = Number(interval);
    if (!Number.isInteger(rule.interval) || rule.interval < 1) return { ok: false, reason: `bad INTERVAL ${interval}` };
  }
  const count = parts.get('COUNT');
  if (count !== undefined) {
    rule.count = Number(count);
    if (!Number.isInteger(rule.count) || rule.count < 1) return { ok: false, reason: `bad COUNT ${count}` };
  }
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const untilDay = dayNumberOfDate(until);
    if (untilDay === undefined) return { ok: false, reason: `bad UNTIL ${until}` };
    rule.untilDay = untilDay;
  }
  const months = parts.get('BYMONTH');
  if (months !== undefined) {
    const list = parseIntegerList(months);
    if (!list || list.some((month) => month < 1 || month > 12)) return { ok: false, reason: `bad BYMONTH ${months}` };
    rule.months = list;
  }
  const monthDays = parts.get('BYMONTHDAY');
  if (monthDays !== undefined) {
    const list = parseIntegerList(monthDays);
    if (!list || list.some((day) => Math.abs(day) > 31)) return { ok: false, reason: `bad BYMONTHDAY ${monthDays}` };
    rule.monthDays = list;
  }
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const weekdays: { weekday: number; ordinal?: number }[] = [];
    for (const item of byDay.split(',')) {
      const match = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item);
      if (!match) return { ok: false, reason: `bad BYDAY ${byDay}` };
      const weekday = WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]);
      weekdays.push(match[1] === undefined ? { weekday } : { weekday, ordinal: Number(match[1]) });
    }
    rule.weekdays = weekdays;
  }
  return { ok: true, rule };
}

function pickByWeekday(
  days: readonly number[],
  weekdays: readonly { readonly weekday: number; readonly ordinal?: number }[],
): number[] {
  const picked = new Set<number>();
  for (const { weekday, ordinal } of weekdays) {
    const matching = days.filter((day) => weekdayOf(day) === weekday);
    if (ordinal === undefined) for (const day of matching) picked.add(day);
    else {
      const day = ordinal > 0 ? matching[ordinal - 1] : matching[matching.length + ordinal];
      if (day !== undefined) picked.add(day);
    }
  }
  return [...picked];
}

function range(first: number, length: number): number[] {
  return Array.from({ length }, (_, index) => first + index);
}

function occurrencesInYear(rule: YearlyRecurrence, year: number, startMonth: number, startDay: number): number[] {
  const { months, monthDays, weekdays } = rule;
  if (weekdays && !months && !monthDays) {
    return pickByWeekday(range(civilToDayNumber(year, 1, 1), isLeapYear(year) ? 366 : 365), weekdays);
  }
  const result: number[] = [];
  for (const month of months ?? (monthDays || weekdays ? range(1, 12) : [startMonth])) {
    const length = daysInMonth(year, month);
    let days: number[];
    if (monthDays) {
      days = monthDays
        .map((day) => (day > 0 ? day : length + day + 1))
        .filter((day) => day >= 1 && day <= length)
        .map((day) => civilToDayNumber(year, month, day));
      if (weekdays) days = days.filter((day) => weekdays.some((entry) => entry.weekday === weekdayOf(day)));
    } else if (weekdays) {
      days = pickByWeekday(range(civilToDayNumber(year, month, 1), length), weekdays);
    } else {
      days = startDay <= length ? [civilToDayNumber(year, month, startDay)] : [];
    }
    result.push(...days);
  }
  return result;
}

/**
 * Expands a yearly rule into day numbers: the first occurrence is `startDay` itself, then every
 * matching day in order until `COUNT`, `UNTIL` or `throughYear` stops it.
 *
 * @param rule - The parsed rule.
 * @param startDay - Day number of the event's `DTSTART`.
 * @param throughYear - Last year to expand an unbounded rule into.
 * @returns Occurrence day numbers, ascending.
 */
export function expandYearlyRecurrence(rule: YearlyRecurrence, startDay: number, throughYear: number): number[] {
  const start = civilFromDayNumber(startDay);
  const occurrences: number[] = [startDay];
  const limitReached = () => rule.count !== undefined && occurrences.length >= rule.count;
  for (let year = start.year; year <= throughYear && !limitReached(); year += rule.interval) {
    const days = occurrencesInYear(rule, year, start.month, start.day).sort((left, right) => left - right);
    for (const day of days) {
      if (day <= startDay) continue;
      if (rule.untilDay !== undefined && day > rule.untilDay) return occurrences;
      occurrences.push(day);
      if (limitReached()) break;
    }
  }
  return occurrences;
}

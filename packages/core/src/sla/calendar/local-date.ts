/** Milliseconds in one 24-hour day of wall-clock time. */
export const DAY_MS = 86_400_000;

/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;

/** The seven weekdays, in the order JavaScript's `getUTCDay()` numbers them (0 = Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A weekday name as used by calendar definitions. */
export type Weekday = (typeof WEEKDAYS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/**
 * Converts an ISO calendar date (`YYYY-MM-DD`) to its day number (days since 1970-01-01).
 *
 * @param date - The calendar date.
 * @returns The day number, or `undefined` when the text is not a real date.
 */
export function dayNumberOf(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return civilToDayNumber(year, month, day);
}

/**
 * Converts a proleptic Gregorian date to its day number (days since 1970-01-01).
 *
 * @param year - Full year.
 * @param month - Month 1–12.
 * @param day - Day of month 1–31.
 * @returns The day number.
 */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

/**
 * Converts a day number back to its calendar date parts.
 *
 * @param dayNumber - Days since 1970-01-01.
 * @returns The year, month (1–12) and day of month.
 */
export function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Formats a day number as an ISO calendar date (`YYYY-MM-DD`).
 *
 * @param dayNumber - Days since 1970-01-01.
 * @returns The ISO date.
 */
export function isoDateOf(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Returns the weekday index (0 = Sunday … 6 = Saturday) of a day number.
 *
 * @param dayNumber - Days since 1970-01-01 (a Thursday).
 * @returns The weekday index.
 */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Returns how many days a month has in the proleptic Gregorian calendar.
 *
 * @param year - Full year.
 * @param month - Month 1–12.
 * @returns 28 to 31.
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Tells whether a year is a Gregorian leap year.
 *
 * @param year - Full year.
 * @returns `true` for leap years.
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Parses a wall-clock time of day (`HH:MM`, `00:00` to `24:00`) into milliseconds after midnight.
 *
 * @param time - The time of day.
 * @returns Milliseconds after local midnight, or `undefined` when the text is not a valid time.
 */
export function clockTimeToMs(time: string): number | undefined {
  const match = CLOCK_TIME.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return (hours * 60 + minutes) * MINUTE_MS;
}

import { MetricsInputError } from '../metrics-error';

/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** Hours in one week: the seasonal period of contact volume. */
export const HOURS_PER_WEEK = 168;

/**
 * Contact counts for consecutive hours, starting at `start` (an hour boundary).
 */
export interface HourlySeries {
  /** Start of the first hour as an ISO-8601 instant on an hour boundary. */
  start: string;
  /** Contacts in each consecutive hour. */
  values: readonly number[];
}

/**
 * Parses an ISO-8601 instant that must fall on an hour boundary.
 * @param name - parameter name used in the error message
 * @param iso - the instant
 * @returns epoch milliseconds
 * @throws MetricsInputError when the text is not an instant or not on an hour boundary
 * @example
 * parseHour('start', '2025-11-28T00:00:00Z');
 */
export function parseHour(name: string, iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new MetricsInputError(`${name} "${iso}" is not an ISO-8601 instant`);
  if (ms % HOUR_MS !== 0) throw new MetricsInputError(`${name} "${iso}" is not on an hour boundary`);
  return ms;
}

/**
 * Local calendar position of an hour: days since the epoch, weekday (0 = Sunday) and hour of day.
 */
export interface LocalHour {
  /** Whole local days since 1970-01-01. */
  day: number;
  /** Weekday, 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Hour of the local day, 0–23. */
  hour: number;
  /** Position in the week, weekday × 24 + hour (0–167). */
  slot: number;
}

/**
 * Locates an instant in local time given a fixed UTC offset.
 * @param ms - epoch milliseconds
 * @param utcOffsetMinutes - the tenant's offset from UTC (e.g. −300 for New York winter time)
 * @returns the local day, weekday, hour and week slot
 * @example
 * localHour(Date.parse('2025-11-28T15:00:00Z'), -300); // Friday 10:00
 */
export function localHour(ms: number, utcOffsetMinutes: number): LocalHour {
  const localMs = ms + utcOffsetMinutes * 60_000;
  const day = Math.floor(localMs / DAY_MS);
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const hour = Math.floor((localMs - day * DAY_MS) / HOUR_MS);
  return { day, weekday, hour, slot: weekday * 24 + hour };
}

/**
 * Local day number (days since 1970-01-01) of a `YYYY-MM-DD` calendar date.
 * @param date - the calendar date
 * @returns days since the epoch
 * @throws MetricsInputError when the text is not a calendar date
 * @example
 * dayNumber('1970-01-02'); // 1
 */
export function dayNumber(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MetricsInputError(`"${date}" is not a YYYY-MM-DD date`);
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * Builds an hourly series over `[from, to)` from counts keyed by hour start (epoch ms); missing hours are 0.
 * @param counts - contacts per hour start
 * @param from - first hour (ISO-8601, hour boundary)
 * @param to - end (exclusive, ISO-8601, hour boundary)
 * @returns the dense series
 * @throws MetricsInputError when the bounds are not hour boundaries or `to` precedes `from`
 * @example
 * hourlySeriesFromCounts(new Map([[Date.parse('2025-01-01T01:00:00Z'), 3]]), '2025-01-01T00:00:00Z', '2025-01-01T03:00:00Z'); // values [0, 3, 0]
 */
export function hourlySeriesFromCounts(counts: ReadonlyMap<number, number>, from: string, to: string): HourlySeries {
  const start = parseHour('from', from);
  const end = parseHour('to', to);
  if (end < start) throw new MetricsInputError('to must not precede from');
  const values: number[] = [];
  for (let ms = start; ms < end; ms += HOUR_MS) values.push(counts.get(ms) ?? 0);
  return { start: new Date(start).toISOString(), values };
}

import { dayNumber } from './hourly-series';

/**
 * A known peak day (Black Friday, Cyber Monday, a Christmas shipping cut-off) with its own uplift.
 */
export interface PeakEvent {
  /** Name shown in reports, e.g. "Black Friday". */
  name: string;
  /** Every occurrence as a local `YYYY-MM-DD` date, past (to learn the uplift) and future. */
  dates: readonly string[];
  /** Known multiplier over a normal day; when omitted it is learned from past occurrences. */
  uplift?: number;
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * Black Friday: the day after US Thanksgiving (the fourth Thursday of November).
 * @param year - calendar year
 * @returns the date as `YYYY-MM-DD`
 * @example
 * blackFriday(2025); // '2025-11-28'
 */
export function blackFriday(year: number): string {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return isoDate(year, 11, firstThursday + 21 + 1);
}

/**
 * Cyber Monday: the Monday after Black Friday.
 * @param year - calendar year
 * @returns the date as `YYYY-MM-DD`
 * @example
 * cyberMonday(2025); // '2025-12-01'
 */
export function cyberMonday(year: number): string {
  const friday = dayNumber(blackFriday(year));
  return new Date((friday + 3) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The usual e-commerce peak events for the given years: Black Friday, Cyber Monday and,
 * when the merchant's last shipping day is given, the Christmas cut-off.
 * @param years - calendar years to cover (past ones teach the uplift)
 * @param christmasCutoff - the merchant's last shipping day before Christmas as `MM-DD`, e.g. `12-18`
 * @returns the events
 * @example
 * peakSeasonEvents([2024, 2025], '12-18');
 */
export function peakSeasonEvents(years: readonly number[], christmasCutoff?: string): PeakEvent[] {
  const events: PeakEvent[] = [
    { name: 'Black Friday', dates: years.map(blackFriday) },
    { name: 'Cyber Monday', dates: years.map(cyberMonday) },
  ];
  if (christmasCutoff !== undefined) {
    events.push({ name: 'Christmas cut-off', dates: years.map((year) => `${year}-${christmasCutoff}`) });
  }
  return events;
}

import { assertInRange } from '../metrics-error';
import { dayNumber, HOUR_MS, type HourlySeries, localHour, parseHour } from './hourly-series';
import type { PeakEvent } from './peak-events';

/**
 * A peak event with the uplift the forecast applies to it.
 */
export interface LearnedPeakEvent {
  /** Event name. */
  name: string;
  /** Occurrences as local `YYYY-MM-DD` dates. */
  dates: readonly string[];
  /** Multiplier over a normal day of the same weekday. */
  uplift: number;
  /** Past occurrences the uplift was learned from (0 when it was given or nothing was in the history). */
  learnedFrom: number;
}

/** Totals of complete local days (24 hours present) in a series. */
function completeDayTotals(series: HourlySeries, utcOffsetMinutes: number): Map<number, number> {
  const start = parseHour('series.start', series.start);
  const totals = new Map<number, { total: number; hours: number }>();
  series.values.forEach((value, index) => {
    const { day } = localHour(start + index * HOUR_MS, utcOffsetMinutes);
    const entry = totals.get(day) ?? { total: 0, hours: 0 };
    entry.total += value;
    entry.hours += 1;
    totals.set(day, entry);
  });
  const complete = new Map<number, number>();
  for (const [day, entry] of totals) if (entry.hours === 24) complete.set(day, entry.total);
  return complete;
}

/**
 * Learns each event's uplift from its past occurrences in the history: the event day's volume
 * divided by the mean of the same weekday one and two weeks before and after (skipping other
 * event days). Events with a given `uplift` keep it.
 * @param series - hourly contact history
 * @param events - the peak events
 * @param utcOffsetMinutes - tenant offset from UTC used to find local days
 * @returns the events with their uplift
 * @throws MetricsInputError when a given uplift is not positive
 * @example
 * learnPeakEventUplifts(history, peakSeasonEvents([2024, 2025]), 0);
 */
export function learnPeakEventUplifts(series: HourlySeries, events: readonly PeakEvent[], utcOffsetMinutes: number): LearnedPeakEvent[] {
  const totals = completeDayTotals(series, utcOffsetMinutes);
  const eventDays = new Set(events.flatMap((event) => event.dates.map(dayNumber)));
  return events.map((event) => {
    if (event.uplift !== undefined) {
      assertInRange(`uplift of ${event.name}`, event.uplift, Number.MIN_VALUE);
      return { name: event.name, dates: event.dates, uplift: event.uplift, learnedFrom: 0 };
    }
    const ratios: number[] = [];
    for (const date of event.dates) {
      const day = dayNumber(date);
      const actual = totals.get(day);
      if (actual === undefined) continue;
      const neighbours = [-14, -7, 7, 14]
        .map((offset) => day + offset)
        .filter((neighbour) => !eventDays.has(neighbour))
        .map((neighbour) => totals.get(neighbour))
        .filter((total): total is number => total !== undefined);
      const baseline = neighbours.reduce((sum, total) => sum + total, 0) / neighbours.length;
      if (neighbours.length > 0 && baseline > 0) ratios.push(actual / baseline);
    }
    const uplift = ratios.length === 0 ? 1 : ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
    return { name: event.name, dates: event.dates, uplift, learnedFrom: ratios.length };
  });
}

/**
 * Multiplier per local day (days since the epoch) from a set of events; overlapping events multiply.
 * @param events - events with uplifts
 * @returns day number → multiplier
 * @example
 * eventDayFactors([{ name: 'Black Friday', dates: ['2025-11-28'], uplift: 3, learnedFrom: 1 }]);
 */
export function eventDayFactors(events: readonly LearnedPeakEvent[]): Map<number, number> {
  const factors = new Map<number, number>();
  for (const event of events) {
    for (const date of event.dates) {
      const day = dayNumber(date);
      factors.set(day, (factors.get(day) ?? 1) * event.uplift);
    }
  }
  return factors;
}

/**
 * Multiplies (or, with `invert`, divides) each hour by its local day's event factor.
 * @param series - the hourly series
 * @param factors - day number → multiplier
 * @param utcOffsetMinutes - tenant offset from UTC
 * @param invert - divide instead of multiply (to remove events from history)
 * @returns a new series
 * @example
 * applyEventFactors(baseline, eventDayFactors(events), 0, false);
 */
export function applyEventFactors(series: HourlySeries, factors: ReadonlyMap<number, number>, utcOffsetMinutes: number, invert: boolean): HourlySeries {
  if (factors.size === 0) return series;
  const start = parseHour('series.start', series.start);
  const values = series.values.map((value, index) => {
    const factor = factors.get(localHour(start + index * HOUR_MS, utcOffsetMinutes).day);
    if (factor === undefined) return value;
    return invert ? value / factor : value * factor;
  });
  return { start: series.start, values };
}

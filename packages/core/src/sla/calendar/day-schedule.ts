import type { BusinessCalendarDefinition, OpeningHours } from './business-calendar-schema';
import { civilFromDayNumber, clockTimeToMs, DAY_MS, dayNumberOf, WEEKDAYS, weekdayOf } from './local-date';
import { createZoneOffsets } from './zone-offsets';

/** The open time of one local calendar day, resolved to UTC. */
export interface DayPlan {
  /** Local day number (days since 1970-01-01 in the calendar's zone). */
  readonly day: number;
  /** UTC epoch ms of the day's local midnight. */
  readonly start: number;
  /** UTC epoch ms of the next day's local midnight (exclusive end of the day). */
  readonly end: number;
  /** Open ranges as flat `[open, close, open, close, …]` UTC ms, sorted, disjoint, inside `[start, end)`. */
  readonly ranges: readonly number[];
  /** Sum of the open ranges in ms. */
  readonly total: number;
}

/** Per-day open ranges of a calendar, computed on first use and cached. */
export interface DaySchedule {
  /** Returns the plan of a local day. */
  planOf(day: number): DayPlan;
  /** Returns the plan of the local day containing a UTC instant. */
  planContaining(utcMs: number): DayPlan;
}

type WallInterval = readonly [opensMs: number, closesMs: number];

function toWallIntervals(hours: readonly OpeningHours[]): WallInterval[] {
  return hours.map((interval) => {
    const opens = clockTimeToMs(interval.opens) ?? 0;
    let closes = clockTimeToMs(interval.closes) ?? 0;
    if (closes <= opens) closes += DAY_MS;
    return [opens, closes] as const;
  });
}

function daysOf(date: string, through: string | undefined): number[] {
  const first = dayNumberOf(date) ?? 0;
  const last = through === undefined ? first : (dayNumberOf(through) ?? first);
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}

function monthDayKey(day: number): number {
  const { month, day: dayOfMonth } = civilFromDayNumber(day);
  return month * 100 + dayOfMonth;
}

/**
 * Compiles a validated calendar definition into a cached per-day schedule.
 *
 * Rules: an interval belongs to the local day it opens on; an override replaces the weekly
 * intervals of its days and wins over a holiday; a holiday cancels the intervals opening on it
 * and closes its whole local date (including a night shift spilling in from the day before).
 *
 * @param definition - A calendar definition already validated by `businessCalendarSchema`.
 * @returns The schedule.
 */
export function compileDaySchedule(definition: BusinessCalendarDefinition): DaySchedule {
  const zone = createZoneOffsets(definition.timeZone);
  const weekly: WallInterval[][] = WEEKDAYS.map((weekday) => toWallIntervals(definition.weeklyHours[weekday] ?? []));
  const overrides = new Map<number, WallInterval[]>();
  for (const override of definition.overrides) {
    const intervals = toWallIntervals(override.hours);
    for (const day of daysOf(override.date, override.through)) overrides.set(day, intervals);
  }
  const holidays = new Set<number>();
  const yearlyHolidays = new Map<number, number>();
  for (const holiday of definition.holidays) {
    for (const day of daysOf(holiday.date, holiday.through)) {
      if (holiday.repeatsYearly) {
        const key = monthDayKey(day);
        yearlyHolidays.set(key, Math.min(yearlyHolidays.get(key) ?? day, day));
      } else {
        holidays.add(day);
      }
    }
  }

  function isHoliday(day: number): boolean {
    if (overrides.has(day)) return false;
    if (holidays.has(day)) return true;
    if (yearlyHolidays.size === 0) return false;
    const since = yearlyHolidays.get(monthDayKey(day));
    return since !== undefined && day >= since;
  }

  const probes = new Map<number, number>();
  function probeOffset(day: number): number {
    let offset = probes.get(day);
    if (offset === undefined) {
      offset = zone.offsetAt(day * DAY_MS);
      probes.set(day, offset);
    }
    return offset;
  }

  /** Converts wall times near `day` to UTC, skipping Intl when the offset is constant around it. */
  function wallConverter(day: number): (wallMs: number) => number {
    const offset = probeOffset(day - 2);
    if (offset === probeOffset(day + 3)) return (wallMs) => wallMs - offset;
    return zone.wallToUtc;
  }

  const starts = new Map<number, number>();
  function startOf(day: number): number {
    let start = starts.get(day);
    if (start === undefined) {
      start = wallConverter(day)(day * DAY_MS);
      starts.set(day, start);
    }
    return start;
  }

  function intervalsOpeningOn(day: number): readonly WallInterval[] {
    if (isHoliday(day)) return [];
    return overrides.get(day) ?? weekly[weekdayOf(day)] ?? [];
  }

  function buildPlan(day: number): DayPlan {
    const start = startOf(day);
    const end = startOf(day + 1);
    if (isHoliday(day)) return { day, start, end, ranges: [], total: 0 };
    const toUtc = wallConverter(day);
    const pieces: [number, number][] = [];
    for (const from of [day - 1, day]) {
      for (const [opens, closes] of intervalsOpeningOn(from)) {
        const open = Math.max(toUtc(from * DAY_MS + opens), start);
        const close = Math.min(toUtc(from * DAY_MS + closes), end);
        if (close > open) pieces.push([open, close]);
      }
    }
    pieces.sort((left, right) => left[0] - right[0]);
    const ranges: number[] = [];
    let total = 0;
    for (const [open, close] of pieces) {
      const last = ranges.length - 1;
      if (last > 0 && open <= ranges[last]!) {
        if (close > ranges[last]!) {
          total += close - ranges[last]!;
          ranges[last] = close;
        }
      } else {
        ranges.push(open, close);
        total += close - open;
      }
    }
    return { day, start, end, ranges, total };
  }

  const plans = new Map<number, DayPlan>();
  function planOf(day: number): DayPlan {
    let plan = plans.get(day);
    if (plan === undefined) {
      plan = buildPlan(day);
      plans.set(day, plan);
    }
    return plan;
  }

  let offsetHint = 0;
  function planContaining(utcMs: number): DayPlan {
    let plan = planOf(Math.floor((utcMs + offsetHint) / DAY_MS));
    while (utcMs < plan.start) plan = planOf(plan.day - 1);
    while (utcMs >= plan.end) plan = planOf(plan.day + 1);
    offsetHint = plan.day * DAY_MS - plan.start;
    return plan;
  }

  return { planOf, planContaining };
}

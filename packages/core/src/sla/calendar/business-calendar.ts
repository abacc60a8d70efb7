import { ValidationError } from '../../errors/validation-error';
import { SlaError } from '../sla-error';
import {
  type BusinessCalendarDefinition,
  type BusinessCalendarDefinitionInput,
  businessCalendarSchema,
} from './business-calendar-schema';
import { compileDaySchedule, type DayPlan } from './day-schedule';
import { type Instant, toEpochMs } from './instant';

/** How many consecutive closed days a search crosses before concluding the calendar never opens. */
const MAX_CLOSED_DAYS = 3_660;

/**
 * Business-hours arithmetic over one calendar; instants are UTC epoch milliseconds.
 *
 * Conventions: open intervals are half-open `[opens, closes)`; durations are real elapsed
 * milliseconds (a 25-hour fall-back day open around the clock counts 25 hours); counting that
 * starts outside business hours begins at the next opening; a duration that ends exactly at a
 * closing time ends at that closing instant, never at the next opening.
 */
export interface BusinessCalendar {
  /** The calendar's id, as referenced by SLA policies. */
  readonly id: string;
  /** The calendar's IANA time zone. */
  readonly timeZone: string;
  /** The validated definition the calendar was built from. */
  readonly definition: BusinessCalendarDefinition;
  /**
   * Tells whether the calendar is open at an instant (an interval's closing instant is closed).
   *
   * @param at - The instant.
   * @returns `true` inside business hours.
   */
  isOpen(at: Instant): boolean;
  /**
   * Returns the earliest instant at or after `at` when the calendar is open (`at` itself when open).
   *
   * @param at - The instant to search from.
   * @returns Epoch ms, or `undefined` when the calendar stays closed for ten years.
   */
  nextOpening(at: Instant): number | undefined;
  /**
   * Returns the earliest instant at or after `at` when the calendar is closed (`at` itself when closed);
   * adjoining intervals (a night shift across midnight) count as one.
   *
   * @param at - The instant to search from.
   * @returns Epoch ms, or `undefined` when the calendar stays open for ten years.
   */
  nextClosing(at: Instant): number | undefined;
  /**
   * Returns the earliest instant `end >= start` such that `businessTimeBetween(start, end) === durationMs`.
   *
   * @param start - Where counting starts (counting waits for the next opening when closed).
   * @param durationMs - Business time to add, in ms (>= 0).
   * @returns Epoch ms; a duration ending at a closing time returns that closing instant.
   * @throws SlaError (`invalid_duration`) for a negative or non-finite duration; (`calendar_never_opens`)
   * when the calendar stays closed for ten years.
   */
  addBusinessTime(start: Instant, durationMs: number): number;
  /**
   * Measures the business time in `[from, to)`; negative when `to` is before `from`.
   *
   * @param from - Start instant.
   * @param to - End instant.
   * @returns Business milliseconds.
   */
  businessTimeBetween(from: Instant, to: Instant): number;
}

/**
 * Builds a business calendar from its definition (validated with `businessCalendarSchema`).
 *
 * Time-zone offsets are computed with `Intl` once per local day and cached together with the
 * day's open ranges, so repeated arithmetic only walks cached numbers.
 *
 * @param definition - The calendar definition, e.g. loaded from JSON.
 * @returns The calendar.
 * @throws ValidationError when the definition does not validate.
 * @example
 * const calendar = createBusinessCalendar({
 *   id: 'support-us',
 *   timeZone: 'America/New_York',
 *   weeklyHours: { monday: [{ opens: '09:00', closes: '17:00' }] },
 * });
 * calendar.addBusinessTime(Date.parse('2025-03-10T16:00:00-04:00'), 2 * 3_600_000);
 * // 2025-03-17T10:00:00-04:00 (one hour on Monday, one the next Monday)
 */
export function createBusinessCalendar(definition: BusinessCalendarDefinitionInput): BusinessCalendar {
  const parsed = businessCalendarSchema.safeParse(definition);
  if (!parsed.success) {
    throw ValidationError.fromZod('Business calendar definition', parsed.error);
  }
  const calendarDefinition = parsed.data;
  const { planOf, planContaining } = compileDaySchedule(calendarDefinition);

  function isOpen(at: Instant): boolean {
    const t = toEpochMs(at);
    const { ranges } = planContaining(t);
    for (let i = 0; i < ranges.length; i += 2) {
      if (t < ranges[i]!) return false;
      if (t < ranges[i + 1]!) return true;
    }
    return false;
  }

  function nextOpening(at: Instant): number | undefined {
    const t = toEpochMs(at);
    let plan: DayPlan = planContaining(t);
    for (let closedDays = 0; closedDays <= MAX_CLOSED_DAYS; closedDays++) {
      const { ranges } = plan;
      for (let i = 0; i < ranges.length; i += 2) {
        if (ranges[i + 1]! > t) return Math.max(ranges[i]!, t);
      }
      plan = planOf(plan.day + 1);
    }
    return undefined;
  }

  function nextClosing(at: Instant): number | undefined {
    let t = toEpochMs(at);
    let plan: DayPlan = planContaining(t);
    for (let openDays = 0; openDays <= MAX_CLOSED_DAYS; openDays++) {
      const { ranges } = plan;
      for (let i = 0; i < ranges.length; i += 2) {
        if (ranges[i + 1]! <= t) continue;
        if (ranges[i]! > t) return t;
        t = ranges[i + 1]!;
      }
      if (t < plan.end) return t;
      plan = planOf(plan.day + 1);
    }
    return undefined;
  }

  function addBusinessTime(start: Instant, durationMs: number): number {
    const t = toEpochMs(start);
    if (!Number.isFinite(durationMs) || durationMs < 0) {
      throw new SlaError('invalid_duration', `A business duration must be a finite number >= 0, got ${durationMs}`);
    }
    if (durationMs === 0) return t;
    let remaining = durationMs;
    let plan: DayPlan = planContaining(t);
    let closedDays = 0;
    for (;;) {
      if (plan.total === 0) {
        if (++closedDays > MAX_CLOSED_DAYS) {
          throw new SlaError('calendar_never_opens', `Calendar ${calendarDefinition.id} has no open time in ten years`);
        }
      } else if (t <= plan.start && plan.total < remaining) {
        closedDays = 0;
        remaining -= plan.total;
      } else {
        closedDays = 0;
        const { ranges } = plan;
        for (let i = 0; i < ranges.length; i += 2) {
          const close = ranges[i + 1]!;
          if (close <= t) continue;
          const open = ranges[i]! > t ? ranges[i]! : t;
          const available = close - open;
          if (remaining <= available) return open + remaining;
          remaining -= available;
        }
      }
      plan = planOf(plan.day + 1);
    }
  }

  function businessTimeBetween(from: Instant, to: Instant): number {
    const a = toEpochMs(from);
    const b = toEpochMs(to);
    if (b < a) return -measure(b, a);
    return measure(a, b);
  }

  function measure(a: number, b: number): number {
    let total = 0;
    let plan: DayPlan = planContaining(a);
    while (plan.start < b) {
      if (a <= plan.start && plan.end <= b) {
        total += plan.total;
      } else {
        const { ranges } = plan;
        for (let i = 0; i < ranges.length; i += 2) {
          const open = ranges[i]! > a ? ranges[i]! : a;
          const close = ranges[i + 1]! < b ? ranges[i + 1]! : b;
          if (close > open) total += close - open;
        }
      }
      plan = planOf(plan.day + 1);
    }
    return total;
  }

  return {
    id: calendarDefinition.id,
    timeZone: calendarDefinition.timeZone,
    definition: calendarDefinition,
    isOpen,
    nextOpening,
    nextClosing,
    addBusinessTime,
    businessTimeBetween,
  };
}

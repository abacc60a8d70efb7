import { MetricsInputError } from '../metrics-error';
import { DAY_MS, HOUR_MS, HOURS_PER_WEEK, type HourlySeries, localHour, parseHour } from './hourly-series';

/** 52 weeks: the lag that keeps weekdays aligned from one year to the next. */
const YEAR_LAG_MS = 364 * DAY_MS;

/**
 * Settings of the "same weeks last year" method.
 */
export interface SameWeeksLastYearOptions {
  /** Year-over-year growth multiplier; learned from the last `growthWeeks` weeks when omitted. */
  growth?: number;
  /** Weeks at the end of the history compared with the same weeks a year earlier (default 8). */
  growthWeeks?: number;
}

/**
 * What the "same weeks last year" method used to produce its forecast.
 */
export interface SameWeeksLastYearFit {
  /** The growth multiplier applied. */
  growth: number;
  /** True when the growth was learned from history, false when given or defaulted to 1. */
  growthEstimated: boolean;
  /** Share of a week's volume falling in each week slot (weekday × 24 + hour), summing to 1. */
  weekProfile: number[];
}

/**
 * Forecasts hourly volume as last year's volume of the same week (aligned by weekday, 52 weeks
 * back), scaled by year-over-year growth and spread over the week by the history's weekday and
 * intraday profile.
 * @param history - hourly history with peak events already divided out
 * @param fromMs - first forecast hour (epoch ms)
 * @param toMs - end of the forecast (exclusive, epoch ms)
 * @param utcOffsetMinutes - tenant offset from UTC
 * @param options - growth settings
 * @returns the forecast values and the fitted growth and profile
 * @throws MetricsInputError when the history holds none of an aligned week
 * @example
 * forecastSameWeeksLastYear(history, Date.parse('2025-11-24T00:00:00Z'), Date.parse('2025-12-01T00:00:00Z'), 0, {});
 */
export function forecastSameWeeksLastYear(
  history: HourlySeries,
  fromMs: number,
  toMs: number,
  utcOffsetMinutes: number,
  options: SameWeeksLastYearOptions,
): { values: number[]; fit: SameWeeksLastYearFit } {
  const start = parseHour('history.start', history.start);
  const end = start + history.values.length * HOUR_MS;
  const at = (ms: number): number | undefined => (ms >= start && ms < end ? history.values[(ms - start) / HOUR_MS] : undefined);

  const slotSums = new Array<number>(HOURS_PER_WEEK).fill(0);
  const slotCounts = new Array<number>(HOURS_PER_WEEK).fill(0);
  history.values.forEach((value, index) => {
    const { slot } = localHour(start + index * HOUR_MS, utcOffsetMinutes);
    slotSums[slot] = (slotSums[slot] as number) + value;
    slotCounts[slot] = (slotCounts[slot] as number) + 1;
  });
  const slotMeans = slotSums.map((sum, slot) => (slotCounts[slot] ? sum / (slotCounts[slot] as number) : 0));
  const meanTotal = slotMeans.reduce((sum, mean) => sum + mean, 0);
  const weekProfile = slotMeans.map((mean) => (meanTotal > 0 ? mean / meanTotal : 1 / HOURS_PER_WEEK));

  const fit = { ...estimateGrowth(at, end, options), weekProfile };
  const weekTotals = new Map<number, number>();
  const values: number[] = [];
  for (let ms = fromMs; ms < toMs; ms += HOUR_MS) {
    const aligned = ms - YEAR_LAG_MS;
    const { slot } = localHour(aligned, utcOffsetMinutes);
    const weekStart = aligned - slot * HOUR_MS;
    let total = weekTotals.get(weekStart);
    if (total === undefined) {
      // A week cut by the history's edges is completed from the profile of the hours present.
      let present = 0;
      let share = 0;
      for (let hour = 0; hour < HOURS_PER_WEEK; hour++) {
        const value = at(weekStart + hour * HOUR_MS);
        if (value === undefined) continue;
        present += value;
        share += weekProfile[hour] as number;
      }
      if (share === 0) {
        throw new MetricsInputError(
          `history has no data for the week of ${new Date(weekStart).toISOString()} (52 weeks before the forecast)`,
          'metrics_insufficient_history',
        );
      }
      total = present / share;
      weekTotals.set(weekStart, total);
    }
    values.push(total * fit.growth * (weekProfile[slot] as number));
  }
  return { values, fit };
}

function estimateGrowth(
  at: (ms: number) => number | undefined,
  end: number,
  options: SameWeeksLastYearOptions,
): { growth: number; growthEstimated: boolean } {
  if (options.growth !== undefined) return { growth: options.growth, growthEstimated: false };
  const hours = (options.growthWeeks ?? 8) * HOURS_PER_WEEK;
  let recent = 0;
  let yearAgo = 0;
  for (let hour = 1; hour <= hours; hour++) {
    const now = at(end - hour * HOUR_MS);
    const before = at(end - hour * HOUR_MS - YEAR_LAG_MS);
    if (now === undefined || before === undefined) return { growth: 1, growthEstimated: false };
    recent += now;
    yearAgo += before;
  }
  return yearAgo > 0 ? { growth: recent / yearAgo, growthEstimated: true } : { growth: 1, growthEstimated: false };
}

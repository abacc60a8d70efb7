import {
  blackFriday,
  type ForecastMethod,
  type HourlySeries,
  hourlySeriesFromCounts,
  type PeakEvent,
  peakSeasonEvents,
  type ServiceMetrics,
} from '@throughline/core';
import { CliUsageError } from './cli-usage-error';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The peak season of a year as the CLI defines it: from the Monday eleven days before Black
 * Friday (the week before Black Friday week) up to Christmas Day (exclusive), in local time.
 * @param year - the season's year
 * @param utcOffsetMinutes - tenant offset from UTC
 * @returns the period as ISO-8601 instants
 * @example
 * peakSeason(2025, 0); // { from: '2025-11-17T00:00:00.000Z', to: '2025-12-25T00:00:00.000Z' }
 */
export function peakSeason(
  year: number,
  utcOffsetMinutes: number,
): {
  /** Start of the season: local midnight of the Monday eleven days before Black Friday (inclusive). */
  from: string;
  /** End of the season: local midnight of Christmas Day (exclusive). */
  to: string;
} {
  const friday = Date.parse(`${blackFriday(year)}T00:00:00Z`);
  const offsetMs = utcOffsetMinutes * 60_000;
  return {
    from: new Date(friday - 11 * DAY_MS - offsetMs).toISOString(),
    to: new Date(Date.parse(`${year}-12-25T00:00:00Z`) - offsetMs).toISOString(),
  };
}

/**
 * Peak events for the history and target years, with an optional Christmas cut-off.
 * @param fromYear - first year of history
 * @param toYear - the target year
 * @param christmasCutoff - `MM-DD` or undefined
 * @returns the events
 * @example
 * seasonEvents(2023, 2025, '12-18');
 */
export function seasonEvents(fromYear: number, toYear: number, christmasCutoff: string | undefined): PeakEvent[] {
  if (christmasCutoff !== undefined && !/^\d{2}-\d{2}$/.test(christmasCutoff)) throw new CliUsageError('--christmas-cutoff must be MM-DD');
  const years: number[] = [];
  for (let year = fromYear; year <= toYear; year++) years.push(year);
  return peakSeasonEvents(years, christmasCutoff);
}

/**
 * Hourly contact series per channel from an accumulator, ending at the last hour with data.
 * @param metrics - an accumulator filled with the history
 * @param tenantId - the tenant
 * @param historyFrom - first hour of history (ISO-8601)
 * @param limit - history never reaches past this instant (the forecast start)
 * @param minimumContacts - channels with fewer contacts are skipped
 * @returns the series per channel and the history end
 * @throws CliUsageError when there is no history at all
 * @example
 * channelHistories(metrics, 'shop-1', '2023-09-01T00:00:00Z', '2025-11-17T00:00:00Z', 50);
 */
export function channelHistories(
  metrics: ServiceMetrics,
  tenantId: string,
  historyFrom: string,
  limit: string,
  minimumContacts: number,
): { histories: Record<string, HourlySeries>; historyEnd: string } {
  const volume = metrics.contactVolume(tenantId);
  const fromMs = Math.ceil(Date.parse(historyFrom) / HOUR_MS) * HOUR_MS;
  const limitMs = Math.floor(Date.parse(limit) / HOUR_MS) * HOUR_MS;
  let lastHour = Number.NEGATIVE_INFINITY;
  for (const hours of volume.values()) for (const hour of hours.keys()) if (hour < limitMs && hour >= fromMs) lastHour = Math.max(lastHour, hour);
  if (!Number.isFinite(lastHour)) throw new CliUsageError('no contacts found in the history period');
  const historyEnd = new Date(lastHour + HOUR_MS).toISOString();
  const histories: Record<string, HourlySeries> = {};
  for (const [channel, hours] of [...volume].sort(([a], [b]) => a.localeCompare(b))) {
    const series = hourlySeriesFromCounts(hours, new Date(fromMs).toISOString(), historyEnd);
    if (series.values.reduce((sum, value) => sum + value, 0) >= minimumContacts) histories[channel] = series;
  }
  return { histories, historyEnd };
}

/**
 * Parses the `--method` option.
 * @param text - `same-weeks`, `holt-winters`, `holt-winters-additive` or undefined
 * @returns the forecast method
 * @throws CliUsageError for an unknown method
 * @example
 * parseForecastMethod('holt-winters');
 */
export function parseForecastMethod(text: string | undefined): ForecastMethod {
  switch (text ?? 'same-weeks') {
    case 'same-weeks':
      return { kind: 'same-weeks-last-year' };
    case 'holt-winters':
      return { kind: 'holt-winters', seasonality: 'multiplicative' };
    case 'holt-winters-additive':
      return { kind: 'holt-winters', seasonality: 'additive' };
    default:
      throw new CliUsageError('--method must be same-weeks, holt-winters or holt-winters-additive');
  }
}

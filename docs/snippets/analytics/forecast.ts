import type { ServiceMetrics, VolumeForecast } from '@throughline/core';
// #region forecast
import { forecastVolume, hourlySeriesFromCounts, peakSeasonEvents } from '@throughline/core';
// #endregion forecast

/**
 * Forecasts the 2025 peak season's email contacts per hour from the history the accumulator holds.
 * @param metrics - an accumulator fed with at least a year of the tenant's events
 * @returns the hourly forecast from 17 November to Christmas Day
 */
export function forecastEmailPeakSeason(metrics: ServiceMetrics): VolumeForecast {
  // #region forecast
  const emailByHour = metrics.contactVolume('shop-1').get('email') ?? new Map<number, number>();
  const history = hourlySeriesFromCounts(emailByHour, '2024-01-01T00:00:00Z', '2025-11-17T00:00:00Z');

  const forecast = forecastVolume(history, {
    from: '2025-11-17T00:00:00Z',
    to: '2025-12-25T00:00:00Z',
    events: peakSeasonEvents([2024, 2025], '12-18'),
    method: { kind: 'same-weeks-last-year' }, // or { kind: 'holt-winters', seasonality: 'multiplicative' }
  });
  // #endregion forecast
  return forecast;
}

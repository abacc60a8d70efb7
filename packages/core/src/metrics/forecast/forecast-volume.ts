import { MetricsInputError } from '../metrics-error';
import { applyEventFactors, eventDayFactors, type LearnedPeakEvent, learnPeakEventUplifts } from './event-uplift';
import { type HoltWintersModel, type HoltWintersOptions, fitHoltWinters, forecastHoltWinters } from './holt-winters';
import { HOUR_MS, type HourlySeries, parseHour } from './hourly-series';
import type { PeakEvent } from './peak-events';
import { forecastSameWeeksLastYear, type SameWeeksLastYearFit, type SameWeeksLastYearOptions } from './same-weeks-last-year';

/**
 * A forecasting method and its settings.
 */
export type ForecastMethod =
  | ({
      /** Each hour from the same week a year earlier, scaled by growth. */
      kind: 'same-weeks-last-year';
    } & SameWeeksLastYearOptions)
  | ({
      /** Triple exponential smoothing over a weekly season. */
      kind: 'holt-winters';
    } & HoltWintersOptions);

/**
 * What to forecast.
 */
export interface VolumeForecastOptions {
  /** First forecast hour (ISO-8601 instant on an hour boundary). */
  from: string;
  /** End of the forecast, exclusive (ISO-8601 instant on an hour boundary). */
  to: string;
  /** The method; "same weeks last year" when omitted. */
  method?: ForecastMethod;
  /** Known peak days; their uplift is learned from history unless given. */
  events?: readonly PeakEvent[];
  /** Tenant offset from UTC in minutes, so weekdays and hours are local (default 0). */
  utcOffsetMinutes?: number;
}

/**
 * The fitted state behind a forecast.
 */
export type ForecastFit =
  | ({
      /** The same-weeks-last-year method was used. */
      kind: 'same-weeks-last-year';
    } & SameWeeksLastYearFit)
  | {
      /** Holt–Winters was used. */
      kind: 'holt-winters';
      /** The fitted model: smoothing parameters, level, trend and seasonal components. */
      model: HoltWintersModel;
    };

/**
 * An hourly volume forecast with what produced it.
 */
export interface VolumeForecast {
  /** Start of the first forecast hour (ISO-8601). */
  start: string;
  /** Forecast contacts per hour. */
  values: number[];
  /** Peak events with the uplift applied. */
  events: LearnedPeakEvent[];
  /** The fitted method state. */
  fit: ForecastFit;
}

/**
 * Forecasts contact volume per hour for a target period from hourly history.
 *
 * Peak events are divided out of the history with their learned uplift, the method forecasts
 * a normal baseline, and the events' uplift is multiplied back into the forecast days.
 * @param history - hourly contact history of one channel
 * @param options - target period, method, events and UTC offset
 * @returns the hourly forecast
 * @throws MetricsInputError when the period is invalid or the history is too short for the method
 * @example
 * forecastVolume(history, { from: '2025-11-24T00:00:00Z', to: '2025-12-08T00:00:00Z', events: peakSeasonEvents([2024, 2025]) });
 */
export function forecastVolume(history: HourlySeries, options: VolumeForecastOptions): VolumeForecast {
  const fromMs = parseHour('from', options.from);
  const toMs = parseHour('to', options.to);
  if (toMs <= fromMs) throw new MetricsInputError('to must be after from');
  const offset = options.utcOffsetMinutes ?? 0;
  const method: ForecastMethod = options.method ?? { kind: 'same-weeks-last-year' };
  const events = learnPeakEventUplifts(history, options.events ?? [], offset);
  const factors = eventDayFactors(events);
  const baseline = applyEventFactors(history, factors, offset, true);
  let values: number[];
  let fit: ForecastFit;
  if (method.kind === 'same-weeks-last-year') {
    const result = forecastSameWeeksLastYear(baseline, fromMs, toMs, offset, method);
    values = result.values;
    fit = { kind: 'same-weeks-last-year', ...result.fit };
  } else {
    const historyEnd = parseHour('history.start', history.start) + history.values.length * HOUR_MS;
    if (fromMs < historyEnd) throw new MetricsInputError('Holt–Winters forecasts only after the end of the history');
    const { kind: _kind, ...settings } = method;
    const model = fitHoltWinters(baseline.values, settings);
    values = forecastHoltWinters(model, (toMs - fromMs) / HOUR_MS, (fromMs - historyEnd) / HOUR_MS);
    fit = { kind: 'holt-winters', model };
  }
  const start = new Date(fromMs).toISOString();
  const withEvents = applyEventFactors({ start, values }, factors, offset, false);
  return { start, values: withEvents.values.slice(), events, fit };
}

/**
 * Forecasts every channel's hourly volume with the same settings.
 * @param histories - hourly history per channel
 * @param options - target period, method, events and UTC offset
 * @returns the forecast per channel
 * @throws MetricsInputError when a channel's history is too short
 * @example
 * forecastVolumeByChannel({ voice: voiceHistory, chat: chatHistory }, { from, to });
 */
export function forecastVolumeByChannel(
  histories: Readonly<Record<string, HourlySeries>>,
  options: VolumeForecastOptions,
): Record<string, VolumeForecast> {
  const out: Record<string, VolumeForecast> = {};
  for (const [channel, history] of Object.entries(histories)) out[channel] = forecastVolume(history, options);
  return out;
}

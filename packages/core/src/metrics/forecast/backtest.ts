import { MetricsInputError } from '../metrics-error';
import { meanAbsolutePercentageError, weightedAbsolutePercentageError } from './forecast-error';
import { type ForecastMethod, forecastVolume } from './forecast-volume';
import { HOUR_MS, type HourlySeries, parseHour } from './hourly-series';
import type { PeakEvent } from './peak-events';

/**
 * Settings of a backtest.
 */
export interface BacktestOptions {
  /** Hours at the end of the history held out and forecast (e.g. 168 × 2). */
  holdoutHours: number;
  /** Methods to compare. */
  methods: readonly ForecastMethod[];
  /** Known peak events. */
  events?: readonly PeakEvent[];
  /** Tenant offset from UTC in minutes (default 0). */
  utcOffsetMinutes?: number;
}

/**
 * The error of one method on the held-out history.
 */
export interface BacktestResult {
  /** The method tested. */
  method: ForecastMethod;
  /** Readable name, e.g. "holt-winters (multiplicative)". */
  label: string;
  /** Mean absolute percentage error over hours with non-zero actual volume (fraction). */
  mape: number;
  /** Weighted absolute percentage error (fraction). */
  wape: number;
  /** Hours compared. */
  hours: number;
  /** Set when the method could not forecast (e.g. not enough history). */
  error?: string;
}

/**
 * Holds out the end of the history, forecasts it with each method from the rest, and reports
 * MAPE and WAPE per method.
 * @param history - hourly contact history
 * @param options - holdout length, methods, events, UTC offset
 * @returns one result per method, in the order given
 * @throws MetricsInputError when the holdout is not shorter than the history
 * @example
 * backtestForecast(history, { holdoutHours: 336, methods: [{ kind: 'same-weeks-last-year' }, { kind: 'holt-winters', seasonality: 'multiplicative' }] });
 */
export function backtestForecast(history: HourlySeries, options: BacktestOptions): BacktestResult[] {
  const holdout = options.holdoutHours;
  if (!Number.isInteger(holdout) || holdout < 1 || holdout >= history.values.length) {
    throw new MetricsInputError(`holdoutHours must be an integer in [1, ${history.values.length - 1}]`);
  }
  const start = parseHour('history.start', history.start);
  const split = history.values.length - holdout;
  const training: HourlySeries = { start: history.start, values: history.values.slice(0, split) };
  const actual = history.values.slice(split);
  const from = new Date(start + split * HOUR_MS).toISOString();
  const to = new Date(start + history.values.length * HOUR_MS).toISOString();
  return options.methods.map((method) => {
    const label = method.kind === 'holt-winters' ? `holt-winters (${method.seasonality})` : 'same weeks last year';
    try {
      const forecast = forecastVolume(training, {
        from,
        to,
        method,
        events: options.events ?? [],
        utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
      });
      return {
        method,
        label,
        mape: meanAbsolutePercentageError(actual, forecast.values),
        wape: weightedAbsolutePercentageError(actual, forecast.values),
        hours: holdout,
      };
    } catch (error) {
      if (!(error instanceof MetricsInputError)) throw error;
      return { method, label, mape: Number.NaN, wape: Number.NaN, hours: holdout, error: error.message };
    }
  });
}

import {
  type BacktestResult,
  backtestForecast,
  forecastVolume,
  MetricsInputError,
  type ServiceMetrics,
  type VolumeForecast,
} from '@throughline/core';
import type { CliIo } from './cli-io';
import { parseInstantOption, parseNumberOption, requireOption } from './cli-options';
import { CliUsageError } from './cli-usage-error';
import { openEventSource } from './node/event-source';
import { readIntoMetrics } from './read-into-metrics';
import { channelHistories, parseForecastMethod, peakSeason, seasonEvents } from './season-history';

/** parseArgs options shared by `forecast` and `staffing`. */
export const forecastOptions = {
  season: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  method: { type: 'string' },
  'history-weeks': { type: 'string' },
  'christmas-cutoff': { type: 'string' },
  'backtest-weeks': { type: 'string' },
  channels: { type: 'string' },
} as const;

/** Raw option values shared by `forecast` and `staffing`. */
export interface SeasonForecastValues {
  tenant?: string | undefined;
  input?: string | undefined;
  store?: string | undefined;
  'no-validate'?: boolean | undefined;
  'utc-offset'?: string | undefined;
  season?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  method?: string | undefined;
  'history-weeks'?: string | undefined;
  'christmas-cutoff'?: string | undefined;
  'backtest-weeks'?: string | undefined;
  channels?: string | undefined;
}

/**
 * Forecasts of every channel for the target period, with what they were learned from.
 */
export interface SeasonForecast {
  tenantId: string;
  utcOffsetMinutes: number;
  from: string;
  to: string;
  historyFrom: string;
  historyEnd: string;
  eventsRead: number;
  /** The accumulator filled with the history (for handle times). */
  metrics: ServiceMetrics;
  forecasts: Record<string, VolumeForecast>;
  /** Channels that could not be forecast, with the reason. */
  skipped: Record<string, string>;
  backtests: Record<string, BacktestResult[]>;
}

/**
 * Reads the history and forecasts each channel for the season (or `--from`/`--to`).
 * @param values - parsed options
 * @param io - output streams (progress bar)
 * @param defaultBacktestWeeks - backtest length when `--backtest-weeks` is absent
 * @returns the forecasts
 * @throws CliUsageError when options are missing or invalid
 * @example
 * await seasonForecast(values, io, 2);
 */
export async function seasonForecast(values: SeasonForecastValues, io: CliIo, defaultBacktestWeeks: number): Promise<SeasonForecast> {
  const tenantId = requireOption('--tenant', values.tenant);
  const offset = parseNumberOption('--utc-offset', values['utc-offset'], 0, -840, 840);
  let from: string;
  let to: string;
  if (values.season !== undefined) {
    if (!/^\d{4}$/.test(values.season)) throw new CliUsageError('--season must be a year, e.g. 2025');
    ({ from, to } = peakSeason(Number(values.season), offset));
    if (values.from !== undefined) from = parseInstantOption('--from', values.from, offset);
    if (values.to !== undefined) to = parseInstantOption('--to', values.to, offset);
  } else {
    from = parseInstantOption('--from (or --season)', values.from, offset);
    to = parseInstantOption('--to', values.to, offset);
  }
  if (Date.parse(to) <= Date.parse(from)) throw new CliUsageError('the forecast period must end after it starts');
  const historyWeeks = parseNumberOption('--history-weeks', values['history-weeks'], 60, 3);
  const backtestWeeks = parseNumberOption('--backtest-weeks', values['backtest-weeks'], defaultBacktestWeeks, 0);
  const method = parseForecastMethod(values.method);
  const historyFrom = new Date(Date.parse(from) - historyWeeks * 7 * 86_400_000).toISOString();
  const events = seasonEvents(new Date(historyFrom).getUTCFullYear(), new Date(to).getUTCFullYear(), values['christmas-cutoff']);
  const wanted = values.channels === undefined ? undefined : new Set(values.channels.split(',').map((channel) => channel.trim()));

  const source = await openEventSource({ input: values.input, store: values.store, validate: !values['no-validate'] });
  try {
    const { metrics, eventsRead } = await readIntoMetrics(source, io, { tenantId, from: historyFrom, to: from }, 168);
    const { histories, historyEnd } = channelHistories(metrics, tenantId, historyFrom, from, 1);
    const forecasts: Record<string, VolumeForecast> = {};
    const skipped: Record<string, string> = {};
    const backtests: Record<string, BacktestResult[]> = {};
    for (const [channel, history] of Object.entries(histories)) {
      if (wanted && !wanted.has(channel)) continue;
      try {
        forecasts[channel] = forecastVolume(history, { from, to, method, events, utcOffsetMinutes: offset });
      } catch (error) {
        if (!(error instanceof MetricsInputError)) throw error;
        skipped[channel] = error.message;
        continue;
      }
      if (backtestWeeks > 0 && history.values.length > backtestWeeks * 168) {
        backtests[channel] = backtestForecast(history, {
          holdoutHours: Math.round(backtestWeeks * 168),
          events,
          utcOffsetMinutes: offset,
          methods: [{ kind: 'same-weeks-last-year' }, { kind: 'holt-winters', seasonality: 'multiplicative' }, { kind: 'holt-winters', seasonality: 'additive' }],
        });
      }
    }
    return { tenantId, utcOffsetMinutes: offset, from, to, historyFrom, historyEnd, eventsRead, metrics, forecasts, skipped, backtests };
  } finally {
    await source.close();
  }
}

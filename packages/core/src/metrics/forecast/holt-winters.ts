import { assertInRange, MetricsInputError } from '../metrics-error';
import { minimizeNelderMead } from './nelder-mead';

/**
 * How the seasonal pattern combines with level and trend.
 */
export type Seasonality = 'additive' | 'multiplicative';

/**
 * Settings of Holt–Winters triple exponential smoothing.
 */
export interface HoltWintersOptions {
  /** Additive (season adds contacts) or multiplicative (season scales volume). */
  seasonality: Seasonality;
  /** Season length in steps (default 168: one week of hours). */
  period?: number;
  /** Level smoothing in (0, 1); fitted when omitted. */
  alpha?: number;
  /** Trend smoothing in (0, 1); fitted when omitted. */
  beta?: number;
  /** Seasonal smoothing in (0, 1); fitted when omitted. */
  gamma?: number;
}

/**
 * A fitted Holt–Winters model: smoothing parameters and the state after the last observation.
 */
export interface HoltWintersModel {
  /** Additive or multiplicative seasonality. */
  seasonality: Seasonality;
  /** Season length in steps. */
  period: number;
  /** Level smoothing parameter. */
  alpha: number;
  /** Trend smoothing parameter. */
  beta: number;
  /** Seasonal smoothing parameter. */
  gamma: number;
  /** Level after the last observation. */
  level: number;
  /** Trend (per step) after the last observation. */
  trend: number;
  /** Seasonal components indexed by (step index mod period), counted from the series start. */
  seasonal: number[];
  /** Number of observations the model was fitted on. */
  observations: number;
  /** Root mean squared one-step-ahead error over the fitted history. */
  rootMeanSquaredError: number;
}

interface Run {
  level: number;
  trend: number;
  seasonal: number[];
  sumSquaredError: number;
  errors: number;
}

function initialState(values: readonly number[], period: number, seasonality: Seasonality): Omit<Run, 'sumSquaredError' | 'errors'> {
  const mean = (from: number) => values.slice(from, from + period).reduce((sum, value) => sum + value, 0) / period;
  const first = mean(0);
  const second = mean(period);
  if (seasonality === 'multiplicative' && (first <= 0 || second <= 0)) {
    throw new MetricsInputError('multiplicative Holt–Winters needs positive volume in the first two seasons; use additive');
  }
  const seasonal = new Array<number>(period);
  for (let index = 0; index < period; index++) {
    const a = values[index] as number;
    const b = values[index + period] as number;
    seasonal[index] = seasonality === 'additive' ? (a - first + b - second) / 2 : (a / first + b / second) / 2;
  }
  return { level: first, trend: (second - first) / period, seasonal };
}

function run(values: readonly number[], period: number, seasonality: Seasonality, alpha: number, beta: number, gamma: number): Run {
  const state = initialState(values, period, seasonality);
  let { level, trend } = state;
  const seasonal = state.seasonal.slice();
  let sumSquaredError = 0;
  let errors = 0;
  // The first season initialised the state; smoothing starts with the second season.
  for (let index = period; index < values.length; index++) {
    const y = values[index] as number;
    const slot = index % period;
    const season = seasonal[slot] as number;
    const predicted = seasonality === 'additive' ? level + trend + season : (level + trend) * season;
    sumSquaredError += (y - predicted) ** 2;
    errors++;
    const previousLevel = level;
    if (seasonality === 'additive') {
      level = alpha * (y - season) + (1 - alpha) * (level + trend);
      trend = beta * (level - previousLevel) + (1 - beta) * trend;
      seasonal[slot] = gamma * (y - level) + (1 - gamma) * season;
    } else {
      level = alpha * (season > 0 ? y / season : level + trend) + (1 - alpha) * (level + trend);
      trend = beta * (level - previousLevel) + (1 - beta) * trend;
      seasonal[slot] = level > 0 ? gamma * (y / level) + (1 - gamma) * season : season;
    }
  }
  return { level, trend, seasonal, sumSquaredError, errors };
}

const squash = (x: number) => 0.001 + 0.998 / (1 + Math.exp(-x));
const unsquash = (p: number) => Math.log((p - 0.001) / (0.999 - p));

/**
 * Fits Holt–Winters triple exponential smoothing, choosing any parameter not given by
 * minimising the one-step-ahead squared error (Nelder–Mead).
 * @param values - the series, at least two full seasons
 * @param options - seasonality, period and optional fixed parameters
 * @returns the fitted model
 * @throws MetricsInputError when the series is shorter than two seasons or a parameter is outside (0, 1)
 * @example
 * fitHoltWinters(hourlyValues, { seasonality: 'multiplicative', period: 168 });
 */
export function fitHoltWinters(values: readonly number[], options: HoltWintersOptions): HoltWintersModel {
  const period = options.period ?? 168;
  if (!Number.isInteger(period) || period < 2) throw new MetricsInputError(`period must be an integer ≥ 2, got ${period}`);
  if (values.length < 2 * period) {
    throw new MetricsInputError(`Holt–Winters needs at least two seasons (${2 * period} points), got ${values.length}`, 'metrics_insufficient_history');
  }
  for (const name of ['alpha', 'beta', 'gamma'] as const) {
    const value = options[name];
    if (value !== undefined) assertInRange(name, value, 0, 1);
  }
  const free = (['alpha', 'beta', 'gamma'] as const).filter((name) => options[name] === undefined);
  const defaults = { alpha: 0.2, beta: 0.01, gamma: 0.1 };
  const resolve = (point: readonly number[]) => {
    const parameters = { alpha: options.alpha ?? 0, beta: options.beta ?? 0, gamma: options.gamma ?? 0 };
    free.forEach((name, index) => {
      parameters[name] = squash(point[index] as number);
    });
    return parameters;
  };
  let parameters = resolve([]);
  if (free.length > 0) {
    const { point } = minimizeNelderMead(
      (candidate) => {
        const p = resolve(candidate);
        return run(values, period, options.seasonality, p.alpha, p.beta, p.gamma).sumSquaredError;
      },
      free.map((name) => unsquash(defaults[name])),
      { maxEvaluations: 60 * free.length + 60, step: 1 },
    );
    parameters = resolve(point);
  }
  const fitted = run(values, period, options.seasonality, parameters.alpha, parameters.beta, parameters.gamma);
  return {
    seasonality: options.seasonality,
    period,
    ...parameters,
    level: fitted.level,
    trend: fitted.trend,
    seasonal: fitted.seasonal,
    observations: values.length,
    rootMeanSquaredError: Math.sqrt(fitted.sumSquaredError / Math.max(1, fitted.errors)),
  };
}

/**
 * Forecasts `steps` values after the end of the fitted series (never below zero).
 * @param model - a fitted model
 * @param steps - how many steps ahead
 * @param skip - steps after the series end to skip before the first returned value (default 0)
 * @returns the forecast values for steps skip+1 … skip+steps
 * @example
 * forecastHoltWinters(fitHoltWinters(values, { seasonality: 'additive' }), 168);
 */
export function forecastHoltWinters(model: HoltWintersModel, steps: number, skip = 0): number[] {
  const out: number[] = [];
  for (let h = skip + 1; h <= skip + steps; h++) {
    const season = model.seasonal[(model.observations - 1 + h) % model.period] as number;
    const base = model.level + h * model.trend;
    out.push(Math.max(0, model.seasonality === 'additive' ? base + season : base * season));
  }
  return out;
}

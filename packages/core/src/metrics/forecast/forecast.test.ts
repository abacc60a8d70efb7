import { describe, expect, it } from 'vitest';
import { backtestForecast } from './backtest';
import { meanAbsolutePercentageError, weightedAbsolutePercentageError } from './forecast-error';
import { forecastVolume } from './forecast-volume';
import { fitHoltWinters, forecastHoltWinters } from './holt-winters';
import { DAY_MS, HOUR_MS, type HourlySeries, localHour } from './hourly-series';
import { minimizeNelderMead } from './nelder-mead';
import { blackFriday, cyberMonday, peakSeasonEvents } from './peak-events';
import { seededRandom } from '../../random/seeded-random';


function gaussian(next: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

const WEEKDAY = [0.6, 1.25, 1.15, 1.1, 1.05, 1.0, 0.85]; // Sunday … Saturday
const INTRADAY = Array.from({ length: 24 }, (_, hour) => (hour < 7 ? 0.25 : hour < 9 ? 0.9 : hour < 18 ? 1.6 : hour < 22 ? 1.0 : 0.4));
const YEAR_MS = 365.25 * DAY_MS;

/** Contacts per hour: base × growth^(years) × weekday × intraday × event uplift. */
function truth(ms: number, growth: number, uplifts: Map<number, number>): number {
  const { weekday, hour, day } = localHour(ms, 0);
  const years = (ms - Date.parse('2023-01-01T00:00:00Z')) / YEAR_MS;
  return 40 * growth ** years * (WEEKDAY[weekday] as number) * (INTRADAY[hour] as number) * (uplifts.get(day) ?? 1);
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

function seasonalHistory(growth: number, uplifts: Map<number, number>, from: string, to: string, noise: number): HourlySeries {
  const normal = gaussian(seededRandom(7));
  const values: number[] = [];
  for (let ms = Date.parse(from); ms < Date.parse(to); ms += HOUR_MS) values.push(truth(ms, growth, uplifts) * (1 + noise * normal()));
  return { start: from, values };
}

describe('peak dates', () => {
  it('places Black Friday after the fourth Thursday of November and Cyber Monday three days later', () => {
    expect(blackFriday(2023)).toBe('2023-11-24');
    expect(blackFriday(2024)).toBe('2024-11-29');
    expect(blackFriday(2025)).toBe('2025-11-28');
    expect(cyberMonday(2024)).toBe('2024-12-02');
    expect(peakSeasonEvents([2024], '12-18').map((event) => event.dates[0])).toEqual(['2024-11-29', '2024-12-02', '2024-12-18']);
  });
});

describe('forecast errors', () => {
  it('computes MAPE (skipping zero actuals) and WAPE', () => {
    expect(meanAbsolutePercentageError([100, 200, 0], [110, 180, 5])).toBeCloseTo(0.1, 12);
    expect(weightedAbsolutePercentageError([100, 200, 0], [110, 180, 5])).toBeCloseTo(35 / 300, 12);
  });
});

describe('same weeks last year', () => {
  // Growth of 20 % a year; Black Friday ×3 and Cyber Monday ×2 over a normal day.
  const growth = 1.2;
  const uplifts = new Map<number, number>();
  for (const year of [2023, 2024]) {
    uplifts.set(dayOf(blackFriday(year)), 3);
    uplifts.set(dayOf(cyberMonday(year)), 2);
  }
  const history = seasonalHistory(growth, uplifts, '2023-01-01T00:00:00Z', '2024-11-01T00:00:00Z', 0.05);
  const events = peakSeasonEvents([2023, 2024]);

  it('recovers growth and event uplifts, and forecasts peak weeks within 5 % WAPE', () => {
    const from = '2024-11-17T00:00:00Z';
    const to = '2024-12-08T00:00:00Z';
    const forecast = forecastVolume(history, { from, to, events });
    if (forecast.fit.kind !== 'same-weeks-last-year') throw new Error('unexpected method');
    expect(forecast.fit.growthEstimated).toBe(true);
    // 52 weeks of 20 %/year growth.
    expect(forecast.fit.growth).toBeCloseTo(growth ** (364 / 365.25), 1);
    expect(Math.abs(forecast.fit.growth / growth ** (364 / 365.25) - 1)).toBeLessThan(0.02);
    const blackFridayUplift = forecast.events.find((event) => event.name === 'Black Friday');
    expect(blackFridayUplift?.learnedFrom).toBe(1);
    expect(Math.abs((blackFridayUplift?.uplift ?? 0) / 3 - 1)).toBeLessThan(0.05);
    const expected: number[] = [];
    for (let ms = Date.parse(from); ms < Date.parse(to); ms += HOUR_MS) expected.push(truth(ms, growth, uplifts));
    expect(weightedAbsolutePercentageError(expected, forecast.values)).toBeLessThan(0.05);
    // Black Friday day in the forecast is about three times the Friday before.
    const dayTotal = (date: string) => {
      const offset = (Date.parse(`${date}T00:00:00Z`) - Date.parse(from)) / HOUR_MS;
      return forecast.values.slice(offset, offset + 24).reduce((a, b) => a + b, 0);
    };
    expect(dayTotal('2024-11-29') / dayTotal('2024-11-22')).toBeCloseTo(3, 0);
  });

  it('without the events the peak is missed (the events carry the uplift)', () => {
    const forecast = forecastVolume(history, { from: '2024-11-29T00:00:00Z', to: '2024-11-30T00:00:00Z' });
    const expected: number[] = [];
    for (let ms = Date.parse('2024-11-29T00:00:00Z'); ms < Date.parse('2024-11-30T00:00:00Z'); ms += HOUR_MS) expected.push(truth(ms, growth, uplifts));
    expect(weightedAbsolutePercentageError(expected, forecast.values)).toBeGreaterThan(0.5);
  });

  it('throws when the history does not reach back a year', () => {
    const short: HourlySeries = { start: '2024-06-02T00:00:00Z', values: history.values.slice(-168 * 8) };
    expect(() => forecastVolume(short, { from: '2024-11-17T00:00:00Z', to: '2024-11-18T00:00:00Z' })).toThrow(/no data/);
  });

  it('backtests both methods and reports their errors', () => {
    const results = backtestForecast(history, {
      holdoutHours: 336,
      events,
      methods: [{ kind: 'same-weeks-last-year' }, { kind: 'holt-winters', seasonality: 'multiplicative' }],
    });
    expect(results.map((result) => result.label)).toEqual(['same weeks last year', 'holt-winters (multiplicative)']);
    for (const result of results) {
      expect(result.error).toBeUndefined();
      expect(result.wape).toBeGreaterThan(0);
      expect(result.wape).toBeLessThan(0.1);
      expect(result.mape).toBeGreaterThan(0);
    }
    const training: HourlySeries = { start: history.start, values: history.values.slice(0, -336) };
    const direct = forecastVolume(training, { from: '2024-10-18T00:00:00Z', to: '2024-11-01T00:00:00Z', events });
    expect(results[0]?.wape).toBeCloseTo(weightedAbsolutePercentageError(history.values.slice(-336), direct.values), 12);
  });
});

describe('Holt–Winters', () => {
  const period = 168;
  const season = Array.from({ length: period }, (_, slot) => 40 * Math.sin((2 * Math.PI * slot) / 24) + 15 * Math.cos((2 * Math.PI * slot) / period));

  it('recovers level, trend and additive season of a synthetic series', () => {
    const normal = gaussian(seededRandom(11));
    const level = 200;
    const trend = 0.05;
    const n = period * 10;
    const values = Array.from({ length: n }, (_, t) => level + trend * t + (season[t % period] as number) + 2 * normal());
    const model = fitHoltWinters(values, { seasonality: 'additive', period });
    expect(Math.abs(model.level - (level + trend * (n - 1)))).toBeLessThan(0.02 * (level + trend * n));
    expect(Math.abs(model.trend - trend)).toBeLessThan(0.02);
    const seasonMean = model.seasonal.reduce((a, b) => a + b, 0) / period;
    const worst = Math.max(...model.seasonal.map((value, slot) => Math.abs(value - seasonMean - (season[slot] as number))));
    expect(worst).toBeLessThan(5); // amplitude ≈ 55
    const ahead = forecastHoltWinters(model, period);
    const expected = ahead.map((_, h) => level + trend * (n + h) + (season[(n + h) % period] as number));
    expect(weightedAbsolutePercentageError(expected, ahead)).toBeLessThan(0.02);
  });

  it('recovers a multiplicative season within 3 %', () => {
    const normal = gaussian(seededRandom(5));
    const ratio = season.map((value) => 1 + value / 100);
    const n = period * 10;
    const values = Array.from({ length: n }, (_, t) => (100 + 0.02 * t) * (ratio[t % period] as number) * (1 + 0.02 * normal()));
    const model = fitHoltWinters(values, { seasonality: 'multiplicative', period });
    const meanIndex = model.seasonal.reduce((a, b) => a + b, 0) / period;
    const meanRatio = ratio.reduce((a, b) => a + b, 0) / period;
    const worst = Math.max(...model.seasonal.map((value, slot) => Math.abs(value / meanIndex - (ratio[slot] as number) / meanRatio)));
    expect(worst).toBeLessThan(0.03);
    const ahead = forecastHoltWinters(model, period, 24);
    const expected = ahead.map((_, h) => (100 + 0.02 * (n + 24 + h)) * (ratio[(n + 24 + h) % period] as number));
    expect(weightedAbsolutePercentageError(expected, ahead)).toBeLessThan(0.03);
  });

  it('refuses fewer than two seasons', () => {
    expect(() => fitHoltWinters([1, 2, 3], { seasonality: 'additive', period: 2 })).toThrow(/two seasons/);
  });
});

describe('Nelder–Mead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const { point } = minimizeNelderMead(([x, y]) => ((x as number) - 1) ** 2 + 3 * ((y as number) + 2) ** 2, [0, 0], { maxEvaluations: 500, tolerance: 1e-14 });
    expect(point[0]).toBeCloseTo(1, 4);
    expect(point[1]).toBeCloseTo(-2, 4);
  });
});

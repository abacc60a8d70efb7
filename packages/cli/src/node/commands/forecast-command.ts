import { parseArgs } from 'node:util';
import type { CliIo } from '../../cli-io';
import { sourceOptions } from '../../cli-options';
import { formatNumber, formatPercent, formatTable } from '../../format-table';
import { forecastOptions, seasonForecast } from '../../season-forecast';

/** Help text of `throughline forecast`. */
export const forecastHelp = `throughline forecast --tenant <id> --season <year> (--input <events.jsonl> | --store <…>)

Contact volume per channel per hour for the peak season (the week before Black Friday
week to Christmas), learned from past seasons.

  --season <year>               target season; or give --from and --to
  --from <date> --to <date>     explicit target period
  --method <m>                  same-weeks (default), holt-winters, holt-winters-additive
  --history-weeks <n>           weeks of history read before the period (default 60)
  --christmas-cutoff <MM-DD>    the merchant's last shipping day, a peak event
  --backtest-weeks <n>          hold out the last n weeks and report MAPE/WAPE (default 2, 0 = off)
  --channels <a,b>              only these channels
  --utc-offset <minutes>        tenant offset from UTC (default 0)
  --json                        print hourly forecasts and backtests as JSON
`;

/**
 * Runs `throughline forecast`.
 * @param args - arguments after the command name
 * @param io - output streams
 * @returns the exit code
 * @throws CliUsageError when options are missing or invalid
 * @example
 * await forecastCommand(['--tenant', 'shop-1', '--season', '2025', '--store', 'sqlite:throughline.db'], processIo());
 */
export async function forecastCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { ...sourceOptions, ...forecastOptions } });
  if (values.help) {
    io.out(forecastHelp);
    return 0;
  }
  const result = await seasonForecast(values, io, 2);
  if (values.json) {
    const { metrics: _metrics, ...rest } = result;
    io.out(`${JSON.stringify(rest, null, 2)}\n`);
    return 0;
  }
  io.out(`Forecast for ${result.tenantId}, ${result.from} to ${result.to}\n`);
  io.out(`History ${result.historyFrom} to ${result.historyEnd} (${formatNumber(result.eventsRead)} events read)\n\n`);
  for (const [channel, forecast] of Object.entries(result.forecasts)) {
    const days = new Map<string, { total: number; peak: number; peakHour: string }>();
    forecast.values.forEach((value, index) => {
      const instant = new Date(Date.parse(forecast.start) + index * 3_600_000 + result.utcOffsetMinutes * 60_000).toISOString();
      const day = instant.slice(0, 10);
      const entry = days.get(day) ?? { total: 0, peak: -1, peakHour: '' };
      entry.total += value;
      if (value > entry.peak) {
        entry.peak = value;
        entry.peakHour = instant.slice(11, 16);
      }
      days.set(day, entry);
    });
    const fit = forecast.fit.kind === 'same-weeks-last-year' ? `growth ×${forecast.fit.growth.toFixed(3)}${forecast.fit.growthEstimated ? ' (learned)' : ''}` : `α ${forecast.fit.model.alpha.toFixed(3)} β ${forecast.fit.model.beta.toFixed(3)} γ ${forecast.fit.model.gamma.toFixed(3)}`;
    io.out(`${channel}: ${forecast.fit.kind}, ${fit}; events ${forecast.events.map((event) => `${event.name} ×${event.uplift.toFixed(2)}`).join(', ') || 'none'}\n`);
    const eventDays = new Set(forecast.events.flatMap((event) => event.dates));
    io.out(
      formatTable(
        ['day', 'contacts', 'peak hour', 'peak contacts', 'event'],
        [...days].map(([day, entry]) => [
          day,
          formatNumber(entry.total),
          entry.peakHour,
          formatNumber(entry.peak, 1),
          eventDays.has(day) ? (forecast.events.find((event) => event.dates.includes(day))?.name ?? '') : '',
        ]),
      ),
    );
    const backtest = result.backtests[channel];
    if (backtest) {
      io.out(
        formatTable(
          ['backtest method', 'MAPE', 'WAPE', 'hours'],
          backtest.map((entry) => [entry.label, formatPercent(entry.mape), formatPercent(entry.wape), entry.error ?? formatNumber(entry.hours)]),
        ),
      );
    }
    io.out('\n');
  }
  for (const [channel, reason] of Object.entries(result.skipped)) io.out(`${channel}: not forecast: ${reason}\n`);
  return 0;
}

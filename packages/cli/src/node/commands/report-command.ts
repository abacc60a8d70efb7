import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ServiceMetricsGrouping } from '@throughline/core';
import type { CliIo } from '../../cli-io';
import { parseInstantOption, parseNumberOption, requireOption, sourceOptions } from '../../cli-options';
import { CliUsageError } from '../../cli-usage-error';
import { openEventSource } from '../event-source';
import { formatTable } from '../../format-table';
import { htmlReport } from '../../html-report';
import { readIntoMetrics } from '../../read-into-metrics';
import { groupHeaders, groupRows, summaryRows } from '../../report-tables';

/** Help text of `throughline report`. */
export const reportHelp = `throughline report --tenant <id> --from <date> --to <date> (--input <events.jsonl> | --store <sqlite:path | postgres://…>)

Service metrics for a period: contacts, SLA attainment, first reply and resolution
percentiles, first-contact resolution, handle time, speed of answer, abandonment,
CSAT/NPS/CES and backlog.

  --group-by <channel|hour|day|policy>  split the table (default channel)
  --html <file>                         also write an HTML report with charts
  --lookback-days <n>                   read events this many days before --from so cases
                                        opened earlier are complete (default 30)
  --reopen-window-hours <n>             first-contact-resolution reopen window (default 168)
  --utc-offset <minutes>                tenant offset from UTC for dates and buckets (default 0)
  --no-validate                         skip schema validation of JSONL lines (faster)
  --json                                print the snapshot as JSON
`;

const groupings: ReadonlySet<string> = new Set(['channel', 'hour', 'day', 'policy']);

/**
 * Runs `throughline report`.
 * @param args - arguments after the command name
 * @param io - output streams
 * @returns the exit code
 * @throws CliUsageError when options are missing or invalid
 * @example
 * await reportCommand(['--tenant', 'shop-1', '--from', '2025-11-28', '--to', '2025-11-29', '--input', 'events.jsonl'], processIo());
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...sourceOptions,
      from: { type: 'string' },
      to: { type: 'string' },
      'group-by': { type: 'string' },
      html: { type: 'string' },
      'lookback-days': { type: 'string' },
      'reopen-window-hours': { type: 'string' },
    },
  });
  if (values.help) {
    io.out(reportHelp);
    return 0;
  }
  const tenantId = requireOption('--tenant', values.tenant);
  const offset = parseNumberOption('--utc-offset', values['utc-offset'], 0, -840, 840);
  const from = parseInstantOption('--from', values.from, offset);
  const to = parseInstantOption('--to', values.to, offset);
  if (Date.parse(to) <= Date.parse(from)) throw new CliUsageError('--to must be after --from');
  const groupBy = values['group-by'] ?? 'channel';
  if (!groupings.has(groupBy)) throw new CliUsageError('--group-by must be channel, hour, day or policy');
  const lookbackDays = parseNumberOption('--lookback-days', values['lookback-days'], 30, 0);
  const reopenWindowHours = parseNumberOption('--reopen-window-hours', values['reopen-window-hours'], 168, 0);

  const source = await openEventSource({ input: values.input, store: values.store, validate: !values['no-validate'] });
  try {
    const readFrom = new Date(Date.parse(from) - lookbackDays * 86_400_000).toISOString();
    const { metrics, eventsRead } = await readIntoMetrics(source, io, { tenantId, from: readFrom, to }, reopenWindowHours);
    const query = { tenantId, from, to, utcOffsetMinutes: offset };
    const grouped = metrics.snapshot({ ...query, groupBy: groupBy as ServiceMetricsGrouping });
    if (values.json) {
      io.out(`${JSON.stringify(grouped, null, 2)}\n`);
    } else {
      io.out(`Service report for ${tenantId}, ${from} to ${to} (${eventsRead.toLocaleString('en-US')} events read)\n\n`);
      io.out(formatTable(['metric', 'value'], summaryRows(grouped.total)));
      io.out(`\nBy ${groupBy}\n`);
      io.out(formatTable(groupHeaders, groupRows(grouped)));
    }
    if (values.html !== undefined) {
      const timelineGrouping = Date.parse(to) - Date.parse(from) <= 3 * 86_400_000 ? 'hour' : 'day';
      const timeline = metrics.snapshot({ ...query, groupBy: timelineGrouping });
      await writeFile(values.html, htmlReport(grouped, timeline), 'utf8');
      if (!values.json) io.out(`\nHTML report written to ${values.html}\n`);
    }
    return 0;
  } finally {
    await source.close();
  }
}

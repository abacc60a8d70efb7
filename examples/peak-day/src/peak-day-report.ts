/**
 * The peak day's HTML report: one self-contained page (inline CSS and SVG, nothing fetched) with
 * volume and backlog by hour, SLA attainment by channel, the first-reply distribution, the summary
 * tables and the cross-check against the generator.
 */
import { type ChartSeries, svgChart } from '@throughline/cli';
import type { CrossCheck } from './cross-check';
import type { PeakDayPlan } from './peak-day-plan';
import type { PeakDaySummary } from './peak-day-summary';
import type { DeliveryStats } from './run-peak-day';

/** First-reply buckets, upper bounds in minutes. */
export const firstReplyBuckets: ReadonlyArray<{ label: string; upToMinutes: number }> = [
  { label: '< 5 min', upToMinutes: 5 },
  { label: '5–15 min', upToMinutes: 15 },
  { label: '15–30 min', upToMinutes: 30 },
  { label: '30–60 min', upToMinutes: 60 },
  { label: '1–2 h', upToMinutes: 120 },
  { label: '2–4 h', upToMinutes: 240 },
  { label: '4–8 h', upToMinutes: 480 },
  { label: '> 8 h', upToMinutes: Number.POSITIVE_INFINITY },
];

/**
 * Counts first replies per bucket.
 * @param seconds - first reply times, seconds
 * @returns cases per bucket, in bucket order
 */
export function firstReplyHistogram(seconds: ReadonlyArray<number>): number[] {
  const counts = firstReplyBuckets.map(() => 0);
  for (const value of seconds) {
    const index = firstReplyBuckets.findIndex((bucket) => value / 60 < bucket.upToMinutes);
    counts[index === -1 ? counts.length - 1 : index]!++;
  }
  return counts;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function table(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, className = ''): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Formats a share as a percentage (`—` when undefined). */
export function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—';
}

/** Formats seconds as `1h 05m`, `12m 30s` or `45s` (`—` when undefined). */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const whole = Math.round(seconds);
  if (whole >= 3600) return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
  if (whole >= 60) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${whole}s`;
}

const metricColours: Readonly<Record<string, string>> = {
  first_reply: '#2563eb',
  next_reply: '#16a34a',
  requester_wait: '#f59e0b',
  total_resolution: '#9333ea',
};

/** What the report shows. */
export interface PeakDayReportInput {
  plan: PeakDayPlan;
  summary: PeakDaySummary;
  checks: ReadonlyArray<CrossCheck>;
  deliveries: DeliveryStats;
  databaseFile: string;
  elapsedMs: number;
}

/**
 * Renders the report.
 * @param input - plan, summary, checks and delivery figures
 * @returns the HTML document
 * @example
 * await writeFile('peak-day-report.html', renderPeakDayReport({ plan, summary, checks, deliveries, databaseFile, elapsedMs }));
 */
export function renderPeakDayReport(input: PeakDayReportInput): string {
  const { plan, summary, checks, deliveries } = input;
  const labels = summary.hours.map((hour) => hour.label.slice(0, 2));
  const channels = [...new Set(summary.sla.filter((row) => row.channel !== 'all').map((row) => row.channel))].sort();
  const metrics = ['first_reply', 'next_reply', 'requester_wait', 'total_resolution'];
  const attainmentSeries: ChartSeries[] = metrics.map((metric) => ({
    label: metric.replace('_', ' '),
    color: metricColours[metric] ?? '#6b7280',
    values: channels.map((channel) => {
      const row = summary.sla.find((candidate) => candidate.channel === channel && candidate.metric === metric);
      return row ? row.attainment * 100 : Number.NaN;
    }),
  }));
  const width = 940;
  const charts: Array<{ svg: string; caption: string }> = [
    {
      svg: svgChart({
        title: 'Volume by hour',
        labels,
        kind: 'bar',
        width,
        series: [
          { label: 'contacts', values: summary.hours.map((hour) => hour.contacts), color: '#2563eb' },
          { label: 'repeat contacts', values: summary.hours.map((hour) => hour.repeatContacts), color: '#f97316' },
          { label: 'orders ÷ 10', values: summary.hours.map((hour) => hour.ordersPlaced / 10), color: '#a3a3a3' },
        ],
      }),
      caption: 'New contacts (repeats counted once), repeat contacts on another channel, and orders placed (divided by ten), per local hour.',
    },
    {
      svg: svgChart({
        title: 'Backlog by hour',
        labels,
        kind: 'line',
        width,
        series: [
          { label: 'open cases', values: summary.hours.map((hour) => hour.backlog), color: '#9333ea' },
          { label: 'SLA breaches', values: summary.hours.map((hour) => hour.breaches), color: '#dc2626' },
        ],
      }),
      caption: 'Cases open at the start of each local hour, and the SLA breaches that fired during it.',
    },
    {
      svg: svgChart({ title: 'SLA attainment by channel (%)', labels: channels, kind: 'bar', width, series: attainmentSeries, valueFormat: (value) => `${Math.round(value)}` }),
      caption: 'Met ÷ finished clocks, per metric, by the channel of the case’s first contact; clocks still running at midnight are left out.',
    },
    {
      svg: svgChart({
        title: 'First-reply distribution',
        labels: firstReplyBuckets.map((bucket) => bucket.label),
        kind: 'bar',
        width,
        series: [{ label: 'cases', values: firstReplyHistogram(summary.firstReplySeconds), color: '#0891b2' }],
      }),
      caption: `Cases by the time from their first contact to the first public agent reply (p50 ${duration(summary.firstReply.p50)}, p90 ${duration(summary.firstReply.p90)}).`,
    },
    {
      svg: svgChart({
        title: 'Calls by hour',
        labels,
        kind: 'bar',
        width,
        series: [
          { label: 'offered', values: summary.hours.map((hour) => hour.callsOffered), color: '#0891b2' },
          { label: 'abandoned', values: summary.hours.map((hour) => hour.callsAbandoned), color: '#f97316' },
        ],
      }),
      caption: 'Calls that reached the queue, and those whose caller hung up waiting.',
    },
  ];
  const figures: Array<[string, string]> = [
    ['Customers', String(summary.customers)],
    ['Customers merged across channels', String(summary.mergesAcrossChannels)],
    ['Merge proposals (shared household phones)', String(summary.mergeProposals)],
    ['Orders placed on the day', String(summary.ordersPlaced)],
    ['Cases', String(summary.cases)],
    ['Contacts (repeats counted once)', String(summary.contacts)],
    ['Repeat contacts linked to the open case', String(summary.repeatContacts)],
    ['SLA breaches', String(summary.breaches)],
    ['First reply p50 / p90', `${duration(summary.firstReply.p50)} / ${duration(summary.firstReply.p90)}`],
    ['Calls offered / answered / abandoned', `${summary.calls.offered} / ${summary.calls.answered} / ${summary.calls.abandoned}`],
    ['Abandonment', percent(summary.calls.abandonmentRate)],
    ['Average speed of answer', duration(summary.calls.averageSpeedOfAnswerSeconds)],
    ['Average wait before abandoning', duration(summary.calls.averageTimeToAbandonSeconds)],
    ['Voicemails', String(summary.voicemails)],
    ['CSAT (satisfied / answers)', `${percent(summary.csat.score)} (${summary.csat.satisfied} / ${summary.csat.responses})`],
    ['First-contact resolution', percent(summary.firstContactResolution.rate)],
  ];
  const slaTable = table(
    ['channel', 'metric', 'achieved', 'breached', 'running', 'attainment'],
    summary.sla.map((row) => [row.channel, row.metric, String(row.achieved), String(row.breached), String(row.active), percent(row.attainment)]),
  );
  const checkTable = table(
    ['figure', 'from the store', 'from the generator', ''],
    checks.map((check) => [check.name, String(check.computed), String(check.expected), check.ok ? 'ok' : 'MISMATCH']),
  );
  const deliveryRows: Array<[string, string]> = [
    ['Webhook requests (retries included)', String(deliveries.sent)],
    ['Retries (duplicate deliveries)', String(deliveries.retries)],
    ['By platform', Object.entries(deliveries.byPlatform).map(([platform, count]) => `${platform} ${count}`).join(', ')],
    ['Answers', Object.entries(deliveries.byStatus).map(([status, count]) => `${status}: ${count}`).join(', ')],
    ['Agent actions in Throughline (replies, solves)', String(deliveries.actions)],
    ['Order lookups (Shopify API fake)', String(deliveries.orderLookups)],
    ['Messages sent (Twilio API fake)', String(deliveries.messagesSent)],
    ['Failures', String(deliveries.failureCount)],
  ];
  const allOk = checks.every((check) => check.ok);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Throughline peak day ${escapeHtml(plan.day.date)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 980px; color: #111827; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
.meta { color: #6b7280; } .chart { margin: 18px 0; overflow-x: auto; } figcaption { color: #4b5563; font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { border-bottom: 1px solid #e5e7eb; padding: 4px 12px 4px 0; text-align: left; }
.figures td:nth-child(2) { font-variant-numeric: tabular-nums; font-weight: 600; }
.verdict { padding: 8px 12px; border-radius: 6px; display: inline-block; background: ${allOk ? '#dcfce7' : '#fee2e2'}; }
</style>
</head>
<body>
<h1>Black Friday ${escapeHtml(plan.day.date)} — peak-day simulation</h1>
<p class="meta">${plan.people.length.toLocaleString('en-US')} shoppers, seed ${plan.seed}, ${escapeHtml(plan.day.timeZone)}; store ${escapeHtml(input.databaseFile)}; run took ${(input.elapsedMs / 1000).toFixed(1)} s.</p>
<p class="verdict">${allOk ? 'Every figure matches the generator’s ground truth.' : 'Some figures do not match the generator’s ground truth: see the cross-check.'}</p>
<h2>The day</h2>
${table(['figure', 'value'], figures, 'figures')}
${charts.map((chart) => `<figure class="chart">${chart.svg}<figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`).join('\n')}
<h2>SLA attainment per channel and metric</h2>
${slaTable}
<h2>Deliveries</h2>
${table(['', ''], deliveryRows, 'figures')}
<h2>Cross-check against the generator</h2>
${checkTable}
</body>
</html>
`;
}

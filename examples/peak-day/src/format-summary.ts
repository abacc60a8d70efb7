/**
 * The summary printed at the end of `pnpm demo`.
 */
import { duration, percent } from './peak-day-report';
import type { PeakDayResult } from './run-peak-day';

const metricColumns = [
  ['first_reply', 'first reply'],
  ['next_reply', 'next reply'],
  ['requester_wait', 'requester wait'],
  ['total_resolution', 'resolution'],
] as const;

function number(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * Formats the run's summary as lines of text.
 * @param result - the run's result
 * @returns the lines
 */
export function formatSummary(result: PeakDayResult): string[] {
  const { plan, summary, checks, deliveries } = result;
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(44)} ${value}`);
  lines.push(`Black Friday ${plan.day.date} (${plan.day.timeZone}): ${number(plan.people.length)} shoppers, seed ${plan.seed}, ${(result.elapsedMs / 1000).toFixed(1)} s`);
  lines.push('');
  row('customers', number(summary.customers));
  row('customers merged across channels', number(summary.mergesAcrossChannels));
  row('merge proposals (shared household phones)', number(summary.mergeProposals));
  row('orders placed on the day', number(summary.ordersPlaced));
  row('cases', number(summary.cases));
  row('contacts (repeats counted once)', number(summary.contacts));
  row('repeat contacts linked to the open case', number(summary.repeatContacts));
  row('SLA breaches', number(summary.breaches));
  row('first reply p50 / p90', `${duration(summary.firstReply.p50)} / ${duration(summary.firstReply.p90)}`);
  row('calls offered / answered / abandoned', `${number(summary.calls.offered)} / ${number(summary.calls.answered)} / ${number(summary.calls.abandoned)}`);
  row('abandonment', percent(summary.calls.abandonmentRate));
  row('average speed of answer (ASA)', duration(summary.calls.averageSpeedOfAnswerSeconds));
  row('average wait before abandoning', duration(summary.calls.averageTimeToAbandonSeconds));
  row('voicemails', number(summary.voicemails));
  row('CSAT', `${percent(summary.csat.score)} satisfied of ${number(summary.csat.responses)} answers`);
  lines.push('');
  lines.push(`  SLA attainment  ${metricColumns.map(([, label]) => label.padStart(16)).join('')}`);
  const channels = [...new Set(summary.sla.map((entry) => entry.channel))];
  for (const channel of channels) {
    const cells = metricColumns.map(([metric]) => {
      const entry = summary.sla.find((candidate) => candidate.channel === channel && candidate.metric === metric);
      return (entry ? `${percent(entry.attainment)} (${entry.breached})` : '—').padStart(16);
    });
    lines.push(`  ${channel.padEnd(14)}  ${cells.join('')}`);
  }
  lines.push('  (attainment: met ÷ finished clocks; breaches in brackets)');
  lines.push('');
  lines.push(
    `  ${number(deliveries.sent)} signed webhooks (${number(deliveries.retries)} retries), ${number(deliveries.actions)} agent actions, ${number(deliveries.orderLookups)} order lookups, ${number(deliveries.messagesSent)} messages sent`,
  );
  const mismatches = checks.filter((check) => !check.ok);
  if (mismatches.length === 0 && deliveries.failureCount === 0) {
    lines.push(`  cross-check: all ${checks.length} figures match the generator's ground truth`);
  } else {
    for (const check of mismatches) lines.push(`  MISMATCH ${check.name}: store says ${check.computed}, generator says ${check.expected}`);
    for (const failure of deliveries.failures) lines.push(`  FAILURE ${failure}`);
    if (deliveries.failureCount > deliveries.failures.length) lines.push(`  … and ${deliveries.failureCount - deliveries.failures.length} more failures`);
  }
  return lines;
}

import type { ServiceMetricsFigures, ServiceMetricsSnapshot } from '@throughline/core';
import { formatDuration, formatNumber, formatPercent } from './format-table';

/**
 * The headline rows of a report: metric name and formatted value.
 * @param figures - the figures of one group or the whole period
 * @returns rows of [metric, value]
 * @example
 * summaryRows(snapshot.total);
 */
export function summaryRows(figures: ServiceMetricsFigures): string[][] {
  const rows: string[][] = [
    ['Contacts (repeats counted once)', formatNumber(figures.contacts)],
    ['Repeat contacts', formatNumber(figures.repeatContacts)],
    ['Cases opened', formatNumber(figures.casesOpened)],
    ['First reply p50 / p90 / p99', `${formatDuration(figures.firstReply.p50)} / ${formatDuration(figures.firstReply.p90)} / ${formatDuration(figures.firstReply.p99)}`],
    ['First reply p50 (business time)', formatDuration(figures.firstReplyBusiness.p50)],
    ['Resolution p50 / p90 / p99', `${formatDuration(figures.resolution.p50)} / ${formatDuration(figures.resolution.p90)} / ${formatDuration(figures.resolution.p99)}`],
    ['Resolution p50 (business time)', formatDuration(figures.resolutionBusiness.p50)],
  ];
  for (const [metric, attainment] of Object.entries(figures.sla)) {
    rows.push([`SLA ${metric.replace(/_/g, ' ')} attainment`, `${formatPercent(attainment.attainment)} (${attainment.achieved} met, ${attainment.breached} breached)`]);
  }
  rows.push(
    ['First-contact resolution', `${formatPercent(figures.firstContactResolution.rate)} of ${formatNumber(figures.firstContactResolution.solvedWithAgent)}`],
    ['Self-service deflection', `${formatPercent(figures.selfService.rate)} of ${formatNumber(figures.selfService.solved)} solved`],
    ['Calls offered / answered / abandoned', `${formatNumber(figures.calls.offered)} / ${formatNumber(figures.calls.answered)} / ${formatNumber(figures.calls.abandoned)}`],
    ['Call abandonment rate', formatPercent(figures.calls.abandonmentRate)],
    ['Call AHT (talk) / ASA', `${formatDuration(figures.calls.averageHandleSeconds)} / ${formatDuration(figures.calls.averageSpeedOfAnswerSeconds)}`],
    ['Average time to abandon', formatDuration(figures.calls.averageTimeToAbandonSeconds)],
    ['Chat AHT', `${formatDuration(figures.chats.averageHandleSeconds)} (${formatNumber(figures.chats.conversations)} chats)`],
    ['Orders / contacts per order', `${formatNumber(figures.orders.placed)} / ${formatNumber(figures.orders.contactsPerOrder, 2)}`],
    ['CSAT (4–5 of 5)', `${formatPercent(figures.csat.score)} of ${formatNumber(figures.csat.responses)}`],
    ['NPS', `${formatNumber(figures.nps.score, 1)} (${formatNumber(figures.nps.responses)} answers)`],
    ['CES average', `${formatNumber(figures.ces.average, 2)} (${formatNumber(figures.ces.responses)} answers)`],
  );
  return rows;
}

/** Column titles of {@link groupRows}. */
export const groupHeaders = ['group', 'contacts', 'FRT p50', 'FRT p90', 'resol. p50', 'SLA FR', 'FCR', 'deflect', 'AHT call', 'ASA', 'abandon', 'CSAT', 'NPS'];

/**
 * One row per group with the most used metrics.
 * @param snapshot - a grouped snapshot
 * @returns table rows matching {@link groupHeaders}
 * @example
 * formatTable(groupHeaders, groupRows(snapshot));
 */
export function groupRows(snapshot: ServiceMetricsSnapshot): string[][] {
  return snapshot.groups.map(({ key, figures }) => [
    key,
    formatNumber(figures.contacts),
    formatDuration(figures.firstReply.p50),
    formatDuration(figures.firstReply.p90),
    formatDuration(figures.resolution.p50),
    formatPercent(figures.sla.first_reply?.attainment ?? Number.NaN),
    formatPercent(figures.firstContactResolution.rate),
    formatPercent(figures.selfService.rate),
    formatDuration(figures.calls.averageHandleSeconds),
    formatDuration(figures.calls.averageSpeedOfAnswerSeconds),
    formatPercent(figures.calls.abandonmentRate),
    formatPercent(figures.csat.score),
    formatNumber(figures.nps.score, 1),
  ]);
}

import { type SlaMetric, slaMetricSchema } from '../../model/engine-event-data';
import type { CaseStatus } from '../../model/primitives';

/** The metrics in the order clocks are reported. */
export const SLA_METRICS: readonly SlaMetric[] = slaMetricSchema.options;

/** Indexes of {@link SLA_METRICS}, so the fold keeps clocks in arrays rather than maps. */
export const METRIC_INDEX: Readonly<Record<SlaMetric, number>> = Object.fromEntries(SLA_METRICS.map((metric, index) => [metric, index])) as Record<SlaMetric, number>;

/** Metrics that start when the case is created (instance 1 only). */
export const CREATION_METRICS: readonly SlaMetric[] = ['first_reply', 'requester_wait', 'agent_work', 'total_resolution'];

/** Metrics that a public agent reply starts again (a new instance per reply). */
export const UPDATE_METRICS: readonly SlaMetric[] = ['periodic_update', 'pausable_update'];

/** Metrics that count on after a solved case reopens, as Zendesk re-activates them. */
export const REOPENING_METRICS: ReadonlySet<SlaMetric> = new Set(['requester_wait', 'agent_work', 'total_resolution']);

/**
 * Tells whether a solved or closed status stops every clock.
 *
 * @param status - A case status.
 * @returns `true` for `solved` and `closed`.
 */
export function isSolvedStatus(status: CaseStatus): boolean {
  return status === 'solved' || status === 'closed';
}

/**
 * Tells whether a live clock of a metric counts time while the case has a status (Zendesk's pause rules).
 *
 * Pending pauses pausable update, requester wait and agent work; on-hold also pauses agent work;
 * the other metrics never pause.
 *
 * @param metric - The clock's metric.
 * @param status - The case status (never solved or closed: those stop clocks).
 * @returns `true` when the clock runs.
 */
export function runsWhile(metric: SlaMetric, status: CaseStatus): boolean {
  if (status === 'pending') return metric !== 'pausable_update' && metric !== 'requester_wait' && metric !== 'agent_work';
  if (status === 'hold') return metric !== 'agent_work';
  return true;
}

import type { TimelineEvent } from '../../model/timeline-event';
import { createServiceMetrics, type ServiceMetricsOptions, type ServiceMetricsQuery } from './service-metrics';
import type { ServiceMetricsSnapshot } from './service-metrics-figures';

/**
 * Settings of a from-scratch computation.
 */
export interface ComputeServiceMetricsOptions extends ServiceMetricsOptions {
  /** Called every `progressEvery` events with the number read so far (for progress bars). */
  onProgress?: (eventsRead: number) => void;
  /** How often `onProgress` is called (default every 10,000 events). */
  progressEvery?: number;
}

/**
 * Recomputes service metrics from scratch over a stream of events, such as a store scan
 * (`store.scanEvents(tenantId, { from, to })`) or a JSONL export.
 *
 * Events of other tenants are skipped. Cases opened before the stream starts are seen only
 * from their first streamed event, so scan from a little before the period (the CLI looks back
 * 30 days by default).
 * @param events - the events, in any order
 * @param query - tenant, period and grouping
 * @param options - reopen window and progress callback
 * @returns the snapshot, equal to what the incremental accumulator gives for the same events
 * @throws MetricsInputError when the period is invalid
 * @example
 * const snapshot = await computeServiceMetrics(store.scanEvents('shop-1', { from, to }), { tenantId: 'shop-1', from, to });
 */
export async function computeServiceMetrics(
  events: AsyncIterable<TimelineEvent> | Iterable<TimelineEvent>,
  query: ServiceMetricsQuery,
  options: ComputeServiceMetricsOptions = {},
): Promise<ServiceMetricsSnapshot> {
  const { onProgress, progressEvery = 10_000, ...settings } = options;
  const metrics = createServiceMetrics(settings);
  let read = 0;
  for await (const event of events) {
    read++;
    if (onProgress && read % progressEvery === 0) onProgress(read);
    if (event.tenantId === query.tenantId) metrics.add(event);
  }
  onProgress?.(read);
  return metrics.snapshot(query);
}

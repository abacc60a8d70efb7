import type { ServiceMetrics, ServiceMetricsSnapshot, Throughline, TimelineStore } from '@throughline/core';
// #region metrics
import { computeServiceMetrics, createServiceMetrics } from '@throughline/core';
// #endregion metrics

/**
 * Keeps service metrics up to date as the instance appends events.
 * @param throughline - the instance whose timeline is measured
 * @returns the accumulator
 */
export function trackServiceMetrics(throughline: Throughline): ServiceMetrics {
  // #region metrics
  const metrics = createServiceMetrics({ reopenWindowHours: 168 });
  throughline.events.on('timeline.appended', (event) => metrics.add(event)); // any order, duplicates fine
  // #endregion metrics
  return metrics;
}

/**
 * Black Friday's figures by channel, from the accumulator and again from scratch over the store.
 * @param metrics - the accumulator fed by {@link trackServiceMetrics}
 * @param store - the store the instance runs on
 * @returns both snapshots, which are equal
 */
export async function blackFridayByChannel(metrics: ServiceMetrics, store: TimelineStore): Promise<{ today: ServiceMetricsSnapshot; again: ServiceMetricsSnapshot }> {
  // #region metrics
  const from = '2025-11-28T00:00:00Z';
  const to = '2025-11-29T00:00:00Z';
  const today = metrics.snapshot({ tenantId: 'shop-1', from, to, groupBy: 'channel' });

  // The same numbers from scratch, over a store scan:
  const again = await computeServiceMetrics(store.scanEvents('shop-1', { from, to }), { tenantId: 'shop-1', from, to, groupBy: 'channel' });
  // #endregion metrics
  return { today, again };
}

import { createServiceMetrics, type ServiceMetrics } from '@throughline/core';
import type { CliIo } from './cli-io';
import type { EventSource } from './node/event-source';
import { createProgressBar } from './progress-bar';

/**
 * Streams a tenant's events in `[from, to)` into a fresh service-metrics accumulator, with a progress bar.
 * @param source - where events come from
 * @param io - where the progress bar is drawn
 * @param query - tenant and bounds
 * @param reopenWindowHours - first-contact-resolution reopen window
 * @returns the filled accumulator and the number of events read
 * @example
 * const { metrics } = await readIntoMetrics(source, io, { tenantId, from, to }, 168);
 */
export async function readIntoMetrics(
  source: EventSource,
  io: CliIo,
  query: { tenantId: string; from: string; to: string },
  reopenWindowHours: number,
): Promise<{ metrics: ServiceMetrics; eventsRead: number }> {
  const metrics = createServiceMetrics({ reopenWindowHours });
  const bar = createProgressBar(io, `reading ${source.label}`, source.totalUnits);
  let eventsRead = 0;
  try {
    for await (const event of source.scan(query, (done, events) => bar.update(done, events))) {
      metrics.add(event);
      eventsRead++;
    }
  } finally {
    bar.finish();
  }
  return { metrics, eventsRead };
}

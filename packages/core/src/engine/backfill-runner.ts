import type { ChannelAdapterV1 } from '../adapter/channel-adapter';
import { ThroughlineError } from '../errors/throughline-error';
import type { TimelineStore } from '../store/timeline-store';
import type { ThroughlineClock } from './clock';
import { createBackfillDeadLetter } from './dead-letter';
import type { IngestPipeline } from './ingest-pipeline';
import type { ThroughlineEvents } from './throughline-events';

/** What to backfill. */
export interface BackfillOptions {
  /** The adapter to read records from (it must implement `doListEvents`). */
  adapterId: string;
  /** The tenant to backfill. */
  tenantId: string;
  /** Records updated at or after this instant. */
  since: Date;
  /** Stop after this many pages (resume later from the checkpoint). */
  maxPages?: number;
  /** Aborts the adapter's page requests. */
  signal?: AbortSignal;
}

/** How a backfill ended. */
export interface BackfillReport {
  /** Pages read and committed in this run. */
  pages: number;
  /** Events appended in this run (derived ones included). */
  events: number;
  /** Events dropped because they were already stored (delivered earlier by webhook, say). */
  duplicates: number;
  /** Records the adapter could not read, each kept as a dead letter (`store.listDeadLetters`). */
  unreadable: number;
  /** True when the adapter said there is nothing more. */
  complete: boolean;
  /** The checkpointed cursor where the next run resumes; null when complete. */
  cursor: string | null;
}

/**
 * Runs backfills through the same ingest path as webhooks, checkpointing the cursor after every
 * committed page so an interrupted backfill resumes where it stopped.
 */
export class BackfillRunner {
  /**
   * Builds the runner `createThroughline` exposes as `throughline.backfill`.
   * @param adapters - the configured adapters
   * @param store - where checkpoints are kept
   * @param pipeline - the ingest path pages go through
   * @param events - where `backfill.progress` is emitted
   * @param clock - stamps checkpoints
   * @example
   * ```ts
   * const runner = new BackfillRunner(adapters, store, pipeline, events, systemClock);
   * ```
   */
  constructor(
    private readonly adapters: ReadonlyArray<ChannelAdapterV1>,
    private readonly store: TimelineStore,
    private readonly pipeline: IngestPipeline,
    private readonly events: ThroughlineEvents,
    private readonly clock: ThroughlineClock,
  ) {}

  /**
   * Backfills one adapter for one tenant, from its checkpoint.
   * @param options - adapter, tenant, since, limits
   * @returns pages and events ingested, and whether the backfill completed
   * @throws {ThroughlineError} when the adapter does not exist or cannot backfill
   * @example
   * ```ts
   * const report = await throughline.backfill.run({ adapterId: 'shopify', tenantId: 'acme.myshopify.com', since: new Date('2025-11-01T00:00:00Z'), maxPages: 10 });
   * if (!report.complete) console.log(`resume later from ${report.cursor}`);
   * ```
   */
  async run(options: BackfillOptions): Promise<BackfillReport> {
    const adapter = this.adapters.find((candidate) => candidate.id === options.adapterId);
    if (!adapter?.doListEvents) throw new ThroughlineError('backfill_unsupported', `Adapter "${options.adapterId}" cannot backfill`);
    const stream = `backfill:${options.since.toISOString()}`;
    const checkpoint = await this.store.getCheckpoint(options.tenantId, adapter.id, stream);
    if (checkpoint && checkpoint.cursor === null) return { pages: 0, events: 0, duplicates: 0, unreadable: 0, complete: true, cursor: null };
    let cursor = checkpoint?.cursor ?? null;
    const report: BackfillReport = { pages: 0, events: 0, duplicates: 0, unreadable: 0, complete: false, cursor };
    while (options.maxPages === undefined || report.pages < options.maxPages) {
      const page = await adapter.doListEvents({ tenantId: options.tenantId, since: options.since, cursor, ...(options.signal ? { signal: options.signal } : {}) });
      const ingested = await this.pipeline.ingest(options.tenantId, page.events);
      cursor = page.nextCursor;
      const now = this.clock.now();
      // What could not be read is kept with the checkpoint that moves past it: never lost, never kept twice.
      const letters = (page.unreadable ?? []).map((record) => createBackfillDeadLetter(record, { tenantId: options.tenantId, adapterId: adapter.id }, now));
      await this.store.transaction(async (transaction) => {
        for (const letter of letters) await transaction.putDeadLetter(letter);
        await transaction.putCheckpoint({ tenantId: options.tenantId, adapterId: adapter.id, stream, cursor, updatedAt: new Date(now).toISOString() });
      });
      for (const letter of letters) this.events.emit('webhook.dead_lettered', letter);
      report.pages++;
      report.events += ingested.appended.length;
      report.duplicates += ingested.duplicates.length;
      report.unreadable += letters.length;
      report.cursor = cursor;
      this.events.emit('backfill.progress', { adapterId: adapter.id, tenantId: options.tenantId, pages: report.pages, events: report.events, cursor });
      if (cursor === null) {
        report.complete = true;
        break;
      }
    }
    return report;
  }
}

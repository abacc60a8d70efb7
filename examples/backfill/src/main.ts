/**
 * A backfill with progress: a year of an old chat tool's conversations imported through the same
 * ingest path as webhooks (identity, cases, deduplication), a page at a time, with the cursor
 * checkpointed in the store after every page. The first run is cut short after three pages, as if
 * the process had been stopped; the second resumes from the checkpoint; a third finds nothing to do.
 *
 * Run: `pnpm --filter @throughline-examples/backfill start`
 */
import { pathToFileURL } from 'node:url';
import { type BackfillReport, createMemoryStore, createThroughline } from '@throughline/core';
import { type ArchivedMessage, createArchiveAdapter } from './archive-adapter';

/** What the run saw. */
export interface BackfillResult {
  runs: BackfillReport[];
  /** Every `backfill.progress` event, as `pages/events`. */
  progress: string[];
  customers: number;
  cases: number;
}

/**
 * Builds a deterministic archive: each customer asks, an agent answers, some ask again.
 * @param customers - how many customers
 * @returns the records, oldest first
 */
export function buildArchive(customers: number): ArchivedMessage[] {
  const records: ArchivedMessage[] = [];
  const start = Date.parse('2025-01-06T09:00:00Z');
  for (let index = 0; index < customers; index++) {
    const at = start + index * 7 * 3_600_000;
    const email = `customer${index}@example.com`;
    records.push({ id: records.length + 1, at: new Date(at).toISOString(), email, fromCustomer: true, text: 'Hi, can I change my delivery address?' });
    records.push({ id: records.length + 1, at: new Date(at + 20 * 60_000).toISOString(), email, fromCustomer: false, text: 'Done, the new address is on the order.' });
    if (index % 3 === 0) records.push({ id: records.length + 1, at: new Date(at + 3_600_000).toISOString(), email, fromCustomer: true, text: 'Thank you!' });
  }
  return records;
}

function bar(done: number, total: number, width = 24): string {
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * Runs the interrupted backfill, the resumed one and the no-op one.
 * @param options - archive size, page size and where to print
 * @returns the three reports, the progress events and the customer count
 */
export async function main(options: { customers?: number; pageSize?: number; log?: (line: string) => void } = {}): Promise<BackfillResult> {
  const log = options.log ?? console.log;
  const archive = buildArchive(options.customers ?? 60);
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [createArchiveAdapter(archive, options.pageSize ?? 25)] });
  const progress: string[] = [];
  let earlierRuns = 0; // progress events count from the start of their run
  throughline.events.on('backfill.progress', ({ pages, events }) => {
    progress.push(`${pages}/${events}`);
    log(`  page ${String(pages).padStart(2)} ${bar(earlierRuns + events, archive.length)} events`);
  });
  const since = new Date('2025-01-01T00:00:00Z');
  const runs: BackfillReport[] = [];
  try {
    log(`Backfilling ${archive.length} archived messages, stopping after 3 pages:`);
    runs.push(await throughline.backfill.run({ adapterId: 'chat-archive', tenantId: 'acme', since, maxPages: 3 }));
    earlierRuns = runs[0]!.events;
    log('Resuming from the checkpoint:');
    runs.push(await throughline.backfill.run({ adapterId: 'chat-archive', tenantId: 'acme', since }));
    runs.push(await throughline.backfill.run({ adapterId: 'chat-archive', tenantId: 'acme', since }));
    log(`Run again: ${runs[2]!.pages} pages, complete: ${runs[2]!.complete}`);
    const acme = throughline.tenant('acme');
    const customers = new Set<string>();
    let cases = 0;
    for (let index = 0; index < (options.customers ?? 60); index++) {
      const found = await acme.customers.findByIdentity({ kind: 'email', value: `customer${index}@example.com` });
      if (!found) continue;
      customers.add(found.customer.id);
      cases += (await acme.cases.forCustomer(found.customer.id)).length;
    }
    log(`${customers.size} customers, ${cases} cases`);
    return { runs, progress, customers: customers.size, cases };
  } finally {
    await throughline.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

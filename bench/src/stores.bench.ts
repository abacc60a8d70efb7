import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createThroughline, type SlaSettings, type TimelineEvent, type TimelineStore } from '@throughline/core';
// The store packages are not dependencies of the bench package yet: imported by path.
import { createPostgresStore } from '../../packages/store-postgres/src/index';
import { backendProcessIds, dropSchemas, schemaSizeBytes } from '../../packages/store-postgres/src/test-database';
import { createSqliteStore } from '../../packages/store-sqlite/src/index';
import type { BenchResult } from './bench-result';
import { benchAdapter, expectAllAccepted, peakSeasonSla, signedRequests } from './ingest-fixtures';

/** PostgreSQL to measure against (the test database when set); without it the PostgreSQL rows say so. */
const postgresUrl = process.env.THROUGHLINE_BENCH_POSTGRES_URL ?? process.env.THROUGHLINE_TEST_POSTGRES_URL;
const largeEvents = Number(process.env.THROUGHLINE_BENCH_STORE_EVENTS ?? 1_000_000);
const largeCustomers = Math.max(1, Math.round(largeEvents / 10));

/** An ingest run: deliveries per wall-clock second, per CPU-second of this process, and the database server's CPU per delivery when it runs on this machine. */
interface IngestRate {
  wall: number;
  cpu: number;
  serverMicrosPerDelivery?: number;
}

/** CPU ticks (1/100 s) the given processes used so far, or undefined when /proc does not show them (a remote server). */
function processTicks(pids: ReadonlyArray<number>): number | undefined {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  return ticks;
}

/** How one ingest run is driven. */
interface IngestRun {
  /** Deliveries measured. */
  count: number;
  /** Requests in flight at a time. */
  inFlight: number;
  /** The PostgreSQL server whose backends' CPU is counted, when it runs on this machine. */
  server?: { url: string; applicationName: string };
  /** SLA clocks on, with these settings. */
  sla?: SlaSettings;
}

/** Deliveries per second through `webhooks.handle`, `inFlight` requests at a time. */
async function ingestRate(store: TimelineStore, { count, inFlight, server, sla }: IngestRun): Promise<IngestRate> {
  const throughline = createThroughline({ store, adapters: [benchAdapter()], ...(sla ? { sla } : {}) });
  // The warm-up goes to other customers, a day earlier: the measured deliveries are all in order.
  const warm = await signedRequests(Math.max(300, inFlight * 20), 2_000, 0, { customerPrefix: 'warm', startMs: Date.UTC(2026, 10, 26) });
  await Promise.all(
    Array.from({ length: inFlight }, async (_, lane) => {
      for (let index = lane; index < warm.length; index += inFlight) await throughline.webhooks.handle(warm[index]!());
    }),
  );
  const requests = await signedRequests(count, 2_000);
  // Every connection of the pool is open after the warm-up, so its backends are all counted.
  const pids = server ? await backendProcessIds(server.url, server.applicationName) : [];
  const serverStarted = processTicks(pids);
  const cpuStarted = process.cpuUsage();
  let next = 0;
  const responses: Response[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < requests.length) {
        const response = await throughline.webhooks.handle(requests[next++]!());
        if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
        responses.push(response);
      }
    }),
  );
  const wall = count / ((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpuStarted);
  const serverEnded = processTicks(pids);
  await expectAllAccepted(responses);
  await throughline.close();
  const rate: IngestRate = { wall, cpu: count / ((used.user + used.system) / 1e6) };
  if (serverStarted !== undefined && serverEnded !== undefined && pids.length > 0) rate.serverMicrosPerDelivery = ((serverEnded - serverStarted) * 10_000) / count;
  return rate;
}

/** The note of an ingest row: CPU-second rate, server CPU, and the target. */
function rateNote(rate: IngestRate, extra: string): string {
  const server = rate.serverMicrosPerDelivery === undefined ? '' : `; server ${Math.round(rate.serverMicrosPerDelivery)} µs CPU per delivery`;
  return `${Math.round(rate.cpu).toLocaleString('en-US')}/s per CPU-second of this process${server}${extra ? `; ${extra}` : ''}`;
}

/** A typical stored message (~1 KB of JSON) of customer `customer`. */
function storedEvent(index: number, customer: number): TimelineEvent {
  const id = `bench:large:${index}`;
  return {
    id,
    tenantId: 'acme',
    occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 30_000).toISOString(),
    source: { system: 'zendesk', externalId: String(index), url: `https://acme.zendesk.com/agent/tickets/${customer}` },
    channel: index % 2 ? 'email' : 'whatsapp',
    actor: { kind: 'customer', name: `Customer ${customer}` },
    identities: [{ kind: 'email', value: `customer${customer}@example.com` }],
    customerId: `cus_${customer}`,
    caseId: `case_${customer}`,
    repeatContact: false,
    type: 'message.received',
    data: {
      messageId: `m${index}`,
      body: `Hello, my order #${100_000 + customer} has not arrived yet and the tracking link shows no update since Monday. Could you check with the carrier? Thanks.`,
      subject: 'Where is my order?',
      media: [],
      from: `customer${customer}@example.com`,
      to: 'support@acme.example',
    },
  };
}

/** Loads `events` events for `customers` customers (with identities and cases) in batched transactions. */
async function load(store: TimelineStore, events: number, customers: number): Promise<number> {
  const started = performance.now();
  const batch = 5_000;
  for (let from = 0; from < events; from += batch) {
    const list = Array.from({ length: Math.min(batch, events - from) }, (_, offset) => storedEvent(from + offset, (from + offset) % customers));
    await store.transaction(async (transaction) => {
      await transaction.putEvents(list);
      if (from < customers) {
        const first = list.filter((event) => Number(event.customerId.slice(4)) >= from);
        await transaction.putIdentities(
          first.map((event) => ({ tenantId: 'acme', key: `email:customer${event.customerId.slice(4)}@example.com`, kind: 'email' as const, customerId: event.customerId, evidenceEventId: event.id, observedAt: event.occurredAt })),
        );
      }
    });
  }
  return (performance.now() - started) / 1000;
}

function percentile(sorted: ReadonlyArray<number>, share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** p50 and p99 in ms of `read` for random customers: wall clock, and CPU time of this process (what a loaded machine cannot inflate). */
async function latency(samples: number, customers: number, read: (customer: number) => Promise<unknown>): Promise<{ p50: number; p99: number; cpuP99: number }> {
  let seed = 12345;
  const nextCustomer = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % customers;
  };
  for (let index = 0; index < 200; index++) await read(nextCustomer());
  const times: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < samples; index++) {
    const customer = nextCustomer();
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    await read(customer);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), cpuP99: percentile(cpu, 0.99) };
}

async function largeDataset(kind: 'sqlite' | 'postgres', open: () => Promise<TimelineStore>, sizeOf: () => Promise<number>): Promise<BenchResult[]> {
  const store = await open();
  const seconds = await load(store, largeEvents, largeCustomers);
  const label = `${kind}, ${largeEvents.toLocaleString('en-US')} events / ${largeCustomers.toLocaleString('en-US')} customers`;
  const timeline = await latency(5_000, largeCustomers, async (customer) => {
    const page = await store.listEvents({ tenantId: 'acme', customerId: `cus_${customer}`, limit: 50 });
    if (page.length === 0) throw new Error(`no timeline for cus_${customer}`);
  });
  const identity = await latency(5_000, largeCustomers, async (customer) => {
    const found = await store.findIdentities('acme', [`email:customer${customer}@example.com`]);
    if (found.length !== 1) throw new Error(`identity of customer ${customer} not found`);
  });
  await store.close();
  const bytes = await sizeOf();
  const target = kind === 'sqlite' ? 'target p99 ≤ 2 ms;' : '';
  return [
    { name: `${label}: bulk load`, opsPerSecond: largeEvents / seconds, note: 'events/s, 5,000 per transaction' },
    { name: `${label}: latest 50 timeline events, p50`, value: timeline.p50, unit: 'ms' },
    { name: `${label}: latest 50 timeline events, p99`, value: timeline.p99, unit: 'ms', note: `${target.trim()} CPU time p99 ${timeline.cpuP99.toFixed(3)} ms`.trim() },
    { name: `${label}: identity lookup, p50`, value: identity.p50, unit: 'ms' },
    { name: `${label}: identity lookup, p99`, value: identity.p99, unit: 'ms', note: `${target.trim()} CPU time p99 ${identity.cpuP99.toFixed(3)} ms`.trim() },
    { name: `${kind}: size per million events`, value: (bytes / largeEvents) * 1_000_000 / 1024 / 1024, unit: 'MiB', note: kind === 'sqlite' ? 'file after checkpoint' : 'tables + indexes + TOAST' },
  ];
}

/**
 * Store benchmarks: ingest rate through `webhooks.handle` with the memory, SQLite and PostgreSQL
 * stores side by side, then timeline and identity read latency and size with a large dataset loaded.
 * @returns the benchmark rows
 */
export async function run(): Promise<BenchResult[]> {
  const directory = mkdtempSync(join(tmpdir(), 'throughline-store-bench-'));
  const results: BenchResult[] = [];
  try {
    const memory = await ingestRate(createMemoryStore(), { count: 10_000, inFlight: 1 });
    results.push({ name: 'webhooks.handle, memory store, 3 KB deliveries', opsPerSecond: memory.wall, note: rateNote(memory, 'the same run, for comparison') });
    const sqlite = await ingestRate(createSqliteStore({ filename: join(directory, 'ingest.sqlite') }), { count: 10_000, inFlight: 1 });
    results.push({
      name: 'webhooks.handle, SQLite file store, one at a time',
      opsPerSecond: sqlite.wall,
      note: rateNote(sqlite, `target ≥ 10,000/s; ${((sqlite.wall / memory.wall) * 100).toFixed(0)}% of memory`),
    });
    // SLA clocks on: the SLA step folds each case's new events onto what it remembers.
    const sqliteSla = await ingestRate(createSqliteStore({ filename: join(directory, 'ingest-sla.sqlite') }), { count: 10_000, inFlight: 1, sla: peakSeasonSla() });
    results.push({
      name: 'webhooks.handle, SQLite file store, SLA on, one at a time',
      opsPerSecond: sqliteSla.wall,
      note: rateNote(sqliteSla, `${((sqliteSla.wall / sqlite.wall) * 100).toFixed(0)}% of SLA off (the row above); the ingest suite's peak-season policies`),
    });
    // Deliveries that queue up while one commits are committed together.
    const memoryConcurrent = await ingestRate(createMemoryStore(), { count: 10_000, inFlight: 16 });
    const sqliteConcurrent = await ingestRate(createSqliteStore({ filename: join(directory, 'ingest-concurrent.sqlite') }), { count: 10_000, inFlight: 16 });
    results.push(
      { name: 'webhooks.handle, memory store, 16 in flight', opsPerSecond: memoryConcurrent.wall, note: rateNote(memoryConcurrent, 'the same run, for comparison') },
      {
        name: 'webhooks.handle, SQLite file store, 16 in flight',
        opsPerSecond: sqliteConcurrent.wall,
        note: rateNote(sqliteConcurrent, `target ≥ 10,000/s; ${((sqliteConcurrent.wall / memoryConcurrent.wall) * 100).toFixed(0)}% of memory`),
      },
    );
    if (postgresUrl) {
      const schema = `bench_${Date.now().toString(36)}`;
      // The store's connections name themselves, so the server CPU counted is theirs alone.
      const measured = new URL(postgresUrl);
      measured.searchParams.set('application_name', schema);
      const server = { url: postgresUrl, applicationName: schema };
      try {
        const sequential = await ingestRate(await createPostgresStore({ url: measured.href, schema, max: 16 }), { count: 2_000, inFlight: 1, server });
        results.push({ name: 'webhooks.handle, PostgreSQL store, one at a time', opsPerSecond: sequential.wall, note: rateNote(sequential, '') });
        const sequentialSla = await ingestRate(await createPostgresStore({ url: measured.href, schema: `${schema}_sla`, max: 16 }), { count: 2_000, inFlight: 1, server, sla: peakSeasonSla() });
        results.push({
          name: 'webhooks.handle, PostgreSQL store, SLA on, one at a time',
          opsPerSecond: sequentialSla.wall,
          note: rateNote(sequentialSla, `${((sequentialSla.wall / sequential.wall) * 100).toFixed(0)}% of SLA off (the row above); every ingest lists the touched case`),
        });
        const concurrent = await ingestRate(await createPostgresStore({ url: measured.href, schema: `${schema}_b`, max: 16 }), { count: 5_000, inFlight: 16, server });
        results.push({ name: 'webhooks.handle, PostgreSQL store, 16 in flight', opsPerSecond: concurrent.wall, note: rateNote(concurrent, 'target ≥ 3,000/s from one process') });
      } finally {
        await dropSchemas([schema, `${schema}_sla`, `${schema}_b`], postgresUrl);
      }
    } else {
      results.push({ name: 'webhooks.handle, PostgreSQL store', note: 'skipped: set THROUGHLINE_BENCH_POSTGRES_URL or THROUGHLINE_TEST_POSTGRES_URL' });
    }

    const file = join(directory, 'large.sqlite');
    results.push(
      ...(await largeDataset(
        'sqlite',
        async () => createSqliteStore({ filename: file }),
        async () => statSync(file).size,
      )),
    );
    if (postgresUrl && process.env.THROUGHLINE_BENCH_POSTGRES_LARGE === '1') {
      const schema = `bench_large_${Date.now().toString(36)}`;
      try {
        results.push(
          ...(await largeDataset(
            'postgres',
            () => createPostgresStore({ url: postgresUrl, schema }),
            () => schemaSizeBytes(postgresUrl, schema),
          )),
        );
      } finally {
        await dropSchemas([schema], postgresUrl);
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return results;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createMemoryStore, createThroughline, type IncomingEvent, type SlaSettings } from '@throughline/core';
import type { BenchResult } from './bench-result';
import { benchAdapter, benchSecret, type DeliveryOptions, deliveryBody, expectAllAccepted, peakSeasonSla, signedRequests } from './ingest-fixtures';

/** A throughput per wall-clock second and per second of this process's CPU time (honest on a busy machine). */
interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1_000_000;
}

const perCpu = (rate: Rate) => `${Math.round(rate.cpu).toLocaleString('en-US')}/s per CPU-second`;

/** The floor: what any handler must do per delivery — HMAC-SHA256 of the body and JSON.parse. */
function measureFloor(bodies: string[], signatures: Buffer[]): Rate {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let checksum = 0;
  for (let index = 0; index < bodies.length; index++) {
    const body = bodies[index]!;
    const digest = createHmac('sha256', benchSecret).update(body).digest();
    if (timingSafeEqual(digest, signatures[index]!)) checksum += (JSON.parse(body) as { events: unknown[] }).events.length;
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(cpuStarted);
  if (checksum !== bodies.length) throw new Error('floor checksum mismatch');
  return { wall: bodies.length / wall, cpu: bodies.length / cpu };
}

/** A stream of signed deliveries, built once and replayed into fresh instances. */
interface Stream {
  readonly warm: Array<() => Request>;
  readonly measured: Array<() => Request>;
}

async function streamOf(count: number, customers: number, options: DeliveryOptions = {}): Promise<Stream> {
  // The warm-up goes to other customers, a day earlier: the measured deliveries are all in order.
  const warm = await signedRequests(500, 500, 0, { ...options, customerPrefix: 'warm', startMs: Date.UTC(2026, 10, 26) });
  return { warm, measured: await signedRequests(count, customers, 0, options) };
}

/** Requests are built in batches outside the timed part: building a `Request` is the caller's work. */
const requestBatch = 256;

async function measureIngest(stream: Stream, sla: SlaSettings | undefined): Promise<Rate> {
  // Each instance starts on a collected heap, so one round's leftovers are not collected on the next's time.
  global.gc?.();
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [benchAdapter()], ...(sla ? { sla } : {}) });
  for (const make of stream.warm) await throughline.webhooks.handle(make());
  let wallMs = 0;
  let cpuMicros = 0;
  for (let first = 0; first < stream.measured.length; first += requestBatch) {
    const requests = stream.measured.slice(first, first + requestBatch).map((make) => make());
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const responses: Response[] = [];
    for (const request of requests) {
      const response = await throughline.webhooks.handle(request);
      if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
      responses.push(response);
    }
    wallMs += performance.now() - started;
    const used = process.cpuUsage(cpuStarted);
    cpuMicros += used.user + used.system;
    await expectAllAccepted(responses);
  }
  await throughline.close();
  return { wall: stream.measured.length / (wallMs / 1000), cpu: stream.measured.length / (cpuMicros / 1_000_000) };
}

/**
 * What any `Request`-based handler pays before doing anything: reading a 3 KB body out of a
 * `Request` and answering with a small JSON `Response` (the `Request` itself is built untimed, as above).
 */
async function measureRequestOverhead(stream: Stream): Promise<Rate> {
  let wallMs = 0;
  let cpuMicros = 0;
  let bytes = 0;
  for (let first = 0; first < stream.measured.length; first += requestBatch) {
    const requests = stream.measured.slice(first, first + requestBatch).map((make) => make());
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    for (const request of requests) {
      const reader = request.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
      const response = new Response(JSON.stringify({ ok: true, accepted: 1, duplicates: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
      if (response.status !== 200) throw new Error('unreachable');
    }
    wallMs += performance.now() - started;
    const used = process.cpuUsage(cpuStarted);
    cpuMicros += used.user + used.system;
  }
  if (bytes === 0) throw new Error('no body read');
  return { wall: stream.measured.length / (wallMs / 1000), cpu: stream.measured.length / (cpuMicros / 1_000_000) };
}

function median(rates: Rate[]): Rate {
  const middle = (values: number[]) => values.sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
  return { wall: middle(rates.map((rate) => rate.wall)), cpu: middle(rates.map((rate) => rate.cpu)) };
}

/** SLA off and on, interleaved over several rounds (the machine's load drifts), medians of each. */
async function compareSla(stream: Stream, rounds: number): Promise<{ off: Rate; on: Rate }> {
  const off: Rate[] = [];
  const on: Rate[] = [];
  for (let round = 0; round < rounds; round++) {
    off.push(await measureIngest(stream, undefined));
    // Fresh settings each round: the SLA fold cache starts empty, as after a restart.
    on.push(await measureIngest(stream, peakSeasonSla()));
  }
  return { off: median(off), on: median(on) };
}

function slaLines(label: string, { off, on }: { off: Rate; on: Rate }, floor?: Rate): BenchResult[] {
  const ofFloor = floor ? `; ${((off.wall / floor.wall) * 100).toFixed(1)}% of floor (target ≥ 33% and ≥ 20,000/s)` : '';
  const slaCostMicros = (1 / on.cpu - 1 / off.cpu) * 1_000_000;
  return [
    { name: `webhooks.handle, memory store, ${label}, SLA off`, opsPerSecond: off.wall, note: `${perCpu(off)}${ofFloor}` },
    { name: `webhooks.handle, memory store, ${label}, SLA on`, opsPerSecond: on.wall, note: `${perCpu(on)}; 3 policies, business hours in America/New_York` },
    {
      name: `SLA on / SLA off, ${label}`,
      value: (on.cpu / off.cpu) * 100,
      unit: '% (CPU)',
      note: `${((on.wall / off.wall) * 100).toFixed(1)}% per wall second; SLA costs ${slaCostMicros.toFixed(1)} µs CPU per delivery; target ≥ 80%`,
    },
  ];
}

async function measureMemory(totalEvents: number, customers: number): Promise<{ rssMb: number; seconds: number }> {
  const store = createMemoryStore();
  const throughline = createThroughline({ store, adapters: [], validateEvents: false });
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const batch: IncomingEvent[] = [];
  for (let index = 0; index < totalEvents; index++) {
    const customer = index % customers;
    batch.push({
      id: `mem:${index}`,
      tenantId: 'acme',
      occurredAt: new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString(),
      source: { system: 'mock', externalId: `m${index}` },
      channel: 'sms',
      actor: { kind: 'customer' },
      identities: [{ kind: 'email', value: `c${customer}@example.com` }],
      type: 'message.received',
      data: { messageId: `m${index}`, body: 'Where is my order?', subject: null, media: [], from: null, to: null },
    });
    if (batch.length === 1000) {
      await throughline.ingest('acme', batch.splice(0));
    }
  }
  if (batch.length) await throughline.ingest('acme', batch);
  global.gc?.();
  return { rssMb: (process.memoryUsage().rss - baseline) / 1024 / 1024, seconds: (performance.now() - started) / 1000 };
}

/**
 * Ingest throughput through `webhooks.handle` with the memory store, next to the floor, with SLA
 * clocks off and on (rounds interleaved; `THROUGHLINE_BENCH_ROUNDS`, default 3).
 */
export async function run(): Promise<BenchResult[]> {
  const count = 20_000;
  const rounds = Math.max(1, Number(process.env.THROUGHLINE_BENCH_ROUNDS ?? 3));
  const bodies = Array.from({ length: count }, (_, index) => deliveryBody(index, 2_000));
  const signatures = bodies.map((body) => createHmac('sha256', benchSecret).update(body).digest());
  measureFloor(bodies.slice(0, 2000), signatures.slice(0, 2000));
  const floor = measureFloor(bodies, signatures);
  const inboundStream = await streamOf(count, 2_000);
  await measureRequestOverhead(inboundStream);
  const requestOverhead = await measureRequestOverhead(inboundStream);
  const inbound = await compareSla(inboundStream, rounds);
  const conversations = await compareSla(await streamOf(count / 2, 1_000, { agentReplyEvery: 3 }), rounds);
  const results: BenchResult[] = [
    { name: 'floor: HMAC-SHA256 + JSON.parse of a 3 KB body', opsPerSecond: floor.wall, note: perCpu(floor) },
    {
      name: 'Request API alone: read a 3 KB Request body, build a JSON Response',
      opsPerSecond: requestOverhead.wall,
      note: `${perCpu(requestOverhead)}; ${(1_000_000 / requestOverhead.wall).toFixed(1)} µs that no Request-based handler avoids`,
    },
    ...slaLines('3 KB customer messages', inbound, floor),
    ...slaLines('3 KB messages, every third an agent reply', conversations),
  ];
  if (process.env.THROUGHLINE_BENCH_MEMORY !== '0') {
    const memory = await measureMemory(1_000_000, 100_000);
    results.push({ name: 'memory store: 1,000,000 events / 100,000 customers, RSS growth', value: memory.rssMb, unit: 'MiB', note: `loaded in ${memory.seconds.toFixed(1)} s` });
  }
  return results;
}

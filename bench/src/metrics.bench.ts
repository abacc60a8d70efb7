// Operations analytics: service metrics over a million events, staffing and forecasting.
// The million-event run happens in a child process so its peak RSS is its own, not the
// sum of every suite that ran before it in this process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  agentsRequired,
  computeServiceMetrics,
  createServiceMetrics,
  fitHoltWinters,
  generateSupportTimeline,
  planOverflow,
  type TimelineEvent,
} from '@throughline/core';
import type { BenchResult } from './bench-result';

const EVENTS = 1_000_000;
const CHILD_FLAG = 'THROUGHLINE_METRICS_BENCH_CHILD';
const period = { tenantId: 'demo-shop', from: '2025-11-01T00:00:00Z', to: '2025-12-06T00:00:00Z' };

function* firstEvents(count: number): Generator<TimelineEvent> {
  let emitted = 0;
  for (const event of generateSupportTimeline({ from: '2025-11-01', days: 45, casesPerDay: 3300, seed: 42 })) {
    if (emitted++ >= count) return;
    yield event;
  }
}

/** CPU seconds (user + system) used by this process so far. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Runs in a child: times generation, incremental adds, snapshots and a from-scratch pass in memory. */
async function measureMillionEvents(): Promise<BenchResult[]> {
  let cpu = cpuSeconds();
  let started = performance.now();
  let generated = 0;
  for (const _ of firstEvents(EVENTS)) generated++;
  const generateSeconds = (performance.now() - started) / 1000;
  const generateCpu = cpuSeconds() - cpu;

  cpu = cpuSeconds();
  started = performance.now();
  const metrics = createServiceMetrics();
  for (const event of firstEvents(EVENTS)) metrics.add(event);
  const addSeconds = (performance.now() - started) / 1000 - generateSeconds;
  const addCpu = cpuSeconds() - cpu - generateCpu;
  cpu = cpuSeconds();
  started = performance.now();
  const first = metrics.snapshot({ ...period, groupBy: 'channel' });
  const firstSnapshotMs = performance.now() - started;
  const firstSnapshotCpu = (cpuSeconds() - cpu) * 1000;
  cpu = cpuSeconds();
  started = performance.now();
  metrics.snapshot({ ...period, groupBy: 'hour' });
  const cachedSnapshotMs = performance.now() - started;
  const cachedSnapshotCpu = (cpuSeconds() - cpu) * 1000;
  const rssAfterIncremental = process.resourceUsage().maxRSS / 1024;

  cpu = cpuSeconds();
  started = performance.now();
  const fromScratch = await computeServiceMetrics(firstEvents(EVENTS), { ...period, groupBy: 'channel' });
  const scratchSeconds = (performance.now() - started) / 1000 - generateSeconds;
  const scratchCpu = cpuSeconds() - cpu - generateCpu;
  if (fromScratch.total.contacts !== first.total.contacts) throw new Error('incremental and from-scratch disagree');
  return [
    { name: `generate ${generated.toLocaleString('en-US')} synthetic events`, value: generateSeconds, unit: 's', note: `${generateCpu.toFixed(1)} s CPU; subtracted below` },
    { name: 'incremental add, 1M events', value: addSeconds, unit: 's', opsPerSecond: EVENTS / addSeconds, note: `${addCpu.toFixed(1)} s CPU` },
    { name: 'first snapshot (derives every case)', value: firstSnapshotMs, unit: 'ms', note: `${firstSnapshotCpu.toFixed(0)} ms CPU; ${first.total.casesOpened.toLocaleString('en-US')} cases in period` },
    { name: 'next snapshot, grouped by hour', value: cachedSnapshotMs, unit: 'ms', note: `${cachedSnapshotCpu.toFixed(0)} ms CPU; case facts cached` },
    { name: 'from scratch over 1M events', value: scratchSeconds, unit: 's', opsPerSecond: EVENTS / scratchSeconds, note: `${scratchCpu.toFixed(1)} s CPU; in-memory stream` },
    { name: 'peak RSS, 1M events held', value: rssAfterIncremental, unit: 'MiB', note: 'child process, incremental accumulator' },
  ];
}

/** Runs in a child: loads 1M events into a SQLite file, then times a scan into computeServiceMetrics. */
async function measureSqliteScan(): Promise<BenchResult[]> {
  // The bench package does not depend on the store; it reaches its source like the SLA bench reaches core's.
  const { createSqliteStore } = await import('../../packages/store-sqlite/src/index');
  const directory = mkdtempSync(join(tmpdir(), 'throughline-metrics-bench-'));
  try {
    const filename = join(directory, 'events.db');
    const store = createSqliteStore({ filename });
    let started = performance.now();
    let batch: TimelineEvent[] = [];
    for (const event of firstEvents(EVENTS)) {
      batch.push(event);
      if (batch.length === 10_000) {
        const full = batch;
        await store.transaction(async (transaction) => transaction.putEvents(full));
        batch = [];
      }
    }
    if (batch.length > 0) await store.transaction(async (transaction) => transaction.putEvents(batch));
    const loadSeconds = (performance.now() - started) / 1000;
    await store.close();
    const rssBefore = process.resourceUsage().maxRSS / 1024;

    const reader = createSqliteStore({ filename });
    const cpu = cpuSeconds();
    started = performance.now();
    const snapshot = await computeServiceMetrics(reader.scanEvents(period.tenantId, { from: period.from, to: period.to }), { ...period, groupBy: 'channel' });
    const scanSeconds = (performance.now() - started) / 1000;
    const scanCpu = cpuSeconds() - cpu;
    await reader.close();
    return [
      { name: 'load 1M events into SQLite (setup)', value: loadSeconds, unit: 's', note: 'putEvents in 10k batches' },
      {
        name: 'metrics from scratch over a SQLite scan, 1M events',
        value: scanSeconds,
        unit: 's',
        opsPerSecond: EVENTS / scanSeconds,
        note: `${scanCpu.toFixed(1)} s CPU; ${snapshot.total.contacts.toLocaleString('en-US')} contacts`,
      },
      { name: 'peak RSS, SQLite scan run', value: process.resourceUsage().maxRSS / 1024, unit: 'MiB', note: `${rssBefore.toFixed(0)} MiB after loading` },
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function staffingResults(): BenchResult[] {
  const goals = { serviceLevel: { share: 0.8, withinSeconds: 20 } };
  const day = Array.from({ length: 24 }, (_, hour) => ({
    start: new Date(Date.UTC(2025, 10, 28, hour)).toISOString(),
    contacts: Math.round(200 + 1800 * Math.sin((Math.PI * hour) / 24) ** 2),
    averageHandleSeconds: 240,
  }));
  const time = (work: () => void, repeats: number) => {
    work();
    const started = performance.now();
    for (let index = 0; index < repeats; index++) work();
    return (performance.now() - started) / repeats;
  };
  const erlangC = time(() => planOverflow(day, { goals, inHouseAgents: 90, shrinkage: 0.3 }), 50);
  const erlangA = time(() => planOverflow(day, { goals, inHouseAgents: 90, shrinkage: 0.3, model: { kind: 'erlang-a', averagePatienceSeconds: 120 } }), 5);
  const peak = agentsRequired({ contacts: 2000, averageHandleSeconds: 240 }, goals).agents;
  return [
    { name: 'staffing 24 hourly intervals, Erlang C (overflow plan)', value: erlangC, unit: 'ms', note: `200–2,000 calls/h, peak ${peak} agents` },
    { name: 'staffing 24 hourly intervals, Erlang A (patience 120 s)', value: erlangA, unit: 'ms' },
  ];
}

function forecastResults(): BenchResult[] {
  const hours = 60 * 168;
  const values = Array.from({ length: hours }, (_, t) => 50 + 0.002 * t + 30 * Math.sin((2 * Math.PI * t) / 24) ** 2 + 10 * Math.sin((2 * Math.PI * t) / 168));
  const started = performance.now();
  fitHoltWinters(values, { seasonality: 'multiplicative', period: 168 });
  return [{ name: 'Holt–Winters fit, 60 weeks hourly (α, β, γ optimised)', value: performance.now() - started, unit: 'ms' }];
}

/**
 * Runs the metrics benchmarks.
 * @returns one result per measure
 */
export async function run(): Promise<BenchResult[]> {
  const child = (mode: 'memory' | 'sqlite'): BenchResult[] => {
    const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD_FLAG]: mode },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (result.status !== 0) return [{ name: `1M events (${mode})`, note: `FAILED: ${result.stderr.slice(-300)}` }];
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]') as BenchResult[];
  };
  return [...child('memory'), ...child('sqlite'), ...staffingResults(), ...forecastResults()];
}

if (process.env[CHILD_FLAG] === 'memory') process.stdout.write(`${JSON.stringify(await measureMillionEvents())}\n`);
if (process.env[CHILD_FLAG] === 'sqlite') process.stdout.write(`${JSON.stringify(await measureSqliteScan())}\n`);

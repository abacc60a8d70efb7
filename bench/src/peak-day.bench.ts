import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePeakDay } from '../../examples/peak-day/src/generate-peak-day';
import { runPeakDay } from '../../examples/peak-day/src/run-peak-day';
import type { BenchResult } from './bench-result';

/**
 * The peak-day demo: how fast the generator plans a default day, and how many steps (signed
 * webhooks over HTTP, retries, agent actions) a 400-shopper day plays per second of wall and CPU
 * time, summary and report included. `pnpm demo` plays about 12,600 steps for 3,000 shoppers.
 * @returns the measures
 */
export async function run(): Promise<BenchResult[]> {
  const planStarted = performance.now();
  const plan = generatePeakDay({ seed: 2026, customers: 3000 });
  const planMs = performance.now() - planStarted;

  const directory = await mkdtemp(join(tmpdir(), 'peak-day-bench-'));
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let steps = 0;
    const result = await runPeakDay({
      customers: 400,
      seed: 2026,
      speed: null,
      outDir: directory,
      databaseFile: join(directory, 'peak-day.sqlite'),
      onProgress: (progress) => {
        steps = progress.total;
      },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const mismatches = result.checks.filter((check) => !check.ok).length;
    return [
      { name: 'plan a 3,000-shopper day', value: planMs, unit: 'ms', note: `${plan.events.length.toLocaleString('en-US')} events` },
      { name: '400-shopper day, steps per wall second', opsPerSecond: steps / wallSeconds, note: `${steps} steps in ${wallSeconds.toFixed(1)} s` },
      { name: '400-shopper day, CPU time per step', value: (cpuSeconds / steps) * 1000, unit: 'ms', note: mismatches === 0 ? 'cross-check passed' : `${mismatches} cross-check mismatches` },
    ];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

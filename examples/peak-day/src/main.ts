/**
 * `pnpm demo`: a simulated Black Friday through the real code paths. See docs/peak-day.md.
 *
 * Run: `pnpm demo` (or `pnpm --filter @throughline-examples/peak-day start -- --help`)
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary } from './format-summary';
import { tenantId } from './peak-day-accounts';
import { parsePeakDayOptions, peakDayUsage } from './peak-day-options';
import { createProgressBar } from './progress-bar';
import { runPeakDay } from './run-peak-day';
import { supportTimeZone } from './sla-settings';

async function main(): Promise<number> {
  let options: ReturnType<typeof parsePeakDayOptions>;
  try {
    options = parsePeakDayOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${peakDayUsage}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(peakDayUsage);
    return 0;
  }
  const outDir = resolve(options.outDir ?? (await mkdtemp(join(tmpdir(), 'throughline-peak-day-'))));
  const databaseFile = resolve(options.databaseFile ?? join(outDir, 'peak-day.sqlite'));
  if (existsSync(databaseFile)) {
    process.stderr.write(`${databaseFile} already exists: pass a new file with --db (a second day in the same file would be all duplicates).\n`);
    return 2;
  }
  const bar = createProgressBar(process.stderr, supportTimeZone);
  const result = await runPeakDay({
    customers: options.customers,
    seed: options.seed,
    speed: options.speed,
    outDir,
    databaseFile,
    concurrency: options.concurrency,
    onProgress: (progress) => bar.update(progress),
  });
  bar.finish();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  formatSummary(result).forEach(out);
  out('');
  out(`  database  ${result.databaseFile}`);
  out(`  report    ${result.reportFile}`);
  out('  look at it in the agent console:');
  out(`    pnpm --filter @throughline-examples/agent-console start -- --db ${result.databaseFile} --tenant ${tenantId} --now 2026-11-27T17:00:00Z --sla ${fileURLToPath(new URL('./sla-settings.ts', import.meta.url))} --no-timers`);
  const ok = result.checks.every((check) => check.ok) && result.deliveries.failureCount === 0;
  if (!ok) process.stderr.write('\nThe figures Throughline computed do not match the generator (see above).\n');
  return ok ? 0 : 1;
}

process.exitCode = await main();

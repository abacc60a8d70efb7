/**
 * The agent console: search a customer by email, phone or order number, read their timeline
 * across channels, watch the open case's SLA clocks count down and the queue of what breaches next.
 *
 *   pnpm --filter @throughline-examples/agent-console start -- --seed
 *   pnpm --filter @throughline-examples/agent-console start -- --db ./peak-day.sqlite --tenant <id>
 */
import { createThroughline, systemClock } from '@throughline/core';
import { consoleUsage, parseConsoleOptions } from './console-options';
import { loadSlaSettings } from './load-sla-settings';
import { openConsoleStore } from './open-console-store';
import { createSeedEvents, seedCustomers } from './seed/seed-events';
import { startAgentConsole } from './server/agent-console-server';
import { createShiftedClock } from './shifted-clock';

let options: ReturnType<typeof parseConsoleOptions>;
try {
  options = parseConsoleOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${consoleUsage}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(consoleUsage);
  process.exit(0);
}

const clock = options.now === undefined ? systemClock : createShiftedClock(options.now);
const sla = await loadSlaSettings(options.slaModule);
const store = await openConsoleStore({ db: options.db, create: options.seed });
const region = options.region as NonNullable<Parameters<typeof createThroughline>[0]['defaultRegion']>;
const throughline = createThroughline({ store, adapters: [], clock, defaultRegion: region, sla: { ...sla, timers: options.timers } });

if (options.seed) {
  const report = await throughline.ingest(options.tenantId, createSeedEvents(options.tenantId, clock.now()));
  console.log(`Seeded tenant "${options.tenantId}": ${report.appended.length} events (SLA events included) for ${Object.keys(seedCustomers).length} customers, ${report.caseIds.length} cases.`);
} else if (options.db === undefined) {
  console.log('The memory store is empty: add --seed for a few customers, or --db <file> to read a SQLite store.');
}

const agentConsole = await startAgentConsole({ throughline, tenantId: options.tenantId, defaultRegion: region, now: () => clock.now(), port: options.port, host: options.host });
console.log(`Agent console for tenant "${options.tenantId}" (${store.kind} store) at ${agentConsole.url}`);
if (options.seed) console.log('Try: ana.silva@example.com, 07700 900123 (with --region GB) or +44 7700 900123, #1051, (502) 459-2181');

const stop = async () => {
  await agentConsole.close();
  await throughline.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

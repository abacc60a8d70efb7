/**
 * One app instance in its own process, for the multi-instance test: ingests deliveries, in the
 * order given, into a PostgreSQL schema shared with other instances, several requests in flight.
 *
 * Usage: node --conditions=@throughline/source --import tsx ingest-instance.ts <url> <schema> <deliveries.json> <order.json> <in flight>
 *
 * SLA clocks run on a fixed clock (`instanceClockStart`). After the deliveries the instance prints
 * `ingested` and waits for a `tick` line on stdin (sent once every instance has ingested), then fires
 * due timers a few times, racing the other instances for them.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createThroughline } from '@throughline/core';
import { createMockAdapter, createTestClock, signMockDelivery } from '@throughline/core/testing/fakes';
import { createPostgresStore } from '../src/postgres-store';
import { instanceClockStart, instanceSla } from './instance-sla';

const [url, schema, deliveriesFile, orderFile, inFlight] = process.argv.slice(2);
if (!url || !schema || !deliveriesFile || !orderFile) throw new Error('usage: ingest-instance <url> <schema> <deliveries> <order> <in flight>');
const deliveries = JSON.parse(readFileSync(deliveriesFile, 'utf8')) as Array<{ index: number; body: string }>;
const order = JSON.parse(readFileSync(orderFile, 'utf8')) as number[];
const postgresStore = await createPostgresStore({ url, schema, max: 8 });
// Report why a transaction failed (the webhook answer only says it will be retried).
const store = {
  ...postgresStore,
  transaction: <T>(work: Parameters<typeof postgresStore.transaction<T>>[0]) =>
    postgresStore.transaction(work).catch((error: unknown) => {
      process.stderr.write(`transaction failed: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}\n`);
      throw error;
    }),
};
const throughline = createThroughline({
  store,
  adapters: [createMockAdapter({ secrets: ['shared-secret'], accounts: { acme: 'acme' } })],
  sla: instanceSla,
  clock: createTestClock(instanceClockStart),
});

let next = 0;
let failures = 0;
async function worker(): Promise<void> {
  while (next < order.length) {
    const delivery = deliveries[order[next++]!]!;
    const request = await signMockDelivery({ url: 'https://app.example/webhooks/mock', secret: 'shared-secret', account: 'acme', body: delivery.body });
    const response = await throughline.webhooks.handle(request);
    if (response.status !== 200) {
      failures++;
      process.stderr.write(`delivery ${delivery.index} answered ${response.status}: ${await response.text()}\n`);
    }
  }
}
await Promise.all(Array.from({ length: Math.max(1, Number(inFlight ?? 4)) }, worker));
process.stdout.write('ingested\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'tick') break;
lines.close();
let fired = 0;
for (let round = 0; round < 3; round++) fired += (await throughline.sla?.tick(Date.parse(instanceClockStart) + 3_600_000)) ?? 0;
process.stdout.write(`fired ${fired}\n`);
await throughline.close();
process.exit(failures === 0 ? 0 : 3);

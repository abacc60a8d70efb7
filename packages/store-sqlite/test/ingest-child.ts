/**
 * A webhook-receiving app in a child process, for the crash-safety test: ingests the deliveries
 * of a scenario file into a SQLite file from a given index on, appending each acknowledged index
 * to an ack file (synchronously, after the 200) until it is killed or done.
 *
 * Usage: node --conditions=@throughline/source --import tsx ingest-child.ts <sqlite file> <deliveries.json> <ack file> <first index>
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createThroughline } from '@throughline/core';
import { createMockAdapter, signMockDelivery } from '@throughline/core/testing/fakes';
import { createSqliteStore } from '../src/sqlite-store';

const [filename, deliveriesFile, ackFile, first] = process.argv.slice(2);
if (!filename || !deliveriesFile || !ackFile || first === undefined) throw new Error('usage: ingest-child <sqlite> <deliveries> <acks> <first>');
const deliveries = JSON.parse(readFileSync(deliveriesFile, 'utf8')) as Array<{ index: number; body: string }>;
const store = createSqliteStore({ filename });
const throughline = createThroughline({ store, adapters: [createMockAdapter({ secrets: ['crash-secret'], accounts: { acme: 'acme' } })] });
const acks = openSync(ackFile, 'a');
process.stdout.write('ready\n');
for (const delivery of deliveries.slice(Number(first))) {
  const request = await signMockDelivery({ url: 'https://app.example/webhooks/mock', secret: 'crash-secret', account: 'acme', body: delivery.body });
  const response = await throughline.webhooks.handle(request);
  if (response.status !== 200) {
    process.stderr.write(`delivery ${delivery.index} answered ${response.status}: ${await response.text()}\n`);
    process.exit(3);
  }
  // Acknowledged: the platform would now stop redelivering it.
  writeSync(acks, `${delivery.index}\n`);
  process.stdout.write('ack\n');
}
writeSync(acks, 'done\n');
closeSync(acks);
await throughline.close();

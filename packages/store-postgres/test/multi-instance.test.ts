import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThroughline } from '@throughline/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockAdapter, createTestClock, signMockDelivery } from '@throughline/core/testing/fakes';
import { canonicalTenantState, createIngestScenario } from '../../core/src/testing/store-contract/ingest-scenario';
import { seededRandom } from '../../core/src/testing/store-contract/store-contract-context';
import { createPostgresStore } from '../src/postgres-store';
import { dropSchemas, testDatabaseUrl, testSchemaName, warnWhenSkipped } from '../src/test-database';
import { instanceClockStart, instanceSla } from './instance-sla';

warnWhenSkipped('multi-instance.test.ts');
const here = dirname(fileURLToPath(import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'throughline-instances-'));
const schemas = [testSchemaName('instances'), testSchemaName('single')];
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await dropSchemas(schemas);
});

/** Starts an instance; it ingests, then fires timers when `tick` is called. */
function startInstance(schema: string, deliveriesFile: string, order: number[], name: string) {
  const orderFile = join(directory, `${name}.json`);
  writeFileSync(orderFile, JSON.stringify(order));
  const child = spawn(
    process.execPath,
    ['--conditions=@throughline/source', '--import', 'tsx', join(here, 'ingest-instance.ts'), testDatabaseUrl ?? '', schema, deliveriesFile, orderFile, '4'],
    { cwd: join(here, '..'), stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let errors = '';
  let output = '';
  child.stderr.on('data', (chunk) => {
    errors += String(chunk);
  });
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<{ code: number | null; errors: string; fired: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, errors, fired: Number(/fired (\d+)/.exec(output)?.[1] ?? Number.NaN) })),
  );
  const ingested = new Promise<void>((resolve) => child.stdout.on('data', (chunk) => String(chunk).includes('ingested') && resolve()));
  return {
    /** Resolves once every delivery was answered (or the process ended). */
    ingested: Promise.race([ingested, exited.then(() => undefined)]),
    /** Lets the instance fire due timers, then waits for it to exit. */
    tick: () => {
      child.stdin.end('tick\n');
      return exited;
    },
  };
}

describe.skipIf(!testDatabaseUrl)('PostgreSQL, several app instances', () => {
  it('ends in the same customers, merges, cases, timeline and fired SLA breaches as one process, from overlapping, duplicated, shuffled deliveries', async () => {
    const deliveries = createIngestScenario({ seed: 21, account: 'acme', deliveries: 160, people: 30 });
    const deliveriesFile = join(directory, 'deliveries.json');
    writeFileSync(deliveriesFile, JSON.stringify(deliveries));
    const random = seededRandom(77);
    const shuffle = (indexes: number[]) => indexes.map((index) => ({ index, key: random() })).sort((a, b) => a.key - b.key).map(({ index }) => index);
    const first: number[] = [];
    const second: number[] = [];
    for (const { index } of deliveries) {
      // Every delivery reaches at least one instance; most reach both, some twice.
      const roll = random();
      if (roll < 0.7 || roll >= 0.85) first.push(index);
      if (roll >= 0.7) second.push(index);
      if (random() < 0.15) (random() < 0.5 ? first : second).push(index);
    }
    const instances = [startInstance(schemas[0]!, deliveriesFile, shuffle(first), 'first'), startInstance(schemas[0]!, deliveriesFile, shuffle(second), 'second')];
    await Promise.all(instances.map((instance) => instance.ingested));
    // Both have ingested everything: now they race for the due SLA timers.
    const [a, b] = await Promise.all(instances.map((instance) => instance.tick()));
    expect(a).toMatchObject({ code: 0, errors: '' });
    expect(b).toMatchObject({ code: 0, errors: '' });

    const single = await createPostgresStore({ url: testDatabaseUrl ?? '', schema: schemas[1]! });
    const throughline = createThroughline({
      store: single,
      adapters: [createMockAdapter({ secrets: ['shared-secret'], accounts: { acme: 'acme' } })],
      sla: instanceSla,
      clock: createTestClock(instanceClockStart),
    });
    for (const delivery of deliveries) {
      const response = await throughline.webhooks.handle(
        await signMockDelivery({ url: 'https://app.example/webhooks/mock', secret: 'shared-secret', account: 'acme', body: delivery.body }),
      );
      expect(response.status).toBe(200);
    }
    const firedOnce = (await throughline.sla?.tick(Date.parse(instanceClockStart) + 3_600_000)) ?? 0;
    // Every due timer fired on exactly one of the two instances.
    expect(firedOnce).toBeGreaterThan(0);
    expect(a!.fired + b!.fired).toBe(firedOnce);
    const shared = await createPostgresStore({ url: testDatabaseUrl ?? '', schema: schemas[0]! });
    const expected = await canonicalTenantState(single, 'acme');
    const actual = await canonicalTenantState(shared, 'acme');
    expect(expected.customers.some((customer) => customer.merges.length > 0)).toBe(true);
    expect(expected.events.filter((event) => event.type === 'sla.breached').length).toBeGreaterThan(10);
    expect(actual.events.length).toBe(expected.events.length);
    // Deliveries arrived in other orders than the single run's: which customers were created and
    // then absorbed depends on order (see canonicalTenantState), everything in use must not.
    expect(actual.events).toEqual(expected.events);
    expect(actual.customers).toEqual(expected.customers);
    await shared.close();
    await throughline.close();
  }, 240_000);
});

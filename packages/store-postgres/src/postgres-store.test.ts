import type { TimelineEvent, TimelineStore } from '@throughline/core';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractCustomer, contractEvent, contractTimer, minute } from '../../core/src/testing/store-contract/fixtures';
import { migratePostgres, postgresMigrations } from './postgres-migrations';
import { postgresTables } from './postgres-query';
import { timelineQuerySql } from './postgres-reads';
import { createPostgresStore } from './postgres-store';
import { dropSchemas, testDatabaseUrl, testSchemaName, warnWhenSkipped } from './test-database';

warnWhenSkipped('postgres-store.test.ts');
const url = testDatabaseUrl ?? '';
const schemas: string[] = [];
const open: TimelineStore[] = [];

function newSchema(label: string): string {
  const schema = testSchemaName(label);
  schemas.push(schema);
  return schema;
}

async function store(schema: string, max = 4): Promise<TimelineStore> {
  const created = await createPostgresStore({ url, schema, max });
  open.push(created);
  return created;
}

afterEach(async () => {
  for (const created of open.splice(0)) await created.close();
});
afterAll(() => dropSchemas(schemas));

describe.skipIf(!testDatabaseUrl)('createPostgresStore', () => {
  it('creates its schema and records each migration once, even when instances start together', async () => {
    const schema = newSchema('migrate');
    await Promise.all([store(schema), store(schema), store(schema)]);
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    const rows = await sql.unsafe(`SELECT version, name FROM "${schema}".throughline_migrations ORDER BY version`);
    expect([...rows]).toEqual(postgresMigrations.map((migration) => ({ version: migration.version, name: migration.name })));
    await sql.end();
  });

  it('refuses a schema migrated by a newer release', async () => {
    const schema = newSchema('newer');
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    await migratePostgres(sql, `"${schema}"`, [...postgresMigrations, { version: 99, name: 'future', sql: (s) => `CREATE TABLE ${s}.future (id text)` }]);
    await sql.end();
    await expect(createPostgresStore({ url, schema })).rejects.toMatchObject({ code: 'store_schema_too_new' });
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(createPostgresStore({ url, schema: 'Robert"); DROP TABLE students;--' })).rejects.toMatchObject({ code: 'invalid_settings' });
  });

  it("fails and rolls back a transaction whose pipelined write failed, reporting the write's error", async () => {
    const target = await store(newSchema('failed'));
    const broken = { ...contractEvent({ tenantId: 'acme', id: 'e-1', customerId: 'jane', occurredAt: minute(1) }), customerId: null } as unknown as TimelineEvent;
    const outcome = target.transaction(async (transaction) => {
      await transaction.putCustomers([contractCustomer('acme', 'jane')]);
      await transaction.putEvents([broken]);
      await transaction.putCustomers([contractCustomer('acme', 'omar')]);
    });
    await expect(outcome).rejects.toMatchObject({ code: '23502' });
    expect(await target.getCustomer('acme', 'jane')).toBeUndefined();
    const readAfter = target.transaction(async (transaction) => {
      await transaction.putEvents([broken]);
      return transaction.getCustomer('acme', 'jane');
    });
    await expect(readAfter).rejects.toMatchObject({ code: '23502' });
  });

  it('keeps each schema to itself', async () => {
    const first = await store(newSchema('a'));
    const second = await store(newSchema('b'));
    await first.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', 'jane')]));
    expect(await second.getCustomer('acme', 'jane')).toBeUndefined();
  });
});

describe.skipIf(!testDatabaseUrl)('several instances on one database', () => {
  it('stores the same event once when two instances write it at the same moment', async () => {
    const schema = newSchema('same');
    const [a, b] = await Promise.all([store(schema), store(schema)]);
    const event = contractEvent({ tenantId: 'acme', id: 'shopify:order:1001', customerId: 'jane', occurredAt: minute(1) });
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? a : b).transaction((transaction) => transaction.putEvents([event]))),
    );
    expect((await a.listEvents({ tenantId: 'acme', limit: 10 })).map((stored) => stored.id)).toEqual(['shopify:order:1001']);
  });

  it('never loses a read-modify-write under the same key lock, across instances', async () => {
    const schema = newSchema('lock');
    const [a, b] = await Promise.all([store(schema, 6), store(schema, 6)]);
    await a.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', 'jane', { tier: '0' })]));
    let attempts = 0;
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        (index % 2 ? a : b).transaction(async (transaction) => {
          attempts++;
          await transaction.lockKeys('acme', ['email:jane.roe@example.com', `other:${index}`]);
          const jane = await transaction.getCustomer('acme', 'jane');
          await transaction.putCustomers([{ ...jane!, tier: String(Number(jane!.tier) + 1) }]);
        }),
      ),
    );
    expect((await a.getCustomer('acme', 'jane'))?.tier).toBe('24');
    // Conflicts with the other instance were retried, not lost.
    expect(attempts).toBeGreaterThanOrEqual(24);
  });

  it('detects a conflicting update without a lock and runs the losing transaction again', async () => {
    const schema = newSchema('conflict');
    const [a, b] = await Promise.all([store(schema), store(schema)]);
    await a.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', 'jane', { tier: '0' })]));
    let runsOfB = 0;
    let releaseA!: () => void;
    const aMayCommit = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let bRead!: () => void;
    const bHasRead = new Promise<void>((resolve) => {
      bRead = resolve;
    });
    const fromA = a.transaction(async (transaction) => {
      const jane = await transaction.getCustomer('acme', 'jane');
      await aMayCommit;
      await transaction.putCustomers([{ ...jane!, tier: `${jane!.tier}+a` }]);
    });
    const fromB = b.transaction(async (transaction) => {
      runsOfB++;
      const jane = await transaction.getCustomer('acme', 'jane');
      if (runsOfB === 1) {
        bRead();
        await fromA;
      }
      await transaction.putCustomers([{ ...jane!, tier: `${jane!.tier}+b` }]);
    });
    await bHasRead;
    releaseA();
    await Promise.all([fromA, fromB]);
    expect(runsOfB).toBe(2);
    expect((await a.getCustomer('acme', 'jane'))?.tier).toBe('0+a+b');
  });

  it('runs a transaction again when another instance deleted a record it read and now writes back', async () => {
    const schema = newSchema('deleted');
    const [a, b] = await Promise.all([store(schema), store(schema)]);
    await a.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', 'absorbed', { tier: '0' })]));
    let runsOfB = 0;
    let bRead!: () => void;
    const bHasRead = new Promise<void>((resolve) => {
      bRead = resolve;
    });
    let deleted!: () => void;
    const aDeleted = new Promise<void>((resolve) => {
      deleted = resolve;
    });
    const fromB = b.transaction(async (transaction) => {
      runsOfB++;
      const found = await transaction.getCustomer('acme', 'absorbed');
      if (runsOfB === 1) {
        bRead();
        await aDeleted;
      }
      // Writes back what it read: after A's delete, that would resurrect the customer.
      if (found) await transaction.putCustomers([{ ...found, tier: `${found.tier}+b` }]);
    });
    await bHasRead;
    await a.transaction((transaction) => transaction.deleteCustomers('acme', ['absorbed']));
    deleted();
    await fromB;
    expect(runsOfB).toBe(2);
    expect(await a.getCustomer('acme', 'absorbed')).toBeUndefined();
  });

  it('fires each due timer on exactly one instance', async () => {
    const schema = newSchema('timers');
    const instances = await Promise.all([store(schema, 5), store(schema, 5), store(schema, 5)]);
    const timers = Array.from({ length: 60 }, (_, index) => contractTimer(index % 2 ? 'acme' : 'globex', `breach-${index}`, minute(index)));
    await instances[0]!.transaction((transaction) => transaction.putTimers(timers));
    const claims = await Promise.all(
      Array.from({ length: 15 }, (_, index) => instances[index % 3]!.transaction((transaction) => transaction.claimDueTimers(null, minute(100), 5))),
    );
    const claimed = claims.flat().map((timer) => `${timer.tenantId}/${timer.id}`);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(60);
  });
});

describe.skipIf(!testDatabaseUrl)('hot queries', () => {
  const schema = newSchema('plans');

  beforeAll(async () => {
    // Realistic statistics: many customers and cases per tenant, so the planner weighs real choices.
    const seeded = await createPostgresStore({ url, schema, max: 2 });
    const events = Array.from({ length: 6000 }, (_, index) =>
      contractEvent({ tenantId: 'acme', id: `e-${index}`, customerId: `c-${index % 600}`, caseId: index % 3 ? `case-${index % 900}` : null, occurredAt: minute(index) }),
    );
    await seeded.transaction((transaction) => transaction.putEvents(events));
    await seeded.close();
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    await sql.unsafe(`ANALYZE "${schema}".events`);
    await sql.end();
  });

  async function planOf(text: string, parameters: unknown[]): Promise<string> {
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    const plan = await sql.unsafe(`EXPLAIN ${text}`, parameters as never[]);
    await sql.end();
    return plan.map((row) => String(row['QUERY PLAN'])).join('\n');
  }

  it.each([
    ['customer timeline', { tenantId: 'acme', customerId: 'c-7', limit: 50 }, 'events_by_customer'],
    ['customer timeline page', { tenantId: 'acme', customerId: 'c-7', limit: 50, before: { occurredAt: minute(5000), id: 'e-5000' }, types: ['message.received' as const] }, 'events_by_customer'],
    ['case timeline', { tenantId: 'acme', caseId: 'case-1', limit: 50 }, 'events_by_case'],
    ['tenant timeline', { tenantId: 'acme', limit: 50, channels: ['sms' as const] }, 'events_by_time'],
  ])('reads a %s backwards along its index, without sorting', async (_name, query, index) => {
    const { text, parameters } = timelineQuerySql(postgresTables(`"${schema}"`).events, query);
    const plan = await planOf(text, parameters);
    expect(plan).toContain(`Index Scan Backward using ${index}`);
    expect(plan).not.toContain('Sort');
  });
});

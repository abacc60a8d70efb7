import type { TimelineStore } from '@throughline/core';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  erasedValues,
  erasureTenant as tenantId,
  expectJaneErasedThroughReads,
  keptTenant as otherTenant,
  keptValues,
  occurrences,
  seedErasureScenario as seed,
} from '../../core/src/testing/store-contract/erasure-scenario';
import { fixturePerson } from '../../core/src/testing/store-contract/fixtures';
import { createPostgresStore } from './postgres-store';
import { dropSchemas, testDatabaseUrl, testSchemaName, warnWhenSkipped } from './test-database';

warnWhenSkipped('postgres-erasure.test.ts');
const url = testDatabaseUrl ?? '';
const schemas: string[] = [];
const open: TimelineStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});
afterAll(() => dropSchemas(schemas));

/** Every table of the schema as text, one row per line. */
async function tablesText(schema: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const tables = await sql.unsafe<Array<{ name: string }>>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1', [schema]);
  expect(tables.length).toBeGreaterThan(10);
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await sql.unsafe<Array<{ text: string | null }>>(`SELECT string_agg(t::text, E'\\n') AS text FROM "${schema}"."${name}" AS t`);
    parts.push(row?.text ?? '');
  }
  await sql.end();
  return parts.join('\n');
}

async function openStore(): Promise<{ store: TimelineStore; schema: string }> {
  const schema = testSchemaName('erasure');
  schemas.push(schema);
  const store = await createPostgresStore({ url, schema, max: 2 });
  open.push(store);
  return { store, schema };
}

describe.skipIf(!testDatabaseUrl)('PostgreSQL privacy erasure', () => {
  it('leaves no erased value in any table, read as text', async () => {
    const { store, schema } = await openStore();
    await seed(store, tenantId);
    const before = await tablesText(schema);
    for (const value of erasedValues) expect(occurrences(before, value), value).toBeGreaterThan(0);

    await store.transaction((transaction) => transaction.eraseCustomer(tenantId, 'jane'));

    const after = await tablesText(schema);
    for (const value of erasedValues) expect(occurrences(after, value), `tables still hold ${value}`).toBe(0);
    for (const value of keptValues) expect(occurrences(after, value), value).toBeGreaterThan(0);
    await expectJaneErasedThroughReads(store);
  });

  it("leaves nothing of an erased tenant in any table, and keeps the other tenant's data", async () => {
    const { store, schema } = await openStore();
    await seed(store, tenantId);
    await seed(store, otherTenant);
    await store.transaction((transaction) => transaction.eraseTenant(tenantId));
    const after = await tablesText(schema);
    expect(occurrences(after, tenantId)).toBe(0);
    expect(occurrences(after, otherTenant)).toBeGreaterThan(0);
    expect(occurrences(after, fixturePerson.email)).toBeGreaterThan(0);
    expect((await store.listEvents({ tenantId: otherTenant, customerId: 'jane', limit: 500 })).length).toBe(200);
  });
});

import type { TimelineStore } from '@throughline/core';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  contractCase,
  contractCustomer,
  contractDeadLetter,
  contractEvent,
  contractIdentity,
  contractMerge,
  contractProposal,
  fixturePerson,
  minute,
} from '../../core/src/testing/store-contract/fixtures';
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

const tenantId = 'erasure-shop-4821.myshopify.com';
const otherTenant = 'kept-shop-1193.myshopify.com';
const janeSubject = `Parcel for ${fixturePerson.name} is late`;
// Long bodies are stored out of line (TOAST), which must be rewritten too.
const longBody = `${fixturePerson.body}. ${'Tracking says delivered but nothing at the door. '.repeat(120)}`;
const omar = { email: 'omar.haddad@example.net', name: 'Omar Haddad', body: 'Please change my delivery slot to Friday' };

/** The values a redact request must leave nowhere in the file. */
const erasedValues = [fixturePerson.email, fixturePerson.phone, encodeURIComponent(fixturePerson.phone), fixturePerson.name, fixturePerson.body, janeSubject, 'zendesk:user:77'];

async function seed(store: TimelineStore, tenant: string): Promise<void> {
  await store.transaction(async (transaction) => {
    const events = Array.from({ length: 300 }, (_, index) =>
      contractEvent({ tenantId: tenant, id: `jane-${index}`, customerId: index % 3 === 0 ? 'lee' : 'jane', caseId: 'case-jane', occurredAt: minute(index), body: longBody }),
    );
    await transaction.putEvents([
      ...events,
      contractEvent({ tenantId: tenant, id: 'omar-1', customerId: 'omar', caseId: 'case-omar', occurredAt: minute(1), email: omar.email, name: omar.name, body: omar.body }),
    ]);
    await transaction.putCustomers([
      contractCustomer(tenant, 'jane'),
      contractCustomer(tenant, 'lee', { mergedInto: 'jane' }),
      contractCustomer(tenant, 'omar', { profile: { name: omar.name } }),
    ]);
    await transaction.putIdentities([
      contractIdentity(tenant, `email:${fixturePerson.email}`, 'jane'),
      contractIdentity(tenant, `phone:${fixturePerson.phone}`, 'jane'),
      contractIdentity(tenant, 'zendesk:user:77', 'lee'),
      contractIdentity(tenant, `email:${omar.email}`, 'omar'),
    ]);
    await transaction.putCases([contractCase(tenant, 'case-jane', 'jane'), contractCase(tenant, 'case-omar', 'omar', { subject: 'Delivery slot' })]);
    await transaction.putMerges([{ ...contractMerge(tenant, 'merge-1', 'jane', 'lee'), sharedIdentityKey: `email:${fixturePerson.email}` }]);
    await transaction.putProposals([{ ...contractProposal(tenant, 'p-1', ['omar', 'jane'], minute(5)), sharedIdentityKey: `phone:${fixturePerson.phone}` }]);
    const pending = contractEvent({ tenantId: tenant, id: 'breach-next', customerId: 'jane', caseId: 'case-jane', occurredAt: minute(900) });
    await transaction.putTimers([{ tenantId: tenant, id: 'breach-next', caseId: 'case-jane', dueAt: minute(900), event: pending }]);
    await transaction.putDeadLetter({ ...contractDeadLetter(tenant, `${tenant}-json`, minute(2)), body: JSON.stringify({ customer: { email: fixturePerson.email } }) });
    await transaction.putDeadLetter({
      ...contractDeadLetter(tenant, `${tenant}-form`, minute(3)),
      body: `From=${encodeURIComponent(fixturePerson.phone)}&Body=${encodeURIComponent('where is it')}`,
    });
    await transaction.putDeadLetter({ ...contractDeadLetter(tenant, `${tenant}-unrelated`, minute(4)), body: `{"note":"${omar.body}"}` });
  });
}

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

function occurrences(text: string, value: string): number {
  let count = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) count++;
  return count;
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
    for (const value of [omar.email, omar.name, omar.body, 'Delivery slot']) expect(occurrences(after, value), value).toBeGreaterThan(0);
    expect(await store.existingEventIds(tenantId, ['jane-0', 'jane-299'])).toEqual(new Set(['jane-0', 'jane-299']));
    expect((await store.listDeadLetters(tenantId, 10)).map((letter) => letter.id)).toEqual([`${tenantId}-unrelated`]);
    expect((await store.getMerge(tenantId, 'merge-1'))?.absorbedIdentityKeys).toEqual([]);
    expect((await store.getProposal(tenantId, 'p-1'))?.sharedIdentityKey).toBeNull();
    expect((await store.dueTimers(tenantId, minute(1000), 10))[0]?.event.identities).toEqual([]);
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

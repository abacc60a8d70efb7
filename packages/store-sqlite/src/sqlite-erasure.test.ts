import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimelineStore } from '@throughline/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { createSqliteStore } from './sqlite-store';

const tenantId = 'erasure-shop-4821.myshopify.com';
const otherTenant = 'kept-shop-1193.myshopify.com';
const janeSubject = `Parcel for ${fixturePerson.name} is late`;
// Long bodies spill into overflow pages, which must be wiped too.
const longBody = `${fixturePerson.body}. ${'Tracking says delivered but nothing at the door. '.repeat(120)}`;
const omar = { email: 'omar.haddad@example.net', name: 'Omar Haddad', body: 'Please change my delivery slot to Friday' };

/** The values a redact request must leave nowhere in the file. */
const erasedValues = [fixturePerson.email, fixturePerson.phone, encodeURIComponent(fixturePerson.phone), fixturePerson.name, fixturePerson.body, janeSubject, 'zendesk:user:77'];

let directory: string;
let filename: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'throughline-erasure-'));
  filename = join(directory, 'store.sqlite');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

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

function fileText(): string {
  return [filename, `${filename}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

function tablesText(): string {
  const db = new Database(filename, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  const text = tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
  db.close();
  return text;
}

/** Where a value occurs in text; the file is scanned as UTF-8 bytes read as latin1, so the scan is byte-exact. */
function occurrences(text: string, value: string, bytes = false): number {
  const needle = bytes ? Buffer.from(value, 'utf8').toString('latin1') : value;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

describe('SQLite privacy erasure', () => {
  it('leaves no erased value in any table, in the file bytes or in the write-ahead log', async () => {
    const store = createSqliteStore({ filename });
    await seed(store, tenantId);
    for (const value of erasedValues) expect(occurrences(tablesText(), value), value).toBeGreaterThan(0);

    await store.transaction((transaction) => transaction.eraseCustomer(tenantId, 'jane'));

    const tables = tablesText();
    const bytes = fileText();
    for (const value of erasedValues) {
      expect(occurrences(tables, value), `tables still hold ${value}`).toBe(0);
      expect(occurrences(bytes, value, true), `file bytes still hold ${value}`).toBe(0);
    }
    // Everything else is still there, so the scan above could have found something.
    for (const value of [omar.email, omar.name, omar.body, 'Delivery slot']) {
      expect(occurrences(tables, value), value).toBeGreaterThan(0);
      expect(occurrences(bytes, value, true), value).toBeGreaterThan(0);
    }
    expect(await store.existingEventIds(tenantId, ['jane-0', 'jane-299'])).toEqual(new Set(['jane-0', 'jane-299']));
    expect((await store.listDeadLetters(tenantId, 10)).map((letter) => letter.id)).toEqual([`${tenantId}-unrelated`]);
    expect((await store.getMerge(tenantId, 'merge-1'))?.absorbedIdentityKeys).toEqual([]);
    expect((await store.getProposal(tenantId, 'p-1'))?.sharedIdentityKey).toBeNull();
    expect((await store.dueTimers(tenantId, minute(1000), 10))[0]?.event.identities).toEqual([]);
    await store.close();
    for (const value of erasedValues) expect(occurrences(fileText(), value, true), value).toBe(0);
  });

  it('finds the remnants a rewrite removes when the rewrite is turned off, so the scan above is meaningful', async () => {
    const store = createSqliteStore({ filename, vacuumAfterErasure: false });
    await seed(store, tenantId);
    await seed(store, otherTenant);
    await store.transaction((transaction) => transaction.eraseTenant(tenantId));
    expect(occurrences(tablesText(), tenantId)).toBe(0);
    expect(occurrences(fileText(), tenantId, true)).toBeGreaterThan(0);
    await store.close();
  });

  it("leaves nothing of an erased tenant in the file, and keeps the other tenant's data", async () => {
    const store = createSqliteStore({ filename });
    await seed(store, tenantId);
    await seed(store, otherTenant);
    await store.transaction((transaction) => transaction.eraseTenant(tenantId));
    expect(occurrences(tablesText(), tenantId)).toBe(0);
    expect(occurrences(fileText(), tenantId, true)).toBe(0);
    expect(occurrences(fileText(), otherTenant, true)).toBeGreaterThan(0);
    expect(occurrences(tablesText(), fixturePerson.email)).toBeGreaterThan(0);
    expect((await store.listEvents({ tenantId: otherTenant, customerId: 'jane', limit: 500 })).length).toBe(200);
    await store.close();
  });
});

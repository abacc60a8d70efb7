import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { createSqliteStore } from './sqlite-store';

let directory: string;
let filename: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'throughline-erasure-'));
  filename = join(directory, 'store.sqlite');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

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
    for (const value of keptValues) {
      expect(occurrences(tables, value), value).toBeGreaterThan(0);
      expect(occurrences(bytes, value, true), value).toBeGreaterThan(0);
    }
    await expectJaneErasedThroughReads(store);
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

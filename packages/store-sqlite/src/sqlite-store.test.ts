import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createThroughline, type IncomingEvent, type StoreTransaction, type TimelineEvent, type TimelineStore } from '@throughline/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contractCase, contractCustomer, contractEvent, fixturePerson, minute } from '../../core/src/testing/store-contract/fixtures';
import { migrateSqlite, sqliteMigrations } from './sqlite-migrations';
import { hotQuerySql, timelineQuerySql } from './sqlite-reads';
import { createSqliteStore } from './sqlite-store';
import { SqliteStoreError } from './sqlite-store-error';

let directory: string;
let filename: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'throughline-sqlite-'));
  filename = join(directory, 'store.sqlite');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('createSqliteStore', () => {
  it('keeps committed data across close and reopen', async () => {
    const first = createSqliteStore({ filename });
    const event = contractEvent({ tenantId: 'acme', id: 'e-1', customerId: 'jane', occurredAt: minute(1) });
    await first.transaction(async (transaction) => {
      await transaction.putEvents([event]);
      await transaction.putCustomers([contractCustomer('acme', 'jane')]);
    });
    await first.close();
    const second = createSqliteStore({ filename, synchronous: 'full' });
    expect(await second.getEvent('acme', 'e-1')).toEqual(event);
    expect(await second.getCustomer('acme', 'jane')).toEqual(contractCustomer('acme', 'jane'));
    await second.close();
  });

  it('runs the file in WAL mode and records each migration once', async () => {
    const store = createSqliteStore({ filename });
    await store.close();
    const again = createSqliteStore({ filename });
    await again.close();
    const db = new Database(filename, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const rows = db.prepare('SELECT version, name FROM throughline_migrations ORDER BY version').all();
    expect(rows).toEqual(sqliteMigrations.map((migration) => ({ version: migration.version, name: migration.name })));
    db.close();
  });

  it('applies only the migrations a file has not seen yet', () => {
    const db = new Database(filename);
    const first = sqliteMigrations.slice(0, 1);
    expect(migrateSqlite(db, first)).toBe(1);
    const next = [...first, { version: 2, name: 'later', sql: 'CREATE TABLE later_feature (id TEXT PRIMARY KEY)' }];
    expect(migrateSqlite(db, next)).toBe(2);
    expect(migrateSqlite(db, next)).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM throughline_migrations').get()).toEqual({ n: 2 });
    db.close();
  });

  it('refuses a file migrated by a newer release instead of guessing', () => {
    const db = new Database(filename);
    migrateSqlite(db, [...sqliteMigrations, { version: 999, name: 'future', sql: 'CREATE TABLE future (id TEXT)' }]);
    db.close();
    let caught: unknown;
    try {
      createSqliteStore({ filename });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqliteStoreError);
    expect((caught as SqliteStoreError).code).toBe('store_schema_too_new');
  });

  it('rolls back a failed migration completely', () => {
    const db = new Database(filename);
    expect(() => migrateSqlite(db, [{ version: 1, name: 'broken', sql: 'CREATE TABLE half (id TEXT); CREATE TABLE half (id TEXT);' }])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('half', 'throughline_migrations')").all()).toEqual([]);
    db.close();
  });

  it('hides writes of an open transaction from reads outside it until commit', async () => {
    const store = createSqliteStore({ filename });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    const committing = store.transaction(async (transaction) => {
      await transaction.putCustomers([contractCustomer('acme', 'jane')]);
      written();
      await held;
    });
    await wrote;
    expect(await store.getCustomer('acme', 'jane')).toBeUndefined();
    release();
    await committing;
    expect(await store.getCustomer('acme', 'jane')).toEqual(contractCustomer('acme', 'jane'));
    await store.close();
  });

  it('refuses store calls made after their transaction ended', async () => {
    const store = createSqliteStore({ filename });
    let leaked!: StoreTransaction;
    await store.transaction(async (transaction) => {
      leaked = transaction;
    });
    await expect(async () => leaked.putCustomers([contractCustomer('acme', 'jane')])).rejects.toMatchObject({ code: 'transaction_finished' });
    expect(await store.getCustomer('acme', 'jane')).toBeUndefined();
    await store.close();
  });

  it('refuses transactions once closed', async () => {
    const store = createSqliteStore({ filename });
    await store.close();
    await expect(store.transaction(async () => 1)).rejects.toMatchObject({ code: 'store_closed' });
  });

  it('lets two stores on the same file (two processes) take turns writing', async () => {
    const first = createSqliteStore({ filename });
    const second = createSqliteStore({ filename });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? first : second).transaction((transaction) =>
          transaction.putEvents([contractEvent({ tenantId: 'acme', id: `e-${index}`, customerId: 'jane', occurredAt: minute(index) })]),
        ),
      ),
    );
    expect((await first.listEvents({ tenantId: 'acme', customerId: 'jane', limit: 50 })).length).toBe(20);
    await first.close();
    await second.close();
  });
});

/** Counts the statements the store runs through `exec`, and lets a test make one fail. */
function watchExec(fail?: (sql: string, run: (sql: string) => void) => void) {
  const original = Database.prototype.exec;
  const statements: string[] = [];
  const spy = vi.spyOn(Database.prototype, 'exec').mockImplementation(function (this: Database.Database, sql: string) {
    statements.push(sql);
    fail?.(sql, (other) => original.call(this, other));
    return original.call(this, sql);
  });
  return { statements, restore: () => spy.mockRestore() };
}

describe('transactions queued together', () => {
  it('commits them once, each seeing the writes before it, and rolls back only the one that failed', async () => {
    const store = createSqliteStore({ filename });
    const exec = watchExec();
    try {
      const write = (id: string) => store.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', id)]));
      let seenByThird: unknown[] = [];
      const settled = await Promise.allSettled([
        write('c0'),
        // Settles only after the commit that holds it: a read outside the transaction sees it then.
        write('c1').then(() => store.getCustomer('acme', 'c1')),
        store.transaction(async (transaction) => {
          await transaction.putCustomers([contractCustomer('acme', 'c2')]);
          throw new Error('the third work fails');
        }),
        store.transaction(async (transaction) => {
          seenByThird = [await transaction.getCustomer('acme', 'c1'), await transaction.getCustomer('acme', 'c2')];
          await transaction.putCustomers([contractCustomer('acme', 'c3')]);
        }),
        write('c4'),
      ]);
      expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((settled[1] as PromiseFulfilledResult<unknown>).value).toEqual(contractCustomer('acme', 'c1'));
      expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ message: 'the third work fails' });
      expect(seenByThird).toEqual([contractCustomer('acme', 'c1'), undefined]);
      // The first ran alone while the others queued; those four shared one commit.
      expect(exec.statements.filter((sql) => sql === 'COMMIT')).toHaveLength(2);
    } finally {
      exec.restore();
    }
    for (const id of ['c0', 'c1', 'c3', 'c4']) expect(await store.getCustomer('acme', id)).toEqual(contractCustomer('acme', id));
    expect(await store.getCustomer('acme', 'c2')).toBeUndefined();
    await store.close();
  });

  it('fails the ones before with a transaction SQLite ended, and runs the ones after in a new one', async () => {
    const store = createSqliteStore({ filename });
    let releases = 0;
    // The second release of the group: SQLite gives up the whole transaction, as on an I/O error.
    const exec = watchExec((sql, run) => {
      if (sql !== 'RELEASE throughline_work' || ++releases !== 2) return;
      run('ROLLBACK');
      throw new Error('disk I/O error');
    });
    try {
      const write = (id: string) => store.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', id)]));
      const settled = await Promise.allSettled([write('c0'), write('c1'), write('c2'), write('c3')]);
      expect(settled.map((result) => (result.status === 'rejected' ? String(result.reason) : 'stored'))).toEqual([
        'stored',
        'Error: disk I/O error',
        'Error: disk I/O error',
        'stored',
      ]);
    } finally {
      exec.restore();
    }
    expect(await store.getCustomer('acme', 'c0')).toBeDefined();
    expect(await store.getCustomer('acme', 'c1')).toBeUndefined();
    expect(await store.getCustomer('acme', 'c2')).toBeUndefined();
    expect(await store.getCustomer('acme', 'c3')).toBeDefined();
    await store.close();
  });

  it('rolls the group back when one of its own statements fails, settles every caller, and keeps working', async () => {
    const store = createSqliteStore({ filename });
    const write = (id: string) => store.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', id)]));
    const failing = (id: string) =>
      store.transaction(async (transaction) => {
        await transaction.putCustomers([contractCustomer('acme', id)]);
        throw new Error(`${id} fails`);
      });
    let failNext: string | undefined;
    const exec = watchExec((sql) => {
      if (sql !== failNext) return;
      failNext = undefined;
      throw new Error(`${sql} failed`);
    });
    try {
      // Undoing the failed work's savepoint fails: its writes may still be in the transaction, so nothing of the group commits.
      failNext = 'ROLLBACK TO throughline_work';
      const first = await Promise.allSettled([write('a0'), write('a1'), failing('a2'), write('a3')]);
      expect(first.map((result) => (result.status === 'rejected' ? String(result.reason) : 'stored'))).toEqual([
        'stored',
        'Error: ROLLBACK TO throughline_work failed',
        'Error: a2 fails',
        // Its turn had not come: it runs in the next transaction.
        'stored',
      ]);
      // Opening a work's savepoint fails: that work fails, and the one queued after it still runs.
      failNext = 'SAVEPOINT throughline_work';
      const second = await Promise.allSettled([write('b0'), write('b1'), write('b2')]);
      expect(second.map((result) => (result.status === 'rejected' ? String(result.reason) : 'stored'))).toEqual(['stored', 'Error: SAVEPOINT throughline_work failed', 'stored']);
    } finally {
      exec.restore();
    }
    const stored = async (ids: string[]) => Promise.all(ids.map(async (id) => (await store.getCustomer('acme', id)) !== undefined));
    expect(await stored(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2'])).toEqual([true, false, false, true, true, false, true]);
    await write('c0');
    expect(await store.getCustomer('acme', 'c0')).toBeDefined();
    await store.close();
  });
});

describe('erasure clean-up', () => {
  it('rewrites the file only after an erasure that committed', async () => {
    const store = createSqliteStore({ filename });
    await store.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', 'jane')]));
    const failingErasure = () =>
      store.transaction(async (transaction) => {
        await transaction.eraseCustomer('acme', 'jane');
        throw new Error('the erasing work fails');
      });
    const exec = watchExec();
    try {
      await expect(failingErasure()).rejects.toThrow('the erasing work fails');
      // In a group: the erasing work rolls back alone, the others commit without a rewrite.
      const write = (id: string) => store.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', id)]));
      await Promise.allSettled([write('c0'), failingErasure(), write('c1')]);
      expect(exec.statements).not.toContain('VACUUM');
      await store.transaction((transaction) => transaction.eraseCustomer('acme', 'jane'));
      expect(exec.statements).toContain('VACUUM');
    } finally {
      exec.restore();
    }
    await store.close();
  });

  it('tells only the erasing work when the rewrite fails, and tries again after the next transaction', async () => {
    const store = createSqliteStore({ filename });
    const write = (id: string) => store.transaction((transaction) => transaction.putCustomers([contractCustomer('acme', id)]));
    const janeEmail = 'email:jane@example.com';
    await store.transaction(async (transaction) => {
      await transaction.putCustomers([contractCustomer('acme', 'jane')]);
      await transaction.putIdentities([{ tenantId: 'acme', key: janeEmail, kind: 'email', customerId: 'jane', evidenceEventId: 'first-jane', observedAt: '2026-11-27T09:00:00.000Z' }]);
    });
    expect(await store.findIdentities('acme', [janeEmail])).toHaveLength(1);
    let vacuums = 0;
    const exec = watchExec((sql) => {
      if (sql === 'VACUUM' && ++vacuums === 1) throw new Error('database or disk is full');
    });
    try {
      // The first runs alone; the erasure and c1 queue up and share one commit.
      const settled = await Promise.allSettled([write('c0'), store.transaction((transaction) => transaction.eraseCustomer('acme', 'jane')), write('c1')]);
      expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const reason = (settled[1] as PromiseRejectedResult).reason as SqliteStoreError;
      expect(reason).toBeInstanceOf(SqliteStoreError);
      expect(reason.code).toBe('erasure_cleanup_failed');
      expect(reason.message).toContain('database or disk is full');
      // The erasure itself committed.
      expect(await store.findIdentities('acme', [janeEmail])).toEqual([]);
      expect(vacuums).toBe(1);
      await write('c2');
      expect(vacuums).toBe(2);
      await write('c3');
      expect(vacuums).toBe(2);
    } finally {
      exec.restore();
    }
    expect(await store.getCustomer('acme', 'c1')).toBeDefined();
    await store.close();
  });
});

describe('events read back inside a transaction', () => {
  const event = (id: string, body = 'Where is my order?') => contractEvent({ tenantId: 'acme', id, customerId: 'jane', occurredAt: minute(1), body });
  const readInTransaction = (store: TimelineStore, id: string) => store.transaction((transaction) => transaction.getEvent('acme', id));

  it('hands back the very object written, in later transactions too; reads outside a transaction parse the file', async () => {
    const store = createSqliteStore({ filename });
    const written = event('e-1');
    const sameTransaction = await store.transaction(async (transaction) => {
      await transaction.putEvents([written]);
      return transaction.getEvent('acme', 'e-1');
    });
    expect(sameTransaction).toBe(written);
    expect(await readInTransaction(store, 'e-1')).toBe(written);
    const outside = await store.getEvent('acme', 'e-1');
    expect(outside).not.toBe(written);
    expect(outside).toEqual(written);
    // Another tenant's event of the same id is not this one.
    expect(await store.transaction((transaction) => transaction.getEvent('globex', 'e-1'))).toBeUndefined();
    await store.close();
  });

  it('forgets objects whose writes were rolled back: a failed transaction, a failed one in a group, a failed commit', async () => {
    const store = createSqliteStore({ filename });
    const failing = (id: string) =>
      store.transaction(async (transaction) => {
        await transaction.putEvents([event(id)]);
        throw new Error(`${id} fails`);
      });
    await expect(failing('alone')).rejects.toThrow('alone fails');
    const settled = await Promise.allSettled([store.transaction((transaction) => transaction.putEvents([event('first')])), failing('grouped'), store.transaction((transaction) => transaction.putEvents([event('after')]))]);
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const exec = watchExec((sql) => {
      if (sql === 'COMMIT') throw new Error('disk I/O error');
    });
    try {
      await expect(store.transaction((transaction) => transaction.putEvents([event('uncommitted')]))).rejects.toThrow('disk I/O error');
    } finally {
      exec.restore();
    }
    for (const id of ['alone', 'grouped', 'uncommitted']) expect(await readInTransaction(store, id)).toBeUndefined();
    expect(await readInTransaction(store, 'after')).toEqual(event('after'));
    await store.close();
  });

  it('knows the rows a failing batch wrote before its failure, when the work carries on and commits', async () => {
    const store = createSqliteStore({ filename });
    await store.transaction((transaction) => transaction.putEvents([event('e-1'), event('e-2')]));
    const rewritten = event('e-1', 'It arrived, thank you.');
    // A row SQLite refuses (no event id) after one it wrote; the work catches the failure and commits.
    const refused = { ...event('e-3'), id: null } as unknown as TimelineEvent;
    await store.transaction(async (transaction) => {
      await expect(transaction.putEvents([rewritten, refused])).rejects.toThrow();
    });
    expect(await store.getEvent('acme', 'e-1')).toEqual(rewritten);
    expect(await readInTransaction(store, 'e-1')).toBe(rewritten);
    expect(await readInTransaction(store, 'e-2')).toEqual(event('e-2'));
    await store.close();
  });

  it('reads what another connection committed to the file instead of the object it replaced', async () => {
    const first = createSqliteStore({ filename });
    const second = createSqliteStore({ filename });
    const written = event('e-1');
    await first.transaction((transaction) => transaction.putEvents([written]));
    const rewritten = event('e-1', 'It arrived, thank you.');
    await second.transaction((transaction) => transaction.putEvents([rewritten]));
    const read = await readInTransaction(first, 'e-1');
    expect(read).not.toBe(written);
    expect(read).toEqual(rewritten);
    await first.close();
    await second.close();
  });

  it('forgets deleted and erased events', async () => {
    const store = createSqliteStore({ filename });
    const kept = event('kept');
    await store.transaction(async (transaction) => {
      await transaction.putEvents([event('deleted'), kept]);
      await transaction.putCustomers([contractCustomer('acme', 'jane')]);
    });
    await store.transaction((transaction) => transaction.deleteEvents('acme', ['deleted']));
    expect(await readInTransaction(store, 'deleted')).toBeUndefined();
    await store.transaction((transaction) => transaction.eraseCustomer('acme', 'jane'));
    const erased = await readInTransaction(store, 'kept');
    expect(erased).not.toBe(kept);
    expect(JSON.stringify(kept)).toContain(fixturePerson.email);
    expect(JSON.stringify(erased)).not.toContain(fixturePerson.email);
    await store.close();
  });

  it('lets SLA clocks skip listing a case on every ingest, with the same clocks as reading it each time', async () => {
    const policies = [{ id: 'standard', targets: [{ metric: 'first_reply' as const, priority: 'normal' as const, targetMinutes: 60 }, { metric: 'next_reply' as const, priority: 'normal' as const, targetMinutes: 30 }] }];
    const message = (index: number): IncomingEvent => ({
      id: `m${index}`,
      tenantId: 'acme',
      occurredAt: minute(index * 10),
      source: { system: 'mock', externalId: `m${index}` },
      channel: 'whatsapp',
      actor: index % 3 === 2 ? { kind: 'agent', id: 'agent-1' } : { kind: 'customer' },
      identities: [{ kind: 'email', value: 'jane@example.com' }],
      ...(index % 3 === 2
        ? { type: 'message.sent' as const, data: { messageId: `m${index}`, body: 'On its way.', to: null, templateId: null, facts: null } }
        : { type: 'message.received' as const, data: { messageId: `m${index}`, body: 'Where is my order?', subject: null, media: [], from: null, to: null } }),
    });
    const clocksAfter = async (store: TimelineStore) => {
      let caseListings = 0;
      const transaction = store.transaction.bind(store);
      store.transaction = (work) =>
        transaction((inner) =>
          work({
            ...inner,
            listEvents: (query) => {
              if (query.caseId !== undefined) caseListings += 1;
              return inner.listEvents(query);
            },
          }),
        );
      const throughline = createThroughline({ store, adapters: [], sla: { policies, calendars: [], timers: false } });
      for (let index = 0; index < 12; index++) await throughline.ingest('acme', [message(index)]);
      const [supportCase] = await store.casesOf('acme', (await store.findIdentities('acme', ['email:jane@example.com']))[0]!.customerId);
      const clocks = await throughline.tenant('acme').sla.forCase(supportCase!.id);
      const slaEvents = await store.listEvents({ tenantId: 'acme', caseId: supportCase!.id, types: ['sla.applied', 'sla.fulfilled'], limit: 100 });
      await throughline.close();
      return { caseListings, clocks, slaEvents };
    };
    const sqlite = await clocksAfter(createSqliteStore({ filename }));
    // Listed once, when the case was new to the SLA step; every later ingest folds onto what it remembers.
    expect(sqlite.caseListings).toBe(1);
    const memory = await clocksAfter(createMemoryStore());
    expect(sqlite.clocks).toEqual(memory.clocks);
    expect(sqlite.slaEvents).toEqual(memory.slaEvents);
    expect(sqlite.clocks.filter((clock) => clock.status === 'fulfilled').length).toBeGreaterThan(1);
  });
});

describe('store calls issued together inside one transaction', () => {
  it('rolls back every call of the transaction when one of them fails', async () => {
    const store = createSqliteStore({ filename });
    const broken = { ...contractEvent({ tenantId: 'acme', id: 'e-1', customerId: 'jane', occurredAt: minute(1) }), customerId: null } as unknown as TimelineEvent;
    const outcome = store.transaction((transaction) =>
      Promise.all([
        transaction.putCustomers([contractCustomer('acme', 'jane')]),
        transaction.putEvents([broken]),
        transaction.putCases([contractCase('acme', 'case-1', 'jane')]),
      ]),
    );
    await expect(outcome).rejects.toThrow(/NOT NULL/);
    expect(await store.getCustomer('acme', 'jane')).toBeUndefined();
    expect(await store.getCase('acme', 'case-1')).toBeUndefined();
    await store.close();
  });
});

describe('write-ahead log', () => {
  it('is copied into the database file by the background checkpoint, not only by the writer', async () => {
    const store = createSqliteStore({ filename });
    const initial = statSync(filename).size;
    // About 100 log frames: far below the writer's own checkpoint, so only the background one copies them.
    for (let index = 0; index < 40; index++) {
      await store.transaction((transaction) =>
        transaction.putEvents([contractEvent({ tenantId: 'acme', id: `e-${index}`, customerId: 'jane', occurredAt: minute(index), body: 'x'.repeat(3000) })]),
      );
    }
    let size = statSync(filename).size;
    for (let waited = 0; size < initial + 40 * 3000 && waited < 100; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      size = statSync(filename).size;
    }
    expect(size).toBeGreaterThanOrEqual(initial + 40 * 3000);
    await store.close();
  });
});

describe('hot queries', () => {
  function planOf(sql: string, parameters: unknown[]): string {
    const db = new Database(filename);
    migrateSqlite(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>;
    db.close();
    return plan.map((row) => row.detail).join('\n');
  }
  const before: Pick<TimelineEvent, 'occurredAt' | 'id'> = { occurredAt: minute(5), id: 'e-5' };

  it.each([
    ['customer timeline', { tenantId: 'acme', customerId: 'jane', limit: 50 }, 'events_by_customer'],
    ['customer timeline page', { tenantId: 'acme', customerId: 'jane', limit: 50, before, types: ['message.received' as const] }, 'events_by_customer'],
    ['case timeline', { tenantId: 'acme', caseId: 'case-1', limit: 50, before }, 'events_by_case'],
    ['tenant timeline', { tenantId: 'acme', limit: 50, before, channels: ['sms' as const] }, 'events_by_time'],
  ])('reads a %s from its index, newest first, without sorting', (_name, query, index) => {
    const { sql, parameters } = timelineQuerySql(query);
    const plan = planOf(sql, parameters);
    expect(plan).toContain(`USING INDEX ${index}`);
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it.each([
    ['identity lookup', hotQuerySql.identitiesByKeys, ['acme', '["email:a@b.c"]'], 'sqlite_autoindex_identities_1 (tenant_id=? AND key=?)'],
    ['single identity lookup', hotQuerySql.identityByKey, ['acme', 'email:a@b.c'], 'sqlite_autoindex_identities_1 (tenant_id=? AND key=?)'],
    ['idempotency check', hotQuerySql.existingEventIds, ['acme', '["e-1","e-2"]'], 'sqlite_autoindex_events_1 (tenant_id=? AND id=?)'],
    ['single idempotency check', hotQuerySql.existingEventId, ['acme', 'e-1'], 'sqlite_autoindex_events_1 (tenant_id=? AND id=?)'],
    ['customer by id', hotQuerySql.customerById, ['acme', 'jane'], 'sqlite_autoindex_customers_1 (tenant_id=? AND id=?)'],
    ['case by id', hotQuerySql.caseById, ['acme', 'case-1'], 'sqlite_autoindex_cases_1 (tenant_id=? AND id=?)'],
    ['events of one customer', hotQuerySql.eventsOfCustomer, ['acme', 'jane'], 'events_by_customer'],
    ['cases of a customer', hotQuerySql.casesOfCustomer, ['acme', 'jane'], 'cases_by_customer'],
    ['event by id', hotQuerySql.eventById, ['acme', 'e-1'], 'sqlite_autoindex_events_1'],
    ['due timers', hotQuerySql.dueTimers, [minute(1), 10], 'sla_timers_by_due'],
    ['identities of a customer', hotQuerySql.identitiesOfCustomer, ['acme', 'jane'], 'identities_by_customer'],
    ['customers merged into a survivor', hotQuerySql.customersMergedInto, ['acme', 'jane'], 'customers_by_survivor'],
    ['events of customers', hotQuerySql.eventsOfCustomers, ['acme', '["jane"]'], 'events_by_customer'],
    ['merges of a customer', hotQuerySql.mergesOfCustomer, ['acme', 'jane', 'acme', 'jane', 'jane'], 'merges_by_absorbed'],
    ['proposals of a customer', hotQuerySql.proposalsOfCustomer, ['acme', 'jane', 'acme', 'jane', 'jane'], 'proposals_by_second'],
    ['due timers of a tenant', hotQuerySql.dueTimersOfTenant, ['acme', minute(1), 10], 'sla_timers_by_tenant_due'],
  ])('answers the %s from an index', (_name, sql, parameters, index) => {
    const plan = planOf(sql as string, parameters as unknown[]);
    expect(plan).toContain(index as string);
    expect(plan).not.toMatch(/SCAN (identities|cases|events|sla_timers|customers|merges|proposals)\b/);
    expect(plan).not.toMatch(/USING PRIMARY KEY \(tenant_id=\?\)$/m);
  });
});

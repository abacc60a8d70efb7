import type { StoreReader, StoreTransaction, StoreWriter, TimelineStore } from '@throughline/core';
import Database from 'better-sqlite3';
import { migrateSqlite } from './sqlite-migrations';
import { type SqliteCheckpointer, startSqliteCheckpointer, writerCheckpointFrames } from './sqlite-checkpointer';
import { SqliteCommitQueue } from './sqlite-commit-queue';
import { createSqliteReader } from './sqlite-reads';
import { SqliteStoreError } from './sqlite-store-error';
import { createSqliteWriter } from './sqlite-writes';
import { SqliteWrittenEvents } from './sqlite-written-events';
import { StatementCache } from './statement-cache';

/** Settings of the SQLite store. */
export interface SqliteStoreSettings {
  /** Path of the database file (created when missing), or `:memory:` for a throwaway database. */
  filename: string;
  /**
   * `normal` (default): a commit survives a crash of the process; the last commits may be lost
   * if the machine loses power. `full`: fsync on every commit, slower, survives power loss.
   */
  synchronous?: 'normal' | 'full';
  /** How long a write waits for another process holding the file's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /**
   * Rewrite the file (`VACUUM`) after a transaction that erased a customer or a tenant commits
   * (default true). SQLite zeroes deleted records, but fragments of moved records can survive in
   * the unused space of live pages; only a rewrite guarantees erased values are gone from the disk.
   * It takes about as long as copying the file and holds the write lock meanwhile.
   */
  vacuumAfterErasure?: boolean;
}

function openConnection(filename: string, settings: SqliteStoreSettings, readonly: boolean): Database.Database {
  const db = new Database(filename, readonly ? { readonly: true, fileMustExist: true } : {});
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(settings.busyTimeoutMs ?? 5000))}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${settings.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // Deleted and overwritten content is zeroed, so erased personal data does not linger in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = OFF');
  }
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * Wraps transaction operations so a call after the transaction ended fails loudly instead of
 * writing outside any transaction.
 */
function guard(operations: StoreTransaction, isActive: () => boolean): StoreTransaction {
  const guarded: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(operations) as Array<[string, (...args: unknown[]) => unknown]>) {
    guarded[name] = (...args: unknown[]) => {
      if (!isActive()) throw new SqliteStoreError('transaction_finished', `${name} was called after its transaction ended; await every store call inside the work.`);
      return operation(...args);
    };
  }
  return guarded as unknown as StoreTransaction;
}

/**
 * Creates the durable embedded store on one SQLite file: WAL mode, migrations run on open, every
 * transaction atomic (`BEGIN IMMEDIATE` … `COMMIT`, serialised in-process and across processes by
 * SQLite's write lock), prepared statements and indexes for the hot queries. Reads outside a
 * transaction use a second connection and see only committed data.
 *
 * @param settings - the file and durability settings
 * @returns a `TimelineStore`
 * @throws SqliteStoreError `store_schema_too_new` when the file was written by a newer release
 * @example
 * ```ts
 * const store = createSqliteStore({ filename: './throughline.sqlite' });
 * const throughline = createThroughline({ store, adapters: [shopify] });
 * ```
 */
export function createSqliteStore(settings: SqliteStoreSettings): TimelineStore {
  const inMemory = settings.filename === ':memory:' || settings.filename === '';
  const busyTimeoutMs = Math.max(0, Math.floor(settings.busyTimeoutMs ?? 5000));
  const writer = openConnection(settings.filename, settings, false);
  migrateSqlite(writer);
  // From here on the writer never blocks the event loop waiting for the lock: `begin` retries asynchronously.
  writer.pragma('busy_timeout = 0');
  let checkpointer: SqliteCheckpointer | undefined;
  if (!inMemory) {
    // Log frames are copied into the file by a background thread; the writer only steps in when
    // the log grows large, and a log grown by a big transaction shrinks back when it is reset.
    writer.pragma(`wal_autocheckpoint = ${writerCheckpointFrames}`);
    writer.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    checkpointer = startSqliteCheckpointer(settings.filename, settings.synchronous === 'full' ? 'FULL' : 'NORMAL', () => {
      writer.pragma('wal_autocheckpoint = 1000');
    });
  }
  // A second connection for reads outside transactions: WAL lets it read the last commit while a
  // transaction is open on the writer. An in-memory database cannot be shared, so it reads the writer.
  const reader = inMemory ? writer : openConnection(settings.filename, settings, true);
  const writerStatements = new StatementCache(writer);
  // Clean-up an erasure left: copy the log into the file and empty it, rewrite the file. Each stays
  // wanted until it succeeds, so one that failed is tried again after the next transaction.
  let checkpointWanted = false;
  let vacuumWanted = false;
  let erasedInTransaction = false;
  let active = false;
  let closed = false;

  const written = new SqliteWrittenEvents();
  const transactionReads = createSqliteReader(writerStatements);
  const operations: StoreTransaction = {
    ...transactionReads,
    // An event this connection wrote comes back as the very object written (see SqliteWrittenEvents).
    getEvent: (tenantId, id) => {
      const known = written.get(tenantId, id);
      return known === undefined ? transactionReads.getEvent(tenantId, id) : Promise.resolve(known);
    },
    ...createSqliteWriter(
      writerStatements,
      () => {
        erasedInTransaction = true;
      },
      written,
    ),
  } satisfies StoreReader & StoreWriter;
  const transaction = guard(operations, () => active);
  const reads = createSqliteReader(inMemory ? writerStatements : new StatementCache(reader));

  function removeErasedRemnants(): void {
    if (!checkpointWanted || inMemory) return;
    // The background checkpoint holds the checkpoint lock while it runs: wait for it, start no other.
    checkpointer?.pause(busyTimeoutMs);
    try {
      if (vacuumWanted) {
        writer.exec('VACUUM');
        vacuumWanted = false;
      }
      // Erased values must not survive in old log frames: copy the log into the file and empty it.
      // When another connection is reading, this is retried after the next transaction.
      const [result] = writer.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy === 0) checkpointWanted = false;
    } finally {
      checkpointer?.resume();
    }
  }

  async function begin(): Promise<void> {
    const deadline = Date.now() + busyTimeoutMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      try {
        writer.exec('BEGIN IMMEDIATE');
        written.began(writerStatements.pluck('PRAGMA data_version').get() as number);
        return;
      } catch (error) {
        // Another process (or another store on this file) holds the write lock: wait without blocking.
        const busy = String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
        if (!busy || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  const commits = new SqliteCommitQueue<StoreTransaction>({
    begin,
    exec: (sql) => writer.exec(sql),
    inTransaction: () => writer.inTransaction,
    async run(work) {
      active = true;
      const erasedBefore = erasedInTransaction;
      try {
        const value = await work(transaction);
        return { value, leftCleanUp: erasedInTransaction && !erasedBefore };
      } catch (error) {
        // Its savepoint is rolled back: an erasure it ran is gone, and needs no clean-up.
        erasedInTransaction = erasedBefore;
        throw error;
      } finally {
        active = false;
      }
    },
    afterCommit() {
      checkpointer?.committed();
      if (erasedInTransaction) {
        checkpointWanted = true;
        vacuumWanted = settings.vacuumAfterErasure !== false;
        erasedInTransaction = false;
      }
      removeErasedRemnants();
    },
    cleanUpFailed: (cause) =>
      new SqliteStoreError(
        'erasure_cleanup_failed',
        `The erasure is committed and its records are gone from every table, but removing their remnants from the file failed (${cause instanceof Error ? cause.message : String(cause)}); it is tried again after the next transaction.`,
        { cause },
      ),
    discarded(scope) {
      written.forgetAll();
      if (scope === 'transaction') erasedInTransaction = false;
    },
    isClosed: () => closed,
  });

  return {
    kind: 'sqlite',
    ...reads,
    transaction<T>(work: (transaction: StoreTransaction) => Promise<T>): Promise<T> {
      return commits.submit(work);
    },
    async close() {
      if (closed) return;
      closed = true;
      await commits.idle();
      await checkpointer?.close();
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}

import type { StoreTransaction, TimelineStore } from '@throughline/core';
import postgres from 'postgres';
import { CustomerLoadCoalescer, customerLoadSql, identityOwnersSql } from './postgres-customer-loads';
import { startPostgresFirstAnalyze } from './postgres-first-analyze';
import { migratePostgres } from './postgres-migrations';
import { createPostgresQuery, type PostgresQuery, postgresTables } from './postgres-query';
import { createPostgresReader } from './postgres-reads';
import { PostgresStoreError } from './postgres-store-error';
import { PostgresWriteBatch, type WriteTable, writeBatchSql } from './postgres-write-batch';
import { createPostgresWriter } from './postgres-writes';

/** Settings of the PostgreSQL store. */
export interface PostgresStoreSettings {
  /** Connection string, such as `postgres://app@127.0.0.1:5432/support`. */
  url: string;
  /** Schema holding the tables (created when missing); lower-case letters, digits and `_` (default `throughline`). */
  schema?: string;
  /** Most connections in the pool (default 10). */
  max?: number;
  /**
   * How many times a transaction runs when PostgreSQL aborts it for a conflict with another
   * instance (serialization failure or deadlock) before the error is thrown (default 30).
   */
  maxAttempts?: number;
  /**
   * Isolation of transactions (default `repeatable read`): a record this transaction read and
   * another instance changed or deleted meanwhile makes PostgreSQL abort it, and the store runs it
   * again. `serializable` also catches races that write disjoint records, at the price of many
   * more retries (predicate locks on small tables cover whole relations).
   */
  isolation?: 'serializable' | 'repeatable read';
}

/** SQLSTATEs of conflicts that succeed when the transaction runs again. */
const retryableCodes = new Set(['40001', '40P01']);

/** The tables a customer's six reads come from: a write to one makes preloaded reads stale. */
const customerStateTables: ReadonlySet<WriteTable> = new Set<WriteTable>(['customers', 'identities', 'cases', 'merges', 'proposals']);

/**
 * Wraps transaction operations (the reads and the writes) so a call after the transaction ended
 * fails loudly instead of running on a connection that went back to the pool. Built property by
 * property: an object spread of this many functions costs V8 tens of microseconds per transaction.
 */
function guard(sources: ReadonlyArray<object>, isActive: () => boolean): StoreTransaction {
  const guarded: Record<string, unknown> = {};
  for (const source of sources) {
    for (const [name, operation] of Object.entries(source) as Array<[string, (...args: unknown[]) => unknown]>) {
      guarded[name] = (...args: unknown[]) => {
        if (!isActive()) throw new PostgresStoreError('transaction_finished', `${name} was called after its transaction ended; await every store call inside the work.`);
        return operation(...args);
      };
    }
  }
  return guarded as unknown as StoreTransaction;
}

/**
 * Creates the store for many app instances sharing one PostgreSQL database: schema-qualified
 * tables created by versioned migrations (under an advisory lock), a connection pool, upserts on
 * primary keys so a delivery ingested by two instances is stored once, `lockKeys` as transaction
 * advisory locks, timers claimed with `FOR UPDATE SKIP LOCKED`. Transactions run at `REPEATABLE
 * READ` and run again when PostgreSQL reports a conflict with another instance, so `work` must keep
 * its side effects until the transaction resolves.
 *
 * @param settings - connection string, schema and pool size
 * @returns a `TimelineStore` (migrations finish before it resolves)
 * @throws PostgresStoreError `invalid_settings` for a bad schema name, `store_schema_too_new` when a newer release migrated the schema
 * @example
 * ```ts
 * const store = await createPostgresStore({ url: process.env.DATABASE_URL!, schema: 'support' });
 * const throughline = createThroughline({ store, adapters: [shopify, zendesk, twilio] });
 * ```
 */
export async function createPostgresStore(settings: PostgresStoreSettings): Promise<TimelineStore> {
  const schemaName = settings.schema ?? 'throughline';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) {
    throw new PostgresStoreError('invalid_settings', `Schema "${schemaName}" must be lower-case letters, digits and _ (at most 63), starting with a letter or _.`);
  }
  const schema = `"${schemaName}"`;
  const maxAttempts = Math.max(1, Math.floor(settings.maxAttempts ?? 30));
  const isolation = settings.isolation === 'serializable' ? 'serializable' : 'repeatable read';
  const sql = postgres(settings.url, { max: settings.max ?? 10, onnotice: () => undefined });
  let firstAnalyze: Awaited<ReturnType<typeof startPostgresFirstAnalyze>>;
  try {
    await migratePostgres(sql, schema);
    firstAnalyze = await startPostgresFirstAnalyze(sql, schema);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw error;
  }
  const tables = postgresTables(schema);
  const writeSql = writeBatchSql(schema);
  const loadSql = { customer: customerLoadSql(tables), ownerOfKey: identityOwnersSql(tables, 'one'), ownersOfKeys: identityOwnersSql(tables, 'many') };
  const reads = createPostgresReader(createPostgresQuery(sql), tables);
  let closed = false;

  async function attempt<T>(work: (transaction: StoreTransaction) => Promise<T>): Promise<T> {
    let active = true;
    // Statements whose rows nobody waits for (the write batch, locks); the first failure is kept and
    // thrown once the transaction ends: PostgreSQL quietly turns the COMMIT of a failed transaction
    // into a ROLLBACK.
    const sent: Array<Promise<unknown>> = [];
    let failure: { error: unknown } | undefined;
    try {
      const result = (await sql.begin(`isolation level ${isolation}`, async (connection) => {
        const run = createPostgresQuery(connection);
        const track = (statement: Promise<unknown>) => {
          sent.push(
            statement.catch((error: unknown) => {
              failure ??= { error };
            }),
          );
        };
        // Pending writes go out, in one statement, right before anything that must see them.
        const sendBatch = () => {
          if (batch.size > 0) track(run(writeSql, batch.take()));
        };
        // Every statement goes out after the reads and writes issued before it.
        const query: PostgresQuery = (text, parameters) => {
          loads.dispatch();
          sendBatch();
          return run(text, parameters);
        };
        const send = <Row>(text: string, parameters?: ReadonlyArray<unknown>): Promise<Row[]> => {
          track(query(text, parameters));
          return Promise.resolve([]);
        };
        // Statements the writer runs itself (timer claims, erasure) can change any table.
        const writeQuery: PostgresQuery = (text, parameters) => {
          loads.changed();
          return query(text, parameters);
        };
        const reader = createPostgresReader(query, tables);
        const loads = new CustomerLoadCoalescer(reader, run, loadSql, sendBatch);
        const batch = new PostgresWriteBatch((table) => {
          loads.dispatch();
          if (customerStateTables.has(table)) loads.changed();
        });
        const operations = guard([reader, loads.reads(), createPostgresWriter(writeQuery, send, batch, tables)], () => active);
        try {
          const value = await work(operations);
          // From here a late call fails loudly instead of joining a batch nobody sends.
          active = false;
          // Pipelined with the COMMIT that follows: the commit costs no extra round trip.
          sendBatch();
          return value;
        } catch (error) {
          active = false;
          await Promise.all(sent);
          // A read after a failed write only says the transaction is aborted: report the cause.
          throw failure ? failure.error : error;
        }
      })) as T;
      await Promise.all(sent);
      if (failure) throw failure.error;
      return result;
    } finally {
      active = false;
    }
  }

  return {
    kind: 'postgres',
    ...reads,
    async transaction<T>(work: (transaction: StoreTransaction) => Promise<T>): Promise<T> {
      if (closed) throw new PostgresStoreError('store_closed', 'The PostgreSQL store is closed.');
      for (let attemptNumber = 1; ; attemptNumber++) {
        try {
          const result = await attempt(work);
          firstAnalyze.committed();
          return result;
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (typeof code !== 'string' || !retryableCodes.has(code) || attemptNumber >= maxAttempts) throw error;
          // Another instance won the race; back off a little (with jitter) and run the work again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attemptNumber)));
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await firstAnalyze.settled();
      await sql.end({ timeout: 5 });
    },
  };
}

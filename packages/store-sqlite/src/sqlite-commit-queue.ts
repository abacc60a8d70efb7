import { SqliteStoreError } from './sqlite-store-error';

/** How the queue drives the write connection. */
export interface SqliteCommitHooks<Transaction> {
  /** Opens a write transaction (`BEGIN IMMEDIATE`, waiting for another process's lock). */
  begin(): Promise<void>;
  /** Runs a statement without results on the write connection (`SAVEPOINT`, `COMMIT`, …). */
  exec(sql: string): void;
  /** Whether the write connection is inside a transaction (SQLite ends one itself after some errors). */
  inTransaction(): boolean;
  /** Runs one caller's work on the transaction, marking the transaction open to it meanwhile. */
  run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /** After each commit: checkpoint bookkeeping and erasure clean-up (it may throw; the data is committed). */
  afterCommit(): void;
  /** After writes were undone: one work's savepoint (`work`), or the whole transaction rolled back or its commit failed (`transaction`). */
  discarded(scope: 'work' | 'transaction'): void;
  /** Whether the store was closed. */
  isClosed(): boolean;
}

/** A transaction waiting for its turn. */
interface Waiting<Transaction> {
  readonly work: (transaction: Transaction) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** How one work of a group ended, before the group's commit decides. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most transactions committed together. */
const maxGroup = 64;

/**
 * Runs the store's transactions one after another and commits those that queued up meanwhile
 * together: writing the log at `COMMIT` costs more than most transactions' statements, so under
 * concurrent ingest one commit serves many. Each transaction of a group runs inside a savepoint, so
 * one that fails is rolled back alone; every transaction sees the writes of those before it, as in
 * separate transactions. A caller's promise settles only after the commit that holds its writes
 * (a webhook is still acknowledged only once its events are durable). A transaction waiting alone
 * runs as a plain `BEGIN IMMEDIATE` … `COMMIT`.
 */
export class SqliteCommitQueue<Transaction> {
  private waiting: Array<Waiting<Transaction>> = [];
  private draining: Promise<void> | undefined;

  /** @param hooks - how to drive the write connection */
  constructor(private readonly hooks: SqliteCommitHooks<Transaction>) {}

  /**
   * Queues a transaction.
   * @param work - the caller's work
   * @returns what the work returned, once its writes are committed
   */
  submit<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    if (this.hooks.isClosed()) return Promise.reject(new SqliteStoreError('store_closed', 'The SQLite store is closed.'));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drain();
    });
  }

  /**
   * Waits until every queued transaction has settled.
   * @returns when the queue is empty
   */
  async idle(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, maxGroup);
        if (this.hooks.isClosed()) {
          for (const item of group) item.reject(new SqliteStoreError('store_closed', 'The SQLite store is closed.'));
          continue;
        }
        await this.runGroup(group);
      }
    } finally {
      this.draining = undefined;
    }
  }

  private async runGroup(group: ReadonlyArray<Waiting<Transaction>>): Promise<void> {
    const hooks = this.hooks;
    try {
      await hooks.begin();
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    const alone = group.length === 1;
    const outcomes: Outcome[] = [];
    for (let index = 0; index < group.length; index++) {
      const item = group[index]!;
      if (!alone) hooks.exec('SAVEPOINT throughline_work');
      try {
        const value = await hooks.run(item.work);
        if (!alone) hooks.exec('RELEASE throughline_work');
        outcomes.push({ ok: true, value });
      } catch (error) {
        if (!hooks.inTransaction()) {
          // SQLite ended the whole transaction (a full disk, an I/O error): the writes of those
          // before are gone too. They fail with it; those not run yet go first in the next group.
          hooks.discarded('transaction');
          this.waiting.unshift(...group.slice(index + 1));
          for (const [earlier, outcome] of outcomes.entries()) group[earlier]!.reject(outcome.ok ? error : outcome.error);
          item.reject(error);
          return;
        }
        if (!alone) {
          hooks.exec('ROLLBACK TO throughline_work');
          hooks.exec('RELEASE throughline_work');
        }
        hooks.discarded('work');
        outcomes.push({ ok: false, error });
      }
    }
    try {
      const first = outcomes[0]!;
      if (alone && !first.ok) {
        // Nothing to commit, and nothing for the after-commit clean-up to do.
        hooks.exec('ROLLBACK');
        group[0]!.reject(first.error);
        return;
      }
      hooks.exec('COMMIT');
    } catch (error) {
      if (hooks.inTransaction()) hooks.exec('ROLLBACK');
      hooks.discarded('transaction');
      for (const [index, outcome] of outcomes.entries()) group[index]!.reject(outcome.ok ? error : outcome.error);
      return;
    }
    let cleanUp: { error: unknown } | undefined;
    try {
      hooks.afterCommit();
    } catch (error) {
      cleanUp = { error };
    }
    for (const [index, outcome] of outcomes.entries()) {
      if (!outcome.ok) group[index]!.reject(outcome.error);
      else if (cleanUp) group[index]!.reject(cleanUp.error);
      else group[index]!.resolve(outcome.value);
    }
  }
}

import { SqliteStoreError } from './sqlite-store-error';

/** How the queue drives the write connection. */
export interface SqliteCommitHooks<Transaction> {
  /** Opens a write transaction (`BEGIN IMMEDIATE`, waiting for another process's lock). */
  begin(): Promise<void>;
  /** Runs a statement without results on the write connection (`SAVEPOINT`, `COMMIT`, …). */
  exec(sql: string): void;
  /** Whether the write connection is inside a transaction (SQLite ends one itself after some errors). */
  inTransaction(): boolean;
  /**
   * Runs one caller's work on the transaction, marking the transaction open to it meanwhile.
   * @returns what the work returned, and whether it left clean-up for {@link afterCommit} (an erasure)
   */
  run<T>(work: (transaction: Transaction) => Promise<T>): Promise<{ value: T; leftCleanUp: boolean }>;
  /**
   * After each commit: checkpoint bookkeeping and erasure clean-up. It may throw; the data is
   * committed all the same, and only the works that left clean-up are told.
   */
  afterCommit(): void;
  /** The error a work that left clean-up is rejected with when {@link afterCommit} failed. */
  cleanUpFailed(cause: unknown): Error;
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
type Outcome = { ok: true; value: unknown; leftCleanUp: boolean } | { ok: false; error: unknown };

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
    try {
      await this.hooks.begin();
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    const progress = { started: 0 };
    try {
      await this.runWorks(group, outcomes, progress);
      this.commit(group, outcomes);
    } catch (error) {
      this.abandon(group.slice(0, progress.started), outcomes, error);
      this.waiting.unshift(...group.slice(progress.started));
    }
  }

  /**
   * Runs each work of the group in turn, inside its own savepoint unless it is alone.
   * @param progress - counts the works whose turn came, for {@link abandon}
   * @throws when the transaction cannot go on: SQLite ended it, or one of the queue's own statements failed
   */
  private async runWorks(group: ReadonlyArray<Waiting<Transaction>>, outcomes: Outcome[], progress: { started: number }): Promise<void> {
    const hooks = this.hooks;
    const alone = group.length === 1;
    for (let index = 0; index < group.length; index++) {
      const item = group[index]!;
      progress.started = index + 1;
      if (!alone) hooks.exec('SAVEPOINT throughline_work');
      try {
        const { value, leftCleanUp } = await hooks.run(item.work);
        // Pushed before the release: if it fails, the work is known to have run.
        outcomes.push({ ok: true, value, leftCleanUp });
        if (!alone) hooks.exec('RELEASE throughline_work');
      } catch (error) {
        // SQLite ended the whole transaction (a full disk, an I/O error): the writes of those
        // before are gone too. The group is abandoned as when one of the queue's statements fails.
        if (!hooks.inTransaction()) throw error;
        // The work failed, or its release did: either way its writes are rolled back.
        outcomes[index] = { ok: false, error };
        if (!alone) {
          hooks.exec('ROLLBACK TO throughline_work');
          hooks.exec('RELEASE throughline_work');
        }
        hooks.discarded('work');
      }
    }
  }

  /** Commits the group (or rolls back a lone failed work), then settles every caller. */
  private commit(group: ReadonlyArray<Waiting<Transaction>>, outcomes: ReadonlyArray<Outcome>): void {
    const hooks = this.hooks;
    const first = outcomes[0]!;
    if (group.length === 1 && !first.ok) {
      // Nothing to commit, and nothing for the after-commit clean-up to do.
      hooks.exec('ROLLBACK');
      group[0]!.reject(first.error);
      return;
    }
    try {
      hooks.exec('COMMIT');
    } catch (error) {
      this.rollbackQuietly();
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
      // Committed: only a work whose clean-up failed hears of it (the others' writes are as durable as ever).
      else if (cleanUp && outcome.leftCleanUp) group[index]!.reject(hooks.cleanUpFailed(cleanUp.error));
      else group[index]!.resolve(outcome.value);
    }
  }

  /**
   * SQLite ended the transaction, or one of the queue's own statements failed (a savepoint, a
   * release, a rollback): the transaction cannot be trusted, so it is rolled back whole (if still
   * open), and every work whose turn came fails (with its
   * own error when it had one). At least the work at hand fails, so a statement that keeps failing
   * cannot run the queue in circles.
   * @param started - the works whose turn came, in order
   * @param outcomes - how those that finished ended
   * @param error - the statement's error
   */
  private abandon(started: ReadonlyArray<Waiting<Transaction>>, outcomes: ReadonlyArray<Outcome>, error: unknown): void {
    this.rollbackQuietly();
    this.hooks.discarded('transaction');
    for (const [index, item] of started.entries()) {
      const outcome = outcomes[index];
      item.reject(outcome && !outcome.ok ? outcome.error : error);
    }
  }

  /** Rolls back whatever is open; a rollback that fails too leaves the error already being reported as the one that counts. */
  private rollbackQuietly(): void {
    try {
      if (this.hooks.inTransaction()) this.hooks.exec('ROLLBACK');
    } catch {
      // SQLite rolls back by itself when the connection is next used or closed.
    }
  }
}

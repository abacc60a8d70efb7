import { ThroughlineError, type ThroughlineErrorOptions } from '@throughline/core';

/**
 * Why the SQLite store refused to work: `store_schema_too_new`, `store_closed`,
 * `transaction_finished`, or `erasure_cleanup_failed` (an erasure committed, but its remnants are
 * still in the file until the clean-up, tried again after the next transaction, succeeds).
 */
export type SqliteStoreErrorCode = 'store_schema_too_new' | 'store_closed' | 'transaction_finished' | 'erasure_cleanup_failed';

/**
 * An error of the SQLite store itself (database errors from SQLite pass through unchanged).
 *
 * @example
 * ```ts
 * if (error instanceof SqliteStoreError && error.code === 'store_schema_too_new') upgradeThePackage();
 * ```
 */
export class SqliteStoreError extends ThroughlineError {
  /** Stable machine-readable reason. */
  declare readonly code: SqliteStoreErrorCode;

  constructor(code: SqliteStoreErrorCode, message: string, options: ThroughlineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'SqliteStoreError';
  }
}

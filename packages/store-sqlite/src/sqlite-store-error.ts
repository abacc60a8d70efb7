import { ThroughlineError } from '@throughline/core';

/** Why the SQLite store refused to work: `store_schema_too_new`, `store_closed`, `transaction_finished`. */
export type SqliteStoreErrorCode = 'store_schema_too_new' | 'store_closed' | 'transaction_finished';

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

  constructor(code: SqliteStoreErrorCode, message: string) {
    super(code, message);
    this.name = 'SqliteStoreError';
  }
}

import { ThroughlineError } from '@throughline/core';

/** Why the PostgreSQL store refused to work. */
export type PostgresStoreErrorCode = 'store_schema_too_new' | 'store_closed' | 'transaction_finished' | 'invalid_settings';

/**
 * An error of the PostgreSQL store itself (database errors from postgres.js pass through unchanged).
 *
 * @example
 * ```ts
 * if (error instanceof PostgresStoreError && error.code === 'store_schema_too_new') upgradeThePackage();
 * ```
 */
export class PostgresStoreError extends ThroughlineError {
  /** Stable machine-readable reason. */
  declare readonly code: PostgresStoreErrorCode;

  constructor(code: PostgresStoreErrorCode, message: string) {
    super(code, message);
    this.name = 'PostgresStoreError';
  }
}

/**
 * Throughline's durable embedded store: one SQLite file (better-sqlite3, WAL), versioned migrations, atomic ingest transactions.
 * @module @throughline/store-sqlite
 */
export * from '../../packages/store-sqlite/src/index';

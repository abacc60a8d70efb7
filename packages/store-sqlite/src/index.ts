export { type SqliteMigration, migrateSqlite, sqliteMigrations } from './sqlite-migrations';
export { createSqliteStore, type SqliteStoreSettings } from './sqlite-store';
export { SqliteStoreError, type SqliteStoreErrorCode } from './sqlite-store-error';

export { migratePostgres, type PostgresMigration, postgresMigrations } from './postgres-migrations';
export { createPostgresStore, type PostgresStoreSettings } from './postgres-store';
export { PostgresStoreError, type PostgresStoreErrorCode } from './postgres-store-error';

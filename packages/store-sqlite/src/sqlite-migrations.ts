import type { Database } from 'better-sqlite3';
import { SqliteStoreError } from './sqlite-store-error';

/** One step of the schema's history; applied once, in version order, never edited after release. */
export interface SqliteMigration {
  /** Position in the history, from 1; recorded in the `throughline_migrations` table once applied. */
  version: number;
  /** What the step does, for logs and errors. */
  name: string;
  /** The statements the step runs, inside the migration transaction. */
  sql: string;
}

/**
 * The schema's history. Instants are ISO-8601 text compared as text (UTC `Z` instants sort
 * correctly); records are JSON text beside the columns the hot queries filter and sort on.
 */
export const sqliteMigrations: ReadonlyArray<SqliteMigration> = [
  {
    version: 1,
    name: 'timeline',
    sql: `
      CREATE TABLE events (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        case_id TEXT,
        occurred_at TEXT NOT NULL,
        type TEXT NOT NULL,
        channel TEXT,
        body TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      -- A customer's timeline newest first, a case's timeline, a tenant's scan.
      CREATE INDEX events_by_customer ON events (tenant_id, customer_id, occurred_at, id);
      CREATE INDEX events_by_case ON events (tenant_id, case_id, occurred_at, id) WHERE case_id IS NOT NULL;
      CREATE INDEX events_by_time ON events (tenant_id, occurred_at, id);

      CREATE TABLE customers (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        merged_into TEXT,
        body TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX customers_by_survivor ON customers (tenant_id, merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE identities (
        tenant_id TEXT NOT NULL,
        key TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );
      CREATE INDEX identities_by_customer ON identities (tenant_id, customer_id);

      CREATE TABLE cases (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        status TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      -- The open case of a customer: (customer, status) answers it from the index.
      CREATE INDEX cases_by_customer ON cases (tenant_id, customer_id, status);

      CREATE TABLE merges (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        survivor_id TEXT NOT NULL,
        absorbed_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX merges_by_survivor ON merges (tenant_id, survivor_id);
      CREATE INDEX merges_by_absorbed ON merges (tenant_id, absorbed_id);

      CREATE TABLE proposals (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        first_customer_id TEXT NOT NULL,
        second_customer_id TEXT NOT NULL,
        status TEXT NOT NULL,
        proposed_at TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX proposals_by_first ON proposals (tenant_id, first_customer_id);
      CREATE INDEX proposals_by_second ON proposals (tenant_id, second_customer_id);
      CREATE INDEX proposals_by_status ON proposals (tenant_id, status, proposed_at, id);

      -- The idempotency of entity state: the newest version of each order, message, call.
      CREATE TABLE entity_versions (
        tenant_id TEXT NOT NULL,
        key TEXT NOT NULL,
        version REAL NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );

      CREATE TABLE checkpoints (
        tenant_id TEXT NOT NULL,
        adapter_id TEXT NOT NULL,
        stream TEXT NOT NULL,
        cursor TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, adapter_id, stream)
      );

      CREATE TABLE dead_letters (
        id TEXT NOT NULL PRIMARY KEY,
        tenant_id TEXT,
        received_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX dead_letters_by_time ON dead_letters (received_at, id);
      CREATE INDEX dead_letters_by_tenant ON dead_letters (tenant_id, received_at, id);

      -- SLA clocks by due instant, across tenants and per tenant.
      CREATE TABLE sla_timers (
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        due_at TEXT NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX sla_timers_by_due ON sla_timers (due_at, id, tenant_id);
      CREATE INDEX sla_timers_by_tenant_due ON sla_timers (tenant_id, due_at, id);
      CREATE INDEX sla_timers_by_case ON sla_timers (tenant_id, case_id);
    `,
  },
];

/**
 * Brings a database up to the newest schema: every pending migration in one write transaction,
 * so two processes opening the same new file never both migrate it.
 * @param db - the write connection
 * @param migrations - the schema's history (the package's own by default)
 * @returns the schema version now in place
 * @throws SqliteStoreError `store_schema_too_new` when the file was migrated by a newer release
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * const version = migrateSqlite(new Database('support.sqlite')); // the newest schema version
 * ```
 */
export function migrateSqlite(db: Database, migrations: ReadonlyArray<SqliteMigration> = sqliteMigrations): number {
  const latest = migrations.reduce((highest, migration) => Math.max(highest, migration.version), 0);
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('CREATE TABLE IF NOT EXISTS throughline_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const row = db.prepare('SELECT max(version) AS version FROM throughline_migrations').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > latest) {
      throw new SqliteStoreError(
        'store_schema_too_new',
        `The database is at schema version ${current}; this release of @throughline/store-sqlite knows up to ${latest}. Upgrade the package.`,
      );
    }
    const record = db.prepare('INSERT INTO throughline_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    db.exec('COMMIT');
    return Math.max(current, latest);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

import type { Sql } from 'postgres';
import { PostgresStoreError } from './postgres-store-error';
import { writeFunctionSql } from './postgres-write-batch';

/** One step of the schema's history; applied once, in version order, never edited after release. */
export interface PostgresMigration {
  /** Position in the history, from 1; recorded in the schema's migrations table once applied. */
  version: number;
  /** What the step does, for logs and errors. */
  name: string;
  /**
   * The statements, for a schema name already validated and quoted.
   * @param schema - the quoted schema, such as `"throughline"`
   */
  sql: (schema: string) => string;
}

/**
 * The schema's history. Keys and instants are `text COLLATE "C"`, so ordering is byte order, the
 * same as JavaScript string comparison in the memory store (ISO-8601 UTC instants sort correctly);
 * records are JSON text beside the columns the hot queries filter and sort on.
 */
export const postgresMigrations: ReadonlyArray<PostgresMigration> = [
  {
    version: 1,
    name: 'timeline',
    sql: (s) => `
      CREATE TABLE ${s}.events (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        customer_id text COLLATE "C" NOT NULL,
        case_id text COLLATE "C",
        occurred_at text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        channel text COLLATE "C",
        body text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX events_by_customer ON ${s}.events (tenant_id, customer_id, occurred_at, id);
      CREATE INDEX events_by_case ON ${s}.events (tenant_id, case_id, occurred_at, id) WHERE case_id IS NOT NULL;
      CREATE INDEX events_by_time ON ${s}.events (tenant_id, occurred_at, id);

      CREATE TABLE ${s}.customers (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        merged_into text COLLATE "C",
        body text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX customers_by_survivor ON ${s}.customers (tenant_id, merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE ${s}.identities (
        tenant_id text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        customer_id text COLLATE "C" NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );
      CREATE INDEX identities_by_customer ON ${s}.identities (tenant_id, customer_id);

      CREATE TABLE ${s}.cases (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        customer_id text COLLATE "C" NOT NULL,
        status text COLLATE "C" NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX cases_by_customer ON ${s}.cases (tenant_id, customer_id, status);

      CREATE TABLE ${s}.merges (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        survivor_id text COLLATE "C" NOT NULL,
        absorbed_id text COLLATE "C" NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX merges_by_survivor ON ${s}.merges (tenant_id, survivor_id);
      CREATE INDEX merges_by_absorbed ON ${s}.merges (tenant_id, absorbed_id);

      CREATE TABLE ${s}.proposals (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        first_customer_id text COLLATE "C" NOT NULL,
        second_customer_id text COLLATE "C" NOT NULL,
        status text COLLATE "C" NOT NULL,
        proposed_at text COLLATE "C" NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX proposals_by_first ON ${s}.proposals (tenant_id, first_customer_id);
      CREATE INDEX proposals_by_second ON ${s}.proposals (tenant_id, second_customer_id);
      CREATE INDEX proposals_by_status ON ${s}.proposals (tenant_id, status, proposed_at, id);

      CREATE TABLE ${s}.entity_versions (
        tenant_id text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        version double precision NOT NULL,
        event_id text NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );

      CREATE TABLE ${s}.checkpoints (
        tenant_id text COLLATE "C" NOT NULL,
        adapter_id text COLLATE "C" NOT NULL,
        stream text COLLATE "C" NOT NULL,
        cursor text,
        updated_at text NOT NULL,
        PRIMARY KEY (tenant_id, adapter_id, stream)
      );

      CREATE TABLE ${s}.dead_letters (
        id text COLLATE "C" NOT NULL PRIMARY KEY,
        tenant_id text COLLATE "C",
        received_at text COLLATE "C" NOT NULL,
        body text NOT NULL
      );
      CREATE INDEX dead_letters_by_time ON ${s}.dead_letters (received_at, id);
      CREATE INDEX dead_letters_by_tenant ON ${s}.dead_letters (tenant_id, received_at, id);

      CREATE TABLE ${s}.sla_timers (
        tenant_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        case_id text COLLATE "C" NOT NULL,
        due_at text COLLATE "C" NOT NULL,
        event text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX sla_timers_by_due ON ${s}.sla_timers (due_at, id, tenant_id);
      CREATE INDEX sla_timers_by_tenant_due ON ${s}.sla_timers (tenant_id, due_at, id);
      CREATE INDEX sla_timers_by_case ON ${s}.sla_timers (tenant_id, case_id);
    `,
  },
  {
    version: 2,
    name: 'write function',
    // A transaction's puts and deletes in one call, one primary-key statement per row.
    sql: (s) => writeFunctionSql(s),
  },
];

/**
 * Brings a schema up to the newest version in one transaction, under an advisory lock so that
 * instances starting together never migrate twice.
 * @param sql - a postgres.js pool
 * @param schema - the quoted schema name
 * @param migrations - the schema's history (the package's own by default)
 * @returns the schema version now in place
 * @throws PostgresStoreError `store_schema_too_new` when a newer release migrated the schema
 * @example
 * ```ts
 * import postgres from 'postgres';
 * const sql = postgres(process.env.DATABASE_URL!);
 * const version = await migratePostgres(sql, '"support"'); // the newest schema version
 * ```
 */
export async function migratePostgres(sql: Sql, schema: string, migrations: ReadonlyArray<PostgresMigration> = postgresMigrations): Promise<number> {
  const latest = migrations.reduce((highest, migration) => Math.max(highest, migration.version), 0);
  return sql.begin(async (transaction) => {
    await transaction.unsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`throughline:migrate:${schema}`]);
    await transaction.unsafe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await transaction.unsafe(
      `CREATE TABLE IF NOT EXISTS ${schema}.throughline_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const [row] = await transaction.unsafe<Array<{ version: number | null }>>(`SELECT max(version) AS version FROM ${schema}.throughline_migrations`);
    const current = row?.version ?? 0;
    if (current > latest) {
      throw new PostgresStoreError(
        'store_schema_too_new',
        `Schema ${schema} is at version ${current}; this release of @throughline/store-postgres knows up to ${latest}. Upgrade the package.`,
      );
    }
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      await transaction.unsafe(migration.sql(schema));
      await transaction.unsafe(`INSERT INTO ${schema}.throughline_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    return Math.max(current, latest);
  });
}

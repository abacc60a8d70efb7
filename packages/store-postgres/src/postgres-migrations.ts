import type { Sql } from 'postgres';
import { PostgresStoreError } from './postgres-store-error';

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
    // A transaction's puts and deletes in one call, one primary-key statement per row. Frozen as
    // released: a change to the function is a new migration (`CREATE OR REPLACE FUNCTION`), and a
    // test checks that the newest definition is the one `writeFunctionSql` builds.
    sql: (s) => `
      CREATE FUNCTION ${s}.throughline_write(operation text[], c1 text[], c2 text[], c3 text[], c4 text[], c5 text[], c6 text[], c7 text[], c8 text[]) RETURNS void
      LANGUAGE plpgsql AS $write$
      DECLARE
        r record;
      BEGIN
        FOR r IN SELECT * FROM unnest(operation, c1, c2, c3, c4, c5, c6, c7, c8) AS w(operation, c1, c2, c3, c4, c5, c6, c7, c8) LOOP
          CASE r.operation
      WHEN 'put:events' THEN
        UPDATE ${s}.events SET customer_id = r.c3, case_id = r.c4, occurred_at = r.c5, type = r.c6, channel = r.c7, body = r.c8 WHERE tenant_id = r.c1 AND id = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.events (tenant_id, id, customer_id, case_id, occurred_at, type, channel, body) VALUES (r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7, r.c8)
          ON CONFLICT (tenant_id, id) DO UPDATE SET customer_id = excluded.customer_id, case_id = excluded.case_id, occurred_at = excluded.occurred_at, type = excluded.type, channel = excluded.channel, body = excluded.body;
        END IF;
      WHEN 'delete:events' THEN
        DELETE FROM ${s}.events WHERE tenant_id = r.c1 AND id = r.c2;
      WHEN 'put:customers' THEN
        UPDATE ${s}.customers SET merged_into = r.c3, body = r.c4 WHERE tenant_id = r.c1 AND id = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.customers (tenant_id, id, merged_into, body) VALUES (r.c1, r.c2, r.c3, r.c4)
          ON CONFLICT (tenant_id, id) DO UPDATE SET merged_into = excluded.merged_into, body = excluded.body;
        END IF;
      WHEN 'delete:customers' THEN
        DELETE FROM ${s}.customers WHERE tenant_id = r.c1 AND id = r.c2;
      WHEN 'put:identities' THEN
        UPDATE ${s}.identities SET customer_id = r.c3, body = r.c4 WHERE tenant_id = r.c1 AND key = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.identities (tenant_id, key, customer_id, body) VALUES (r.c1, r.c2, r.c3, r.c4)
          ON CONFLICT (tenant_id, key) DO UPDATE SET customer_id = excluded.customer_id, body = excluded.body;
        END IF;
      WHEN 'delete:identities' THEN
        DELETE FROM ${s}.identities WHERE tenant_id = r.c1 AND key = r.c2;
      WHEN 'put:cases' THEN
        UPDATE ${s}.cases SET customer_id = r.c3, status = r.c4, body = r.c5 WHERE tenant_id = r.c1 AND id = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.cases (tenant_id, id, customer_id, status, body) VALUES (r.c1, r.c2, r.c3, r.c4, r.c5)
          ON CONFLICT (tenant_id, id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, body = excluded.body;
        END IF;
      WHEN 'delete:cases' THEN
        DELETE FROM ${s}.cases WHERE tenant_id = r.c1 AND id = r.c2;
      WHEN 'put:merges' THEN
        UPDATE ${s}.merges SET survivor_id = r.c3, absorbed_id = r.c4, body = r.c5 WHERE tenant_id = r.c1 AND id = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.merges (tenant_id, id, survivor_id, absorbed_id, body) VALUES (r.c1, r.c2, r.c3, r.c4, r.c5)
          ON CONFLICT (tenant_id, id) DO UPDATE SET survivor_id = excluded.survivor_id, absorbed_id = excluded.absorbed_id, body = excluded.body;
        END IF;
      WHEN 'delete:merges' THEN
        DELETE FROM ${s}.merges WHERE tenant_id = r.c1 AND id = r.c2;
      WHEN 'put:proposals' THEN
        UPDATE ${s}.proposals SET first_customer_id = r.c3, second_customer_id = r.c4, status = r.c5, proposed_at = r.c6, body = r.c7 WHERE tenant_id = r.c1 AND id = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.proposals (tenant_id, id, first_customer_id, second_customer_id, status, proposed_at, body) VALUES (r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7)
          ON CONFLICT (tenant_id, id) DO UPDATE SET first_customer_id = excluded.first_customer_id, second_customer_id = excluded.second_customer_id, status = excluded.status, proposed_at = excluded.proposed_at, body = excluded.body;
        END IF;
      WHEN 'delete:proposals' THEN
        DELETE FROM ${s}.proposals WHERE tenant_id = r.c1 AND id = r.c2;
      WHEN 'put:sla_timers' THEN
        UPDATE ${s}.sla_timers SET case_id = r.c3, due_at = r.c4, event = r.c5 WHERE tenant_id = r.c1 AND id = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.sla_timers (tenant_id, id, case_id, due_at, event) VALUES (r.c1, r.c2, r.c3, r.c4, r.c5)
          ON CONFLICT (tenant_id, id) DO UPDATE SET case_id = excluded.case_id, due_at = excluded.due_at, event = excluded.event;
        END IF;
      WHEN 'delete:sla_timers' THEN
        DELETE FROM ${s}.sla_timers WHERE tenant_id = r.c1 AND id = r.c2;
      WHEN 'put:entity_versions' THEN
        UPDATE ${s}.entity_versions SET version = r.c3::double precision, event_id = r.c4 WHERE tenant_id = r.c1 AND key = r.c2;
        IF NOT FOUND THEN
          INSERT INTO ${s}.entity_versions (tenant_id, key, version, event_id) VALUES (r.c1, r.c2, r.c3::double precision, r.c4)
          ON CONFLICT (tenant_id, key) DO UPDATE SET version = excluded.version, event_id = excluded.event_id;
        END IF;
      WHEN 'put:checkpoints' THEN
        UPDATE ${s}.checkpoints SET cursor = r.c4, updated_at = r.c5 WHERE tenant_id = r.c1 AND adapter_id = r.c2 AND stream = r.c3;
        IF NOT FOUND THEN
          INSERT INTO ${s}.checkpoints (tenant_id, adapter_id, stream, cursor, updated_at) VALUES (r.c1, r.c2, r.c3, r.c4, r.c5)
          ON CONFLICT (tenant_id, adapter_id, stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at;
        END IF;
      WHEN 'put:dead_letters' THEN
        UPDATE ${s}.dead_letters SET tenant_id = r.c2, received_at = r.c3, body = r.c4 WHERE id = r.c1;
        IF NOT FOUND THEN
          INSERT INTO ${s}.dead_letters (id, tenant_id, received_at, body) VALUES (r.c1, r.c2, r.c3, r.c4)
          ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, received_at = excluded.received_at, body = excluded.body;
        END IF;
          END CASE;
        END LOOP;
      END
      $write$;
    `,
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

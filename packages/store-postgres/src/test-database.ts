import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** The PostgreSQL the tests use (CI sets `postgres://postgres@127.0.0.1:5432/test`); unset skips them. */
export const testDatabaseUrl = process.env.THROUGHLINE_TEST_POSTGRES_URL;

/** Why the PostgreSQL tests did not run, printed once per file. */
export function warnWhenSkipped(file: string): void {
  if (!testDatabaseUrl) console.warn(`${file}: THROUGHLINE_TEST_POSTGRES_URL is not set, so the PostgreSQL tests are skipped.`);
}

/**
 * A schema name unique to this test run.
 * @param label - what it is for
 * @returns the schema name
 */
export function testSchemaName(label: string): string {
  return `tl_test_${label}_${randomBytes(5).toString('hex')}`;
}

/**
 * Drops test (or benchmark) schemas.
 * @param schemas - the schema names
 * @param url - the database (the test database by default)
 */
export async function dropSchemas(schemas: ReadonlyArray<string>, url = testDatabaseUrl): Promise<void> {
  if (!url || schemas.length === 0) return;
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  for (const schema of schemas) await sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await sql.end();
}

/**
 * Empties every table of a test schema (cheaper than a new schema per test).
 * @param schema - the schema name
 */
export async function truncateSchema(schema: string): Promise<void> {
  if (!testDatabaseUrl) return;
  const sql = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  const tables = await sql.unsafe<Array<{ name: string }>>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> 'throughline_migrations'",
    [schema],
  );
  // DELETE, not TRUNCATE: on the few rows a test leaves it is far cheaper than new relation files.
  for (const table of tables) await sql.unsafe(`DELETE FROM "${schema}"."${table.name}"`);
  await sql.end();
}

/**
 * Bytes a schema takes on disk: tables, indexes and TOAST.
 * @param url - the database
 * @param schema - the schema name
 * @returns the size in bytes
 */
export async function schemaSizeBytes(url: string, schema: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const [row] = await sql.unsafe<Array<{ bytes: string | null }>>(
    "SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))::text AS bytes FROM pg_tables WHERE schemaname = $1",
    [schema],
  );
  await sql.end();
  return Number(row?.bytes ?? 0);
}

/**
 * Process ids of the server backends serving the connections that set an application name, so a
 * benchmark on the same machine can read their CPU time (`?application_name=` in the store's URL).
 * @param url - the database
 * @param applicationName - the name the measured connections set
 * @returns the backend pids
 */
export async function backendProcessIds(url: string, applicationName: string): Promise<number[]> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const rows = await sql.unsafe<Array<{ pid: number }>>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [applicationName]);
  await sql.end();
  return rows.map((row) => row.pid);
}

import type { Sql, TransactionSql } from 'postgres';

/** Runs one prepared statement and returns its rows. */
export type PostgresQuery = <Row = Record<string, unknown>>(text: string, parameters?: ReadonlyArray<unknown>) => Promise<Row[]>;

/**
 * Wraps a pool or a transaction as a query function (prepared statements, positional parameters).
 * @param sql - a postgres.js pool or transaction
 * @returns the query function
 */
export function createPostgresQuery(sql: Sql | TransactionSql): PostgresQuery {
  return <Row>(text: string, parameters: ReadonlyArray<unknown> = []) =>
    sql.unsafe(text, parameters as never[], { prepare: true }) as unknown as Promise<Row[]>;
}

/** The schema-qualified, quoted names of the store's tables. */
export interface PostgresTables {
  events: string;
  customers: string;
  identities: string;
  cases: string;
  merges: string;
  proposals: string;
  entityVersions: string;
  checkpoints: string;
  deadLetters: string;
  timers: string;
}

/**
 * Names every table inside a schema.
 * @param schema - the quoted schema name
 * @returns the table names
 */
export function postgresTables(schema: string): PostgresTables {
  return {
    events: `${schema}.events`,
    customers: `${schema}.customers`,
    identities: `${schema}.identities`,
    cases: `${schema}.cases`,
    merges: `${schema}.merges`,
    proposals: `${schema}.proposals`,
    entityVersions: `${schema}.entity_versions`,
    checkpoints: `${schema}.checkpoints`,
    deadLetters: `${schema}.dead_letters`,
    timers: `${schema}.sla_timers`,
  };
}

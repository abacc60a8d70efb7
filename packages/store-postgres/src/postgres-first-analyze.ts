import type { Sql } from 'postgres';

/** Commits after which a schema without planner statistics is analyzed. */
const commitsBeforeAnalyze = 1_000;

/** Analyzes a schema once it holds data, if PostgreSQL has never gathered statistics for it. */
export interface PostgresFirstAnalyze {
  /** Counts a committed transaction; the one that reaches the threshold starts `ANALYZE`. */
  committed(): void;
  /** Resolves when an `ANALYZE` this started has finished (at once when none runs). */
  settled(): Promise<void>;
}

/**
 * Gathers planner statistics for a schema that has none yet. The store's statements are prepared,
 * and PostgreSQL caches a generic plan for each after a few runs: planned while `events` is empty,
 * a lookup by `(tenant_id, id)` can settle on `events_by_time` and scan every event of the tenant,
 * until an `ANALYZE` invalidates the plan. Autovacuum runs one eventually (within about a minute);
 * a store on a fresh schema does not wait for it, since the scans grow with every event stored.
 *
 * @param sql - the store's pool
 * @param schema - the quoted schema name
 * @returns the counter to call after each commit
 */
export async function startPostgresFirstAnalyze(sql: Sql, schema: string): Promise<PostgresFirstAnalyze> {
  const [row] = await sql.unsafe<Array<{ analyzed: boolean }>>(
    `SELECT coalesce(last_analyze, last_autoanalyze) IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relid = '${schema}.events'::regclass`,
  );
  let remaining = row?.analyzed === false ? commitsBeforeAnalyze : 0;
  let running: Promise<void> = Promise.resolve();
  return {
    committed() {
      if (remaining <= 0 || --remaining > 0) return;
      running = sql
        .unsafe(`ANALYZE ${schema}.events, ${schema}.customers, ${schema}.identities, ${schema}.cases, ${schema}.merges, ${schema}.proposals, ${schema}.sla_timers`)
        .then(
          () => undefined,
          // Only an optimisation: autovacuum analyzes the tables anyway.
          () => undefined,
        );
    },
    settled() {
      return running;
    },
  };
}

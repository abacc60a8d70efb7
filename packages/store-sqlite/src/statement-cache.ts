import type { Database, Statement } from 'better-sqlite3';

/** Prepared statements of one connection, prepared once per SQL text and reused. */
export class StatementCache {
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();
  private readonly plucked = new Map<string, Statement<unknown[], unknown>>();

  constructor(readonly db: Database) {}

  /**
   * The prepared statement for this SQL text, returning rows as objects.
   * @param sql - the statement
   * @returns the cached prepared statement
   */
  get(sql: string): Statement<unknown[], unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * The prepared statement for this SQL text, returning the first column of each row only (no row
   * object per row: the hot reads select one JSON `body`).
   * @param sql - a statement selecting one column first
   * @returns the cached prepared statement in pluck mode
   */
  pluck(sql: string): Statement<unknown[], unknown> {
    let statement = this.plucked.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).pluck();
      this.plucked.set(sql, statement);
    }
    return statement;
  }
}

import type { Database, Statement } from 'better-sqlite3';

/** Prepared statements of one connection, prepared once per SQL text and reused. */
export class StatementCache {
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();

  constructor(readonly db: Database) {}

  /**
   * The prepared statement for this SQL text.
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
}

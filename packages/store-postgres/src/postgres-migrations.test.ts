import { describe, expect, it } from 'vitest';
import { postgresMigrations } from './postgres-migrations';
import { writeFunctionSql } from './postgres-write-batch';

const words = (sql: string) => sql.replace(/CREATE OR REPLACE FUNCTION/g, 'CREATE FUNCTION').split(/\s+/).filter(Boolean);

describe('postgresMigrations', () => {
  it('are numbered 1, 2, 3 … with no gap or repeat', () => {
    expect(postgresMigrations.map((migration) => migration.version)).toEqual(postgresMigrations.map((_, index) => index + 1));
  });

  it('leave in place the write function the write batch calls (a change to it needs a new migration)', () => {
    const defining = postgresMigrations.filter((migration) => migration.sql('"s"').includes('"s".throughline_write('));
    const newest = defining.at(-1)!;
    expect(newest).toBeDefined();
    expect(words(newest.sql('"s"'))).toEqual(words(writeFunctionSql('"s"')));
  });
});

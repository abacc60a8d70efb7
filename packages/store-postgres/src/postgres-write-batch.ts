/** A table the write function puts rows into: its key columns, then the other columns, in parameter order. */
interface WriteTarget {
  keys: ReadonlyArray<string>;
  columns: ReadonlyArray<string>;
  /** SQL types of columns that are not text. */
  casts?: Readonly<Record<string, string>>;
  /** Whether rows are deleted by (tenant_id, second key column). */
  deletable: boolean;
}

/** Every table written through the batch, by name. At most eight columns each (the function's `c1` … `c8`). */
const writeTargets = {
  events: { keys: ['tenant_id', 'id'], columns: ['customer_id', 'case_id', 'occurred_at', 'type', 'channel', 'body'], deletable: true },
  customers: { keys: ['tenant_id', 'id'], columns: ['merged_into', 'body'], deletable: true },
  identities: { keys: ['tenant_id', 'key'], columns: ['customer_id', 'body'], deletable: true },
  cases: { keys: ['tenant_id', 'id'], columns: ['customer_id', 'status', 'body'], deletable: true },
  merges: { keys: ['tenant_id', 'id'], columns: ['survivor_id', 'absorbed_id', 'body'], deletable: true },
  proposals: { keys: ['tenant_id', 'id'], columns: ['first_customer_id', 'second_customer_id', 'status', 'proposed_at', 'body'], deletable: true },
  sla_timers: { keys: ['tenant_id', 'id'], columns: ['case_id', 'due_at', 'event'], deletable: true },
  entity_versions: { keys: ['tenant_id', 'key'], columns: ['version', 'event_id'], casts: { version: 'double precision' }, deletable: false },
  checkpoints: { keys: ['tenant_id', 'adapter_id', 'stream'], columns: ['cursor', 'updated_at'], deletable: false },
  dead_letters: { keys: ['id'], columns: ['tenant_id', 'received_at', 'body'], deletable: false },
} as const satisfies Record<string, WriteTarget>;

/** A table the batch writes. */
export type WriteTable = keyof typeof writeTargets;

/** A table the batch deletes from by (tenant, key). */
export type DeletableTable = { [Name in WriteTable]: (typeof writeTargets)[Name]['deletable'] extends true ? Name : never }[WriteTable];

const fieldCount = 8;

function putStatement(schema: string, table: string, target: WriteTarget): string {
  const names = [...target.keys, ...target.columns];
  const value = (name: string) => {
    const field = `r.c${names.indexOf(name) + 1}`;
    const cast = target.casts?.[name];
    return cast ? `${field}::${cast}` : field;
  };
  const matches = target.keys.map((key) => `${key} = ${value(key)}`).join(' AND ');
  return `
      UPDATE ${schema}.${table} SET ${target.columns.map((name) => `${name} = ${value(name)}`).join(', ')} WHERE ${matches};
      IF NOT FOUND THEN
        INSERT INTO ${schema}.${table} (${names.join(', ')}) VALUES (${names.map(value).join(', ')})
        ON CONFLICT (${target.keys.join(', ')}) DO UPDATE SET ${target.columns.map((name) => `${name} = excluded.${name}`).join(', ')};
      END IF;`;
}

/**
 * The SQL creating the write function the batch calls (migrations hold it as released; a test
 * checks the newest of them against this): it applies a batch of puts and deletes in order,
 * one row each. A put UPDATEs the row this transaction can see (a concurrent update or delete of it
 * is a serialization failure) and INSERTs only when there is none (a concurrent insert of the same
 * key is a serialization failure too, at REPEATABLE READ): a plain `INSERT … ON CONFLICT` would
 * silently bring back a record another instance deleted meanwhile. Every statement is a primary-key
 * lookup, whatever the plan cache decides, and the batch is one round trip.
 * @param schema - the quoted schema
 * @returns the `CREATE FUNCTION` statement
 */
export function writeFunctionSql(schema: string): string {
  const fields = Array.from({ length: fieldCount }, (_, index) => `c${index + 1}`);
  const branches = Object.entries(writeTargets as Record<string, WriteTarget>).flatMap(([table, target]) => [
    `    WHEN 'put:${table}' THEN${putStatement(schema, table, target)}`,
    ...(target.deletable ? [`    WHEN 'delete:${table}' THEN\n      DELETE FROM ${schema}.${table} WHERE tenant_id = r.c1 AND ${target.keys[1]} = r.c2;`] : []),
  ]);
  return `
    CREATE FUNCTION ${schema}.throughline_write(operation text[], ${fields.map((field) => `${field} text[]`).join(', ')}) RETURNS void
    LANGUAGE plpgsql AS $write$
    DECLARE
      r record;
    BEGIN
      FOR r IN SELECT * FROM unnest(operation, ${fields.join(', ')}) AS w(operation, ${fields.join(', ')}) LOOP
        CASE r.operation
${branches.join('\n')}
        END CASE;
      END LOOP;
    END
    $write$;`;
}

/**
 * The statement that sends a batch to the write function.
 * @param schema - the quoted schema
 * @returns the SQL, taking the batch's nine arrays as `$1` … `$9`
 */
export function writeBatchSql(schema: string): string {
  return `SELECT ${schema}.throughline_write($1::text[], ${Array.from({ length: fieldCount }, (_, index) => `$${index + 2}::text[]`).join(', ')})`;
}

/**
 * Writes of one transaction waiting to be sent: kept in call order as rows of nine parallel text
 * arrays (the operation, then up to eight fields), so a whole ingest's writes travel as one
 * statement instead of one per table.
 */
export class PostgresWriteBatch {
  private operations: string[] = [];
  private fields: Array<Array<string | null>> = Array.from({ length: fieldCount }, () => []);

  /**
   * @param beforeWrite - called with the table before each row joins the batch (reads issued
   *   before the write, still waiting to be sent, go out first)
   */
  constructor(private readonly beforeWrite: (table: WriteTable) => void) {}

  /** How many rows wait. */
  get size(): number {
    return this.operations.length;
  }

  /**
   * Adds a row to put (insert or update).
   * @param table - the table
   * @param values - the key columns, then the other columns, in the order of the table's columns
   */
  put(table: WriteTable, values: ReadonlyArray<string | number | null>): void {
    this.beforeWrite(table);
    this.add(`put:${table}`, values);
  }

  /**
   * Adds rows to delete.
   * @param table - the table
   * @param tenantId - their tenant
   * @param keys - their ids (or keys)
   */
  delete(table: DeletableTable, tenantId: string, keys: ReadonlyArray<string>): void {
    if (keys.length === 0) return;
    this.beforeWrite(table);
    for (const key of keys) this.add(`delete:${table}`, [tenantId, key]);
  }

  /**
   * Empties the batch.
   * @returns the parameters of {@link writeBatchSql} for the rows it held
   */
  take(): Array<Array<string | null>> {
    const parameters = [this.operations, ...this.fields];
    this.operations = [];
    this.fields = Array.from({ length: fieldCount }, () => []);
    return parameters;
  }

  private add(operation: string, values: ReadonlyArray<string | number | null>): void {
    this.operations.push(operation);
    for (let index = 0; index < fieldCount; index++) {
      const value = values[index];
      this.fields[index]!.push(value === undefined || value === null ? null : typeof value === 'number' ? String(value) : value);
    }
  }
}

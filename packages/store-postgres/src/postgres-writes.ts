import type { StoreWriter } from '@throughline/core';
import { erasePostgresCustomer, erasePostgresTenant } from './postgres-erasure';
import type { PostgresQuery, PostgresTables } from './postgres-query';
import { timerOfRow } from './postgres-reads';

/**
 * Keeps the last record per key, sorted by key: one row per key in a batch (an upsert cannot touch
 * a row twice), and rows locked in one order by every instance (fewer deadlocks).
 */
function lastPerKey<T>(records: ReadonlyArray<T>, key: (record: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) byKey.set(key(record), record);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
}

/** Rows as one JSON parameter, expanded by `json_to_recordset`: one round trip per batch, nulls intact. */
const rowsParameter = (rows: ReadonlyArray<Record<string, unknown>>) => JSON.stringify(rows);

/**
 * The SQL of a batched upsert that lets PostgreSQL see every race with another instance: rows this
 * transaction can see are UPDATEd (a concurrent update or delete of them is a serialization
 * failure), the others INSERTed (a concurrent insert of the same key is a serialization failure
 * too, at REPEATABLE READ). A plain `INSERT … ON CONFLICT` would silently bring back a record
 * another instance deleted meanwhile.
 * @param table - the quoted table
 * @param keys - the primary-key columns
 * @param columns - every column with its SQL type, keys included
 * @returns the statement, taking the rows as `$1` (JSON text)
 */
export function upsertSql(table: string, keys: ReadonlyArray<string>, columns: ReadonlyArray<readonly [string, string]>): string {
  const names = columns.map(([name]) => name);
  const values = names.filter((name) => !keys.includes(name));
  const matches = (left: string, right: string) => keys.map((key) => `${left}.${key} = ${right}.${key}`).join(' AND ');
  return `WITH input AS (
      SELECT * FROM json_to_recordset($1::text::json) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})
    ), updated AS (
      UPDATE ${table} AS target SET ${values.map((name) => `${name} = input.${name}`).join(', ')}
      FROM input WHERE ${matches('target', 'input')}
      RETURNING ${keys.map((key) => `target.${key}`).join(', ')}
    )
    INSERT INTO ${table} (${names.join(', ')})
    SELECT ${names.join(', ')} FROM input WHERE NOT EXISTS (SELECT 1 FROM updated WHERE ${matches('updated', 'input')})
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${values.map((name) => `${name} = excluded.${name}`).join(', ')}`;
}

/**
 * Creates every write of the store inside one PostgreSQL transaction. Puts are batched upserts on
 * primary keys, so the same record written by two instances is stored once.
 * @param query - runs a statement inside the transaction and waits for its rows
 * @param send - sends a statement whose rows nobody needs without waiting (writes and locks are
 *   pipelined: the connection runs statements in order, so later reads still see them)
 * @param tables - the schema's table names
 * @returns the writes
 */
export function createPostgresWriter(query: PostgresQuery, send: PostgresQuery, tables: PostgresTables): StoreWriter {
  const t = tables;
  const sqlOf = {
    events: upsertSql(t.events, ['tenant_id', 'id'], [['tenant_id', 'text'], ['id', 'text'], ['customer_id', 'text'], ['case_id', 'text'], ['occurred_at', 'text'], ['type', 'text'], ['channel', 'text'], ['body', 'text']]),
    customers: upsertSql(t.customers, ['tenant_id', 'id'], [['tenant_id', 'text'], ['id', 'text'], ['merged_into', 'text'], ['body', 'text']]),
    identities: upsertSql(t.identities, ['tenant_id', 'key'], [['tenant_id', 'text'], ['key', 'text'], ['customer_id', 'text'], ['body', 'text']]),
    cases: upsertSql(t.cases, ['tenant_id', 'id'], [['tenant_id', 'text'], ['id', 'text'], ['customer_id', 'text'], ['status', 'text'], ['body', 'text']]),
    merges: upsertSql(t.merges, ['tenant_id', 'id'], [['tenant_id', 'text'], ['id', 'text'], ['survivor_id', 'text'], ['absorbed_id', 'text'], ['body', 'text']]),
    proposals: upsertSql(t.proposals, ['tenant_id', 'id'], [['tenant_id', 'text'], ['id', 'text'], ['first_customer_id', 'text'], ['second_customer_id', 'text'], ['status', 'text'], ['proposed_at', 'text'], ['body', 'text']]),
    timers: upsertSql(t.timers, ['tenant_id', 'id'], [['tenant_id', 'text'], ['id', 'text'], ['case_id', 'text'], ['due_at', 'text'], ['event', 'text']]),
    entityVersion: upsertSql(t.entityVersions, ['tenant_id', 'key'], [['tenant_id', 'text'], ['key', 'text'], ['version', 'double precision'], ['event_id', 'text']]),
    checkpoint: upsertSql(t.checkpoints, ['tenant_id', 'adapter_id', 'stream'], [['tenant_id', 'text'], ['adapter_id', 'text'], ['stream', 'text'], ['cursor', 'text'], ['updated_at', 'text']]),
    deadLetter: upsertSql(t.deadLetters, ['id'], [['id', 'text'], ['tenant_id', 'text'], ['received_at', 'text'], ['body', 'text']]),
  } as const;
  const deleteKeys = (table: string, column: string) => async (tenantId: string, keys: ReadonlyArray<string>) => {
    if (keys.length > 0) await send(`DELETE FROM ${table} WHERE tenant_id = $1 AND ${column} = ANY($2::text[])`, [tenantId, [...keys]]);
  };

  return {
    async putEvents(events) {
      if (events.length === 0) return;
      const rows = lastPerKey(events, (event) => `${event.tenantId}\u0000${event.id}`).map((event) => ({
        tenant_id: event.tenantId,
        id: event.id,
        customer_id: event.customerId,
        case_id: event.caseId,
        occurred_at: event.occurredAt,
        type: event.type,
        channel: event.channel,
        body: JSON.stringify(event),
      }));
      await send(sqlOf.events, [rowsParameter(rows)]);
    },
    deleteEvents: deleteKeys(t.events, 'id'),
    async putCustomers(customers) {
      if (customers.length === 0) return;
      const rows = lastPerKey(customers, (customer) => `${customer.tenantId}\u0000${customer.id}`).map((customer) => ({
        tenant_id: customer.tenantId,
        id: customer.id,
        merged_into: customer.mergedInto,
        body: JSON.stringify(customer),
      }));
      await send(sqlOf.customers, [rowsParameter(rows)]);
    },
    deleteCustomers: deleteKeys(t.customers, 'id'),
    async putIdentities(identities) {
      if (identities.length === 0) return;
      const rows = lastPerKey(identities, (identity) => `${identity.tenantId}\u0000${identity.key}`).map((identity) => ({
        tenant_id: identity.tenantId,
        key: identity.key,
        customer_id: identity.customerId,
        body: JSON.stringify(identity),
      }));
      await send(sqlOf.identities, [rowsParameter(rows)]);
    },
    deleteIdentities: deleteKeys(t.identities, 'key'),
    async putCases(cases) {
      if (cases.length === 0) return;
      const rows = lastPerKey(cases, (supportCase) => `${supportCase.tenantId}\u0000${supportCase.id}`).map((supportCase) => ({
        tenant_id: supportCase.tenantId,
        id: supportCase.id,
        customer_id: supportCase.customerId,
        status: supportCase.status,
        body: JSON.stringify(supportCase),
      }));
      await send(sqlOf.cases, [rowsParameter(rows)]);
    },
    deleteCases: deleteKeys(t.cases, 'id'),
    async putMerges(merges) {
      if (merges.length === 0) return;
      const rows = lastPerKey(merges, (merge) => `${merge.tenantId}\u0000${merge.id}`).map((merge) => ({
        tenant_id: merge.tenantId,
        id: merge.id,
        survivor_id: merge.survivorId,
        absorbed_id: merge.absorbedId,
        body: JSON.stringify(merge),
      }));
      await send(sqlOf.merges, [rowsParameter(rows)]);
    },
    deleteMerges: deleteKeys(t.merges, 'id'),
    async putProposals(proposals) {
      if (proposals.length === 0) return;
      const rows = lastPerKey(proposals, (proposal) => `${proposal.tenantId}\u0000${proposal.id}`).map((proposal) => ({
        tenant_id: proposal.tenantId,
        id: proposal.id,
        first_customer_id: proposal.customerIds[0],
        second_customer_id: proposal.customerIds[1],
        status: proposal.status,
        proposed_at: proposal.proposedAt,
        body: JSON.stringify(proposal),
      }));
      await send(sqlOf.proposals, [rowsParameter(rows)]);
    },
    deleteProposals: deleteKeys(t.proposals, 'id'),
    async putEntityVersion(version) {
      await send(sqlOf.entityVersion, [rowsParameter([{ tenant_id: version.tenantId, key: version.key, version: version.version, event_id: version.eventId }])]);
    },
    async putCheckpoint(checkpoint) {
      const row = { tenant_id: checkpoint.tenantId, adapter_id: checkpoint.adapterId, stream: checkpoint.stream, cursor: checkpoint.cursor, updated_at: checkpoint.updatedAt };
      await send(sqlOf.checkpoint, [rowsParameter([row])]);
    },
    async putDeadLetter(letter) {
      await send(sqlOf.deadLetter, [rowsParameter([{ id: letter.id, tenant_id: letter.tenantId, received_at: letter.receivedAt, body: JSON.stringify(letter) }])]);
    },
    async putTimers(timers) {
      if (timers.length === 0) return;
      const rows = lastPerKey(timers, (timer) => `${timer.tenantId}\u0000${timer.id}`).map((timer) => ({
        tenant_id: timer.tenantId,
        id: timer.id,
        case_id: timer.caseId,
        due_at: timer.dueAt,
        event: JSON.stringify(timer.event),
      }));
      await send(sqlOf.timers, [rowsParameter(rows)]);
    },
    deleteTimers: deleteKeys(t.timers, 'id'),
    async lockKeys(tenantId, keys) {
      if (keys.length === 0) return;
      // Sorted, so two instances locking overlapping keys take them in the same order.
      await send(
        `SELECT pg_advisory_xact_lock(hashtextextended($1 || chr(31) || key, 0))
         FROM (SELECT DISTINCT key FROM unnest($2::text[]) AS key ORDER BY key) AS sorted`,
        [tenantId, [...keys]],
      );
    },
    async claimDueTimers(tenantId, until, limit) {
      // Rows another instance is claiming are skipped, not waited for: each timer fires on one instance.
      const rows = await query<{ tenant_id: string; id: string; case_id: string; due_at: string; event: string }>(
        `WITH due AS (
           SELECT tenant_id, id FROM ${t.timers}
           WHERE due_at <= $1 AND ($2::text IS NULL OR tenant_id = $2)
           ORDER BY due_at, id, tenant_id LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         DELETE FROM ${t.timers} AS timer USING due WHERE timer.tenant_id = due.tenant_id AND timer.id = due.id
         RETURNING timer.tenant_id, timer.id, timer.case_id, timer.due_at, timer.event`,
        [until, tenantId, limit],
      );
      return rows
        .map(timerOfRow)
        .sort((a, b) => (a.dueAt !== b.dueAt ? (a.dueAt < b.dueAt ? -1 : 1) : a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.tenantId < b.tenantId ? -1 : 1));
    },
    async eraseCustomer(tenantId, customerId) {
      await erasePostgresCustomer(query, tables, tenantId, customerId);
    },
    async eraseTenant(tenantId) {
      await erasePostgresTenant(query, tables, tenantId);
    },
  };
}

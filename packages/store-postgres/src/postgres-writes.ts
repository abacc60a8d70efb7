import type { StoreWriter } from '@throughline/core';
import { erasePostgresCustomer, erasePostgresTenant } from './postgres-erasure';
import type { PostgresQuery, PostgresTables } from './postgres-query';
import type { DeletableTable, PostgresWriteBatch } from './postgres-write-batch';
import { timerOfRow } from './postgres-reads';

/**
 * Keeps the last record per key, sorted by key: one row per key, locked in one order by every
 * instance (fewer deadlocks).
 */
function lastPerKey<T>(records: ReadonlyArray<T>, key: (record: T) => string): ReadonlyArray<T> {
  if (records.length < 2) return records;
  const byKey = new Map<string, T>();
  for (const record of records) byKey.set(key(record), record);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
}

/**
 * Creates every write of the store inside one PostgreSQL transaction. Puts and deletes join the
 * transaction's write batch, sent as one statement before the next read and before COMMIT; the
 * same record written by two instances is stored once (primary keys), and the rows of one put are
 * sorted by key, so every instance locks them in the same order (fewer deadlocks).
 * @param query - runs a statement inside the transaction (sending the batch first) and waits for its rows
 * @param send - sends a statement whose rows nobody needs without waiting (locks are pipelined:
 *   the connection runs statements in order, so later reads still come after them)
 * @param batch - the transaction's pending writes
 * @param tables - the schema's table names
 * @returns the writes
 */
export function createPostgresWriter(query: PostgresQuery, send: PostgresQuery, batch: PostgresWriteBatch, tables: PostgresTables): StoreWriter {
  const t = tables;
  const deleteKeys = (table: DeletableTable) => async (tenantId: string, keys: ReadonlyArray<string>) => {
    batch.delete(table, tenantId, keys);
  };

  return {
    async putEvents(events) {
      for (const event of lastPerKey(events, (event) => `${event.tenantId}\u0000${event.id}`)) {
        batch.put('events', [event.tenantId, event.id, event.customerId, event.caseId, event.occurredAt, event.type, event.channel, JSON.stringify(event)]);
      }
    },
    deleteEvents: deleteKeys('events'),
    async putCustomers(customers) {
      for (const customer of lastPerKey(customers, (customer) => `${customer.tenantId}\u0000${customer.id}`)) {
        batch.put('customers', [customer.tenantId, customer.id, customer.mergedInto, JSON.stringify(customer)]);
      }
    },
    deleteCustomers: deleteKeys('customers'),
    async putIdentities(identities) {
      for (const identity of lastPerKey(identities, (identity) => `${identity.tenantId}\u0000${identity.key}`)) {
        batch.put('identities', [identity.tenantId, identity.key, identity.customerId, JSON.stringify(identity)]);
      }
    },
    deleteIdentities: deleteKeys('identities'),
    async putCases(cases) {
      for (const supportCase of lastPerKey(cases, (supportCase) => `${supportCase.tenantId}\u0000${supportCase.id}`)) {
        batch.put('cases', [supportCase.tenantId, supportCase.id, supportCase.customerId, supportCase.status, JSON.stringify(supportCase)]);
      }
    },
    deleteCases: deleteKeys('cases'),
    async putMerges(merges) {
      for (const merge of lastPerKey(merges, (merge) => `${merge.tenantId}\u0000${merge.id}`)) {
        batch.put('merges', [merge.tenantId, merge.id, merge.survivorId, merge.absorbedId, JSON.stringify(merge)]);
      }
    },
    deleteMerges: deleteKeys('merges'),
    async putProposals(proposals) {
      for (const proposal of lastPerKey(proposals, (proposal) => `${proposal.tenantId}\u0000${proposal.id}`)) {
        const [first, second] = proposal.customerIds;
        batch.put('proposals', [proposal.tenantId, proposal.id, first, second, proposal.status, proposal.proposedAt, JSON.stringify(proposal)]);
      }
    },
    deleteProposals: deleteKeys('proposals'),
    async putEntityVersion(version) {
      batch.put('entity_versions', [version.tenantId, version.key, version.version, version.eventId]);
    },
    async putCheckpoint(checkpoint) {
      batch.put('checkpoints', [checkpoint.tenantId, checkpoint.adapterId, checkpoint.stream, checkpoint.cursor, checkpoint.updatedAt]);
    },
    async putDeadLetter(letter) {
      batch.put('dead_letters', [letter.id, letter.tenantId, letter.receivedAt, JSON.stringify(letter)]);
    },
    async putTimers(timers) {
      for (const timer of lastPerKey(timers, (timer) => `${timer.tenantId}\u0000${timer.id}`)) {
        batch.put('sla_timers', [timer.tenantId, timer.id, timer.caseId, timer.dueAt, JSON.stringify(timer.event)]);
      }
    },
    deleteTimers: deleteKeys('sla_timers'),
    async lockKeys(tenantId, keys) {
      if (keys.length === 0) return;
      // Sorted, so two instances locking overlapping keys take them in the same order.
      const locks = [...new Set(keys)].sort().map((key) => `${tenantId}\u001f${key}`);
      if (locks.length === 1) await send('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', locks);
      else await send('SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest($1::text[]) AS key', [locks]);
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

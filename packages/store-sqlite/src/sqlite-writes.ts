import type { StoreWriter } from '@throughline/core';
import { selectDueTimers } from './sqlite-reads';
import { eraseSqliteCustomer, eraseSqliteTenant } from './sqlite-erasure';
import type { StatementCache } from './statement-cache';
import type { SqliteWrittenEvents } from './sqlite-written-events';

const list = (values: ReadonlyArray<string>) => JSON.stringify(values);

/**
 * Creates every write of the store over the write connection. Each runs inside the transaction
 * the store opened (`BEGIN IMMEDIATE`); none commits on its own.
 * @param statements - the write connection's statement cache
 * @param onErase - called when an erasure ran, so the store can truncate the write-ahead log after commit
 * @param written - the event objects written lately, kept in step with every event write
 * @returns the writes
 */
export function createSqliteWriter(statements: StatementCache, onErase: () => void, written: SqliteWrittenEvents): StoreWriter {
  const run = (sql: string, ...parameters: unknown[]) => statements.get(sql).run(...parameters);
  const deleteKeys = (table: string, column: string) => {
    const one = `DELETE FROM ${table} WHERE tenant_id = ? AND ${column} = ?`;
    const many = `DELETE FROM ${table} WHERE tenant_id = ? AND ${column} IN (SELECT value FROM json_each(?))`;
    return (tenantId: string, keys: ReadonlyArray<string>) => {
      if (keys.length === 1) run(one, tenantId, keys[0]);
      else if (keys.length > 1) run(many, tenantId, list(keys));
      return Promise.resolve();
    };
  };

  const deleteEvents = deleteKeys('events', 'id');

  return {
    async putEvents(events) {
      if (events.length === 0) return;
      const upsert = statements.get(
        `INSERT INTO events (tenant_id, id, customer_id, case_id, occurred_at, type, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET customer_id = excluded.customer_id, case_id = excluded.case_id,
           occurred_at = excluded.occurred_at, type = excluded.type, channel = excluded.channel, body = excluded.body`,
      );
      for (const event of events) {
        upsert.run(event.tenantId, event.id, event.customerId, event.caseId, event.occurredAt, event.type, event.channel, JSON.stringify(event));
        // Row by row: if a later row fails and the work carries on, the rows written are known as written.
        written.remember(event);
      }
    },
    async deleteEvents(tenantId, ids) {
      await deleteEvents(tenantId, ids);
      written.forget(tenantId, ids);
    },
    async putCustomers(customers) {
      if (customers.length === 0) return;
      const upsert = statements.get(
        `INSERT INTO customers (tenant_id, id, merged_into, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET merged_into = excluded.merged_into, body = excluded.body`,
      );
      for (const customer of customers) upsert.run(customer.tenantId, customer.id, customer.mergedInto, JSON.stringify(customer));
    },
    deleteCustomers: deleteKeys('customers', 'id'),
    async putIdentities(identities) {
      if (identities.length === 0) return;
      // Most puts re-save an identity of the same customer: rewriting the body alone leaves the
      // customer index untouched (SQLite rewrites the entries of every index on an updated column).
      const update = statements.get('UPDATE identities SET body = ? WHERE tenant_id = ? AND key = ? AND customer_id = ?');
      const upsert = statements.get(
        `INSERT INTO identities (tenant_id, key, customer_id, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, key) DO UPDATE SET customer_id = excluded.customer_id, body = excluded.body`,
      );
      for (const identity of identities) {
        const body = JSON.stringify(identity);
        if (update.run(body, identity.tenantId, identity.key, identity.customerId).changes === 0) upsert.run(identity.tenantId, identity.key, identity.customerId, body);
      }
    },
    deleteIdentities: deleteKeys('identities', 'key'),
    async putCases(cases) {
      if (cases.length === 0) return;
      // As for identities: a case that keeps its customer and status is rewritten without touching its index.
      const update = statements.get('UPDATE cases SET body = ? WHERE tenant_id = ? AND id = ? AND customer_id = ? AND status = ?');
      const upsert = statements.get(
        `INSERT INTO cases (tenant_id, id, customer_id, status, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, body = excluded.body`,
      );
      for (const supportCase of cases) {
        const body = JSON.stringify(supportCase);
        if (update.run(body, supportCase.tenantId, supportCase.id, supportCase.customerId, supportCase.status).changes === 0) {
          upsert.run(supportCase.tenantId, supportCase.id, supportCase.customerId, supportCase.status, body);
        }
      }
    },
    deleteCases: deleteKeys('cases', 'id'),
    async putMerges(merges) {
      if (merges.length === 0) return;
      const upsert = statements.get(
        `INSERT INTO merges (tenant_id, id, survivor_id, absorbed_id, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET survivor_id = excluded.survivor_id, absorbed_id = excluded.absorbed_id, body = excluded.body`,
      );
      for (const merge of merges) upsert.run(merge.tenantId, merge.id, merge.survivorId, merge.absorbedId, JSON.stringify(merge));
    },
    deleteMerges: deleteKeys('merges', 'id'),
    async putProposals(proposals) {
      if (proposals.length === 0) return;
      const upsert = statements.get(
        `INSERT INTO proposals (tenant_id, id, first_customer_id, second_customer_id, status, proposed_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET first_customer_id = excluded.first_customer_id,
           second_customer_id = excluded.second_customer_id, status = excluded.status, proposed_at = excluded.proposed_at, body = excluded.body`,
      );
      for (const proposal of proposals) {
        const [first, second] = proposal.customerIds;
        upsert.run(proposal.tenantId, proposal.id, first, second, proposal.status, proposal.proposedAt, JSON.stringify(proposal));
      }
    },
    deleteProposals: deleteKeys('proposals', 'id'),
    async putEntityVersion(version) {
      run(
        `INSERT INTO entity_versions (tenant_id, key, version, event_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, key) DO UPDATE SET version = excluded.version, event_id = excluded.event_id`,
        version.tenantId,
        version.key,
        version.version,
        version.eventId,
      );
    },
    async putCheckpoint(checkpoint) {
      run(
        `INSERT INTO checkpoints (tenant_id, adapter_id, stream, cursor, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, adapter_id, stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
        checkpoint.tenantId,
        checkpoint.adapterId,
        checkpoint.stream,
        checkpoint.cursor,
        checkpoint.updatedAt,
      );
    },
    async putDeadLetter(letter) {
      run(
        `INSERT INTO dead_letters (id, tenant_id, received_at, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, received_at = excluded.received_at, body = excluded.body`,
        letter.id,
        letter.tenantId,
        letter.receivedAt,
        JSON.stringify(letter),
      );
    },
    async putTimers(timers) {
      if (timers.length === 0) return;
      const upsert = statements.get(
        `INSERT INTO sla_timers (tenant_id, id, case_id, due_at, event) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET case_id = excluded.case_id, due_at = excluded.due_at, event = excluded.event`,
      );
      for (const timer of timers) upsert.run(timer.tenantId, timer.id, timer.caseId, timer.dueAt, JSON.stringify(timer.event));
    },
    deleteTimers: deleteKeys('sla_timers', 'id'),
    async lockKeys() {
      // Transactions hold SQLite's single write lock (BEGIN IMMEDIATE): they are already serial.
    },
    async claimDueTimers(tenantId, until, limit) {
      // The write lock is held, so no other process can claim between this read and the delete.
      const due = selectDueTimers(statements, tenantId, until, limit);
      const remove = statements.get('DELETE FROM sla_timers WHERE tenant_id = ? AND id = ?');
      for (const timer of due) remove.run(timer.tenantId, timer.id);
      return due;
    },
    async eraseCustomer(tenantId, customerId) {
      written.forgetAll();
      eraseSqliteCustomer(statements, tenantId, customerId);
      onErase();
    },
    async eraseTenant(tenantId) {
      written.forgetAll();
      eraseSqliteTenant(statements, tenantId);
      onErase();
    },
  };
}

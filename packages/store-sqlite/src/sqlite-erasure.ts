import { type Customer, type CustomerMerge, eraseEventPersonalData, eraseMergeIdentities, eraseProposalIdentity, type MergeProposal, personalValues, type SupportCase, type TimelineEvent } from '@throughline/core';
import type { StatementCache } from './statement-cache';

type Row = { id: string; body: string };

/** Tables erased with their tenant; dead letters go by their own `tenant_id` too. */
const tenantTables = ['events', 'customers', 'identities', 'cases', 'merges', 'proposals', 'entity_versions', 'checkpoints', 'dead_letters', 'sla_timers'];

/**
 * Erases a customer's personal data (and that of customers merged into it) from every table:
 * event bodies, identities, profile, case subjects, the identity keys merges and proposals
 * remembered, the events pending SLA timers will append, and dead letters naming the person.
 * Ids, types and times stay, so idempotency and metrics still hold.
 * @param statements - the write connection's statement cache (inside a transaction)
 * @param tenantId - the tenant
 * @param customerId - the customer
 */
export function eraseSqliteCustomer(statements: StatementCache, tenantId: string, customerId: string): void {
  const all = (sql: string, ...parameters: unknown[]) => statements.get(sql).all(...parameters) as Row[];
  const run = (sql: string, ...parameters: unknown[]) => statements.get(sql).run(...parameters);
  const absorbed = all('SELECT id, body FROM customers WHERE tenant_id = ? AND merged_into = ?', tenantId, customerId);
  const ids = JSON.stringify([customerId, ...absorbed.map((row) => row.id)]);
  const inIds = 'IN (SELECT value FROM json_each(?))';

  const eventRows = all(`SELECT id, body FROM events WHERE tenant_id = ? AND customer_id ${inIds}`, tenantId, ids);
  const events = eventRows.map((row) => JSON.parse(row.body) as TimelineEvent);
  const identityKeys = all(`SELECT key AS id, body FROM identities WHERE tenant_id = ? AND customer_id ${inIds}`, tenantId, ids).map((row) => row.id);
  const values = personalValues(identityKeys, events);

  const updateEvent = statements.get('UPDATE events SET body = ? WHERE tenant_id = ? AND id = ?');
  for (const event of events) updateEvent.run(JSON.stringify(eraseEventPersonalData(event)), tenantId, event.id);
  run(`DELETE FROM identities WHERE tenant_id = ? AND customer_id ${inIds}`, tenantId, ids);

  const updateCustomer = statements.get('UPDATE customers SET body = ? WHERE tenant_id = ? AND id = ?');
  for (const row of all(`SELECT id, body FROM customers WHERE tenant_id = ? AND id ${inIds}`, tenantId, ids)) {
    updateCustomer.run(JSON.stringify({ ...(JSON.parse(row.body) as Customer), profile: {} }), tenantId, row.id);
  }
  const caseRows = all(`SELECT id, body FROM cases WHERE tenant_id = ? AND customer_id ${inIds}`, tenantId, ids);
  const updateCase = statements.get('UPDATE cases SET body = ? WHERE tenant_id = ? AND id = ?');
  for (const row of caseRows) updateCase.run(JSON.stringify({ ...(JSON.parse(row.body) as SupportCase), subject: null }), tenantId, row.id);

  const updateMerge = statements.get('UPDATE merges SET body = ? WHERE tenant_id = ? AND id = ?');
  for (const row of all(`SELECT id, body FROM merges WHERE tenant_id = ? AND (survivor_id ${inIds} OR absorbed_id ${inIds})`, tenantId, ids, ids)) {
    updateMerge.run(JSON.stringify(eraseMergeIdentities(JSON.parse(row.body) as CustomerMerge)), tenantId, row.id);
  }
  const updateProposal = statements.get('UPDATE proposals SET body = ? WHERE tenant_id = ? AND id = ?');
  for (const row of all(
    `SELECT id, body FROM proposals WHERE tenant_id = ? AND (first_customer_id ${inIds} OR second_customer_id ${inIds})`,
    tenantId,
    ids,
    ids,
  )) {
    updateProposal.run(JSON.stringify(eraseProposalIdentity(JSON.parse(row.body) as MergeProposal)), tenantId, row.id);
  }

  const caseIds = JSON.stringify(caseRows.map((row) => row.id));
  const updateTimer = statements.get('UPDATE sla_timers SET event = ? WHERE tenant_id = ? AND id = ?');
  for (const row of all(`SELECT id, event AS body FROM sla_timers WHERE tenant_id = ? AND case_id ${inIds}`, tenantId, caseIds)) {
    updateTimer.run(JSON.stringify(eraseEventPersonalData(JSON.parse(row.body) as TimelineEvent)), tenantId, row.id);
  }
  const deleteLetters = statements.get('DELETE FROM dead_letters WHERE tenant_id = ? AND instr(body, ?) > 0');
  for (const value of values) deleteLetters.run(tenantId, JSON.stringify(value).slice(1, -1));
}

/**
 * Deletes every row a tenant owns, in every table.
 * @param statements - the write connection's statement cache (inside a transaction)
 * @param tenantId - the tenant
 */
export function eraseSqliteTenant(statements: StatementCache, tenantId: string): void {
  for (const table of tenantTables) statements.get(`DELETE FROM ${table} WHERE tenant_id = ?`).run(tenantId);
}

import { type Customer, type CustomerMerge, eraseEventPersonalData, eraseMergeIdentities, eraseProposalIdentity, type MergeProposal, personalValues, type SupportCase, type TimelineEvent } from '@throughline/core';
import type { PostgresQuery, PostgresTables } from './postgres-query';

type Row = { id: string; body: string };

/** Rewrites the bodies of some rows of a table in one statement. */
async function rewriteBodies(query: PostgresQuery, table: string, column: string, tenantId: string, rows: ReadonlyArray<Row>): Promise<void> {
  if (rows.length === 0) return;
  await query(
    `UPDATE ${table} AS target SET ${column} = r.body
     FROM json_to_recordset($2::text::json) AS r(id text, body text)
     WHERE target.tenant_id = $1 AND target.id = r.id`,
    [tenantId, JSON.stringify(rows)],
  );
}

/**
 * Erases a customer's personal data (and that of customers merged into it) from every table:
 * event bodies, identities, profile, case subjects, the identity keys merges and proposals
 * remembered, the events pending SLA timers will append, and dead letters naming the person.
 * Ids, types and times stay, so idempotency and metrics still hold.
 * @param query - runs a statement inside the transaction
 * @param tables - the schema's table names
 * @param tenantId - the tenant
 * @param customerId - the customer
 */
export async function erasePostgresCustomer(query: PostgresQuery, tables: PostgresTables, tenantId: string, customerId: string): Promise<void> {
  const t = tables;
  const absorbed = await query<Row>(`SELECT id, body FROM ${t.customers} WHERE tenant_id = $1 AND merged_into = $2`, [tenantId, customerId]);
  const ids = [customerId, ...absorbed.map((row) => row.id)];

  const events = (await query<Row>(`SELECT id, body FROM ${t.events} WHERE tenant_id = $1 AND customer_id = ANY($2::text[]) FOR UPDATE`, [tenantId, ids])).map(
    (row) => JSON.parse(row.body) as TimelineEvent,
  );
  const identityKeys = (await query<{ key: string }>(`SELECT key FROM ${t.identities} WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`, [tenantId, ids])).map(
    (row) => row.key,
  );
  const values = personalValues(identityKeys, events);

  await rewriteBodies(query, t.events, 'body', tenantId, events.map((event) => ({ id: event.id, body: JSON.stringify(eraseEventPersonalData(event)) })));
  await query(`DELETE FROM ${t.identities} WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`, [tenantId, ids]);

  const customers = await query<Row>(`SELECT id, body FROM ${t.customers} WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids]);
  await rewriteBodies(query, t.customers, 'body', tenantId, customers.map((row) => ({ id: row.id, body: JSON.stringify({ ...(JSON.parse(row.body) as Customer), profile: {} }) })));

  const cases = await query<Row>(`SELECT id, body FROM ${t.cases} WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`, [tenantId, ids]);
  await rewriteBodies(query, t.cases, 'body', tenantId, cases.map((row) => ({ id: row.id, body: JSON.stringify({ ...(JSON.parse(row.body) as SupportCase), subject: null }) })));

  const merges = await query<Row>(`SELECT id, body FROM ${t.merges} WHERE tenant_id = $1 AND (survivor_id = ANY($2::text[]) OR absorbed_id = ANY($2::text[]))`, [
    tenantId,
    ids,
  ]);
  await rewriteBodies(query, t.merges, 'body', tenantId, merges.map((row) => ({ id: row.id, body: JSON.stringify(eraseMergeIdentities(JSON.parse(row.body) as CustomerMerge)) })));

  const proposals = await query<Row>(
    `SELECT id, body FROM ${t.proposals} WHERE tenant_id = $1 AND (first_customer_id = ANY($2::text[]) OR second_customer_id = ANY($2::text[]))`,
    [tenantId, ids],
  );
  await rewriteBodies(
    query,
    t.proposals,
    'body',
    tenantId,
    proposals.map((row) => ({ id: row.id, body: JSON.stringify(eraseProposalIdentity(JSON.parse(row.body) as MergeProposal)) })),
  );

  const timers = await query<Row>(`SELECT id, event AS body FROM ${t.timers} WHERE tenant_id = $1 AND case_id = ANY($2::text[])`, [tenantId, cases.map((row) => row.id)]);
  await rewriteBodies(query, t.timers, 'event', tenantId, timers.map((row) => ({ id: row.id, body: JSON.stringify(eraseEventPersonalData(JSON.parse(row.body) as TimelineEvent)) })));

  if (values.length > 0) {
    // Bodies are stored as JSON text, so look for each value as JSON escapes it.
    const patterns = values.map((value) => `%${JSON.stringify(value).slice(1, -1).replace(/[\\%_]/g, (match) => `\\${match}`)}%`);
    await query(`DELETE FROM ${t.deadLetters} WHERE tenant_id = $1 AND body LIKE ANY($2::text[])`, [tenantId, patterns]);
  }
}

/**
 * Deletes every row a tenant owns, in every table.
 * @param query - runs a statement inside the transaction
 * @param tables - the schema's table names
 * @param tenantId - the tenant
 */
export async function erasePostgresTenant(query: PostgresQuery, tables: PostgresTables, tenantId: string): Promise<void> {
  for (const table of Object.values(tables)) await query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
}

import type {
  Customer,
  CustomerMerge,
  DeadLetter,
  Identity,
  MergeProposal,
  SlaTimer,
  StoreReader,
  SupportCase,
  TimelineEvent,
  TimelineQuery,
} from '@throughline/core';
import type { PostgresQuery, PostgresTables } from './postgres-query';

type BodyRow = { body: string };
type TimerRow = { tenant_id: string; id: string; case_id: string; due_at: string; event: string };

/** How many events one page of `scanEvents` reads before yielding them. */
const scanPageSize = 1000;

const parseBodies = <T>(rows: ReadonlyArray<BodyRow>): T[] => rows.map((row) => JSON.parse(row.body) as T);
const parseFirst = <T>(rows: ReadonlyArray<BodyRow>): T | undefined => (rows[0] ? (JSON.parse(rows[0].body) as T) : undefined);
const byText = <T>(key: (record: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Parses a timer row.
 * @param row - a row of `sla_timers`
 * @returns the timer
 */
export function timerOfRow(row: TimerRow): SlaTimer {
  return { tenantId: row.tenant_id, id: row.id, caseId: row.case_id, dueAt: row.due_at, event: JSON.parse(row.event) as TimelineEvent };
}

/**
 * Builds the SQL of a timeline page: the index of the scope (customer, case or tenant) walked
 * newest first from the cursor, the type and channel filters applied on the way.
 * @param table - the quoted events table
 * @param query - the page asked for
 * @returns the SQL text and its parameters
 */
export function timelineQuerySql(table: string, query: TimelineQuery): { text: string; parameters: unknown[] } {
  const parameters: unknown[] = [query.tenantId];
  const where = ['tenant_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    where.push(condition(`$${parameters.length}`));
  };
  if (query.customerId !== undefined) add((p) => `customer_id = ${p}`, query.customerId);
  if (query.caseId !== undefined) add((p) => `case_id = ${p}`, query.caseId);
  if (query.before) {
    parameters.push(query.before.occurredAt, query.before.id);
    where.push(`(occurred_at, id) < ($${parameters.length - 1}, $${parameters.length})`);
  }
  if (query.types) add((p) => `type = ANY(${p}::text[])`, [...query.types]);
  if (query.channels) add((p) => `channel = ANY(${p}::text[])`, [...query.channels]);
  parameters.push(Math.max(0, Math.floor(query.limit)));
  return { text: `SELECT body FROM ${table} WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT $${parameters.length}`, parameters };
}

/** The SQL of the reads, built once per schema. */
function readSqlOf(tables: PostgresTables) {
  const t = tables;
  return {
    eventById: `SELECT body FROM ${t.events} WHERE tenant_id = $1 AND id = $2`,
    existingEventId: `SELECT id FROM ${t.events} WHERE tenant_id = $1 AND id = $2`,
    existingEventIds: `SELECT id FROM ${t.events} WHERE tenant_id = $1 AND id = ANY($2::text[])`,
    eventsOfCustomer: `SELECT body FROM ${t.events} WHERE tenant_id = $1 AND customer_id = $2`,
    eventsOfCustomers: `SELECT body FROM ${t.events} WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`,
    scan: `SELECT body, occurred_at, id FROM ${t.events}
           WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND (occurred_at, id) > ($4, $5)
           ORDER BY occurred_at, id LIMIT $6`,
    customerById: `SELECT body FROM ${t.customers} WHERE tenant_id = $1 AND id = $2`,
    customersMergedInto: `SELECT body FROM ${t.customers} WHERE tenant_id = $1 AND merged_into = $2 ORDER BY id`,
    identityByKey: `SELECT body FROM ${t.identities} WHERE tenant_id = $1 AND key = $2`,
    identitiesByKeys: `SELECT body FROM ${t.identities} WHERE tenant_id = $1 AND key = ANY($2::text[]) ORDER BY key`,
    identitiesOfCustomer: `SELECT body FROM ${t.identities} WHERE tenant_id = $1 AND customer_id = $2 ORDER BY key`,
    caseById: `SELECT body FROM ${t.cases} WHERE tenant_id = $1 AND id = $2`,
    casesOfCustomer: `SELECT body FROM ${t.cases} WHERE tenant_id = $1 AND customer_id = $2 ORDER BY id`,
    mergeById: `SELECT body FROM ${t.merges} WHERE tenant_id = $1 AND id = $2`,
    // Two index lookups; the second skips what the first found, so no de-duplicating sort is needed.
    mergesOfCustomer: `SELECT body FROM ${t.merges} WHERE tenant_id = $1 AND survivor_id = $2
      UNION ALL SELECT body FROM ${t.merges} WHERE tenant_id = $1 AND absorbed_id = $2 AND survivor_id <> $2`,
    proposalById: `SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND id = $2`,
    proposalsOfCustomer: `SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND first_customer_id = $2
      UNION ALL SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND second_customer_id = $2 AND first_customer_id <> $2`,
    openProposals: `SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND status = 'open' ORDER BY proposed_at, id LIMIT $2`,
    entityVersion: `SELECT version, event_id FROM ${t.entityVersions} WHERE tenant_id = $1 AND key = $2`,
    checkpoint: `SELECT cursor, updated_at FROM ${t.checkpoints} WHERE tenant_id = $1 AND adapter_id = $2 AND stream = $3`,
    deadLetters: `SELECT body FROM ${t.deadLetters} ORDER BY received_at, id LIMIT $1`,
    deadLettersOfTenant: `SELECT body FROM ${t.deadLetters} WHERE tenant_id = $1 ORDER BY received_at, id LIMIT $2`,
    dueTimers: `SELECT tenant_id, id, case_id, due_at, event FROM ${t.timers} WHERE due_at <= $1 ORDER BY due_at, id, tenant_id LIMIT $2`,
    dueTimersOfTenant: `SELECT tenant_id, id, case_id, due_at, event FROM ${t.timers} WHERE tenant_id = $1 AND due_at <= $2 ORDER BY due_at, id LIMIT $3`,
  } as const;
}

/** Read SQL per table-name set: a store builds its reads once per transaction, its SQL once. */
const readSqlCache = new WeakMap<PostgresTables, ReturnType<typeof readSqlOf>>();

/**
 * Creates every read of the store over a pool or a transaction.
 * @param query - runs a statement on the pool or inside the transaction
 * @param tables - the schema's table names
 * @returns the reads
 */
export function createPostgresReader(query: PostgresQuery, tables: PostgresTables): StoreReader {
  let sql = readSqlCache.get(tables);
  if (!sql) {
    sql = readSqlOf(tables);
    readSqlCache.set(tables, sql);
  }
  const q = sql;
  return {
    async getEvent(tenantId, id) {
      return parseFirst<TimelineEvent>(await query<BodyRow>(q.eventById, [tenantId, id]));
    },
    async existingEventIds(tenantId, ids) {
      if (ids.length === 0) return new Set();
      const rows =
        ids.length === 1
          ? await query<{ id: string }>(q.existingEventId, [tenantId, ids[0]])
          : await query<{ id: string }>(q.existingEventIds, [tenantId, [...ids]]);
      return new Set(rows.map((row) => row.id));
    },
    async listEvents(timeline) {
      const { text, parameters } = timelineQuerySql(tables.events, timeline);
      return parseBodies<TimelineEvent>(await query<BodyRow>(text, parameters));
    },
    async eventsOfCustomers(tenantId, customerIds) {
      if (customerIds.length === 0) return [];
      return parseBodies<TimelineEvent>(
        customerIds.length === 1
          ? await query<BodyRow>(q.eventsOfCustomer, [tenantId, customerIds[0]])
          : await query<BodyRow>(q.eventsOfCustomers, [tenantId, [...customerIds]]),
      );
    },
    async *scanEvents(tenantId, options = {}) {
      // Keyset pages: no cursor stays open across the consumer's awaits.
      let after: { occurredAt: string; id: string } | null = null;
      while (true) {
        const rows: Array<BodyRow & { occurred_at: string; id: string }> = await query(q.scan, [
          tenantId,
          options.from ?? '',
          options.to ?? '\u{10ffff}',
          after?.occurredAt ?? '',
          after?.id ?? '',
          scanPageSize,
        ]);
        for (const row of rows) yield JSON.parse(row.body) as TimelineEvent;
        const last = rows.at(-1);
        if (!last || rows.length < scanPageSize) return;
        after = { occurredAt: last.occurred_at, id: last.id };
      }
    },
    async getCustomer(tenantId, id) {
      return parseFirst<Customer>(await query<BodyRow>(q.customerById, [tenantId, id]));
    },
    async customersMergedInto(tenantId, survivorId) {
      return parseBodies<Customer>(await query<BodyRow>(q.customersMergedInto, [tenantId, survivorId]));
    },
    async findIdentities(tenantId, keys) {
      if (keys.length === 0) return [];
      return parseBodies<Identity>(
        keys.length === 1 ? await query<BodyRow>(q.identityByKey, [tenantId, keys[0]]) : await query<BodyRow>(q.identitiesByKeys, [tenantId, [...keys]]),
      );
    },
    async identitiesOf(tenantId, customerId) {
      return parseBodies<Identity>(await query<BodyRow>(q.identitiesOfCustomer, [tenantId, customerId]));
    },
    async getCase(tenantId, id) {
      return parseFirst<SupportCase>(await query<BodyRow>(q.caseById, [tenantId, id]));
    },
    async casesOf(tenantId, customerId) {
      return parseBodies<SupportCase>(await query<BodyRow>(q.casesOfCustomer, [tenantId, customerId]));
    },
    async getMerge(tenantId, id) {
      return parseFirst<CustomerMerge>(await query<BodyRow>(q.mergeById, [tenantId, id]));
    },
    async mergesOf(tenantId, customerId) {
      const merges = parseBodies<CustomerMerge>(await query<BodyRow>(q.mergesOfCustomer, [tenantId, customerId]));
      return merges.length < 2 ? merges : merges.sort(byText((merge) => merge.id));
    },
    async getProposal(tenantId, id) {
      return parseFirst<MergeProposal>(await query<BodyRow>(q.proposalById, [tenantId, id]));
    },
    async proposalsOf(tenantId, customerId) {
      const proposals = parseBodies<MergeProposal>(await query<BodyRow>(q.proposalsOfCustomer, [tenantId, customerId]));
      return proposals.length < 2 ? proposals : proposals.sort(byText((proposal) => proposal.id));
    },
    async listOpenProposals(tenantId, limit) {
      return parseBodies<MergeProposal>(await query<BodyRow>(q.openProposals, [tenantId, limit]));
    },
    async getEntityVersion(tenantId, key) {
      const [row] = await query<{ version: number; event_id: string }>(q.entityVersion, [tenantId, key]);
      return row ? { tenantId, key, version: row.version, eventId: row.event_id } : undefined;
    },
    async getCheckpoint(tenantId, adapterId, stream) {
      const [row] = await query<{ cursor: string | null; updated_at: string }>(q.checkpoint, [tenantId, adapterId, stream]);
      return row ? { tenantId, adapterId, stream, cursor: row.cursor, updatedAt: row.updated_at } : undefined;
    },
    async listDeadLetters(tenantId, limit) {
      const rows = tenantId === null ? await query<BodyRow>(q.deadLetters, [limit]) : await query<BodyRow>(q.deadLettersOfTenant, [tenantId, limit]);
      return parseBodies<DeadLetter>(rows);
    },
    async dueTimers(tenantId, until, limit) {
      const rows = tenantId === null ? await query<TimerRow>(q.dueTimers, [until, limit]) : await query<TimerRow>(q.dueTimersOfTenant, [tenantId, until, limit]);
      return rows.map(timerOfRow);
    },
  };
}

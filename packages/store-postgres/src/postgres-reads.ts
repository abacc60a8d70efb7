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

/**
 * Creates every read of the store over a pool or a transaction.
 * @param query - runs a statement on the pool or inside the transaction
 * @param tables - the schema's table names
 * @returns the reads
 */
export function createPostgresReader(query: PostgresQuery, tables: PostgresTables): StoreReader {
  const t = tables;
  return {
    async getEvent(tenantId, id) {
      return parseFirst<TimelineEvent>(await query<BodyRow>(`SELECT body FROM ${t.events} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    },
    async existingEventIds(tenantId, ids) {
      if (ids.length === 0) return new Set();
      const rows = await query<{ id: string }>(`SELECT id FROM ${t.events} WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, [...ids]]);
      return new Set(rows.map((row) => row.id));
    },
    async listEvents(timeline) {
      const { text, parameters } = timelineQuerySql(t.events, timeline);
      return parseBodies<TimelineEvent>(await query<BodyRow>(text, parameters));
    },
    async eventsOfCustomers(tenantId, customerIds) {
      if (customerIds.length === 0) return [];
      return parseBodies<TimelineEvent>(
        await query<BodyRow>(`SELECT body FROM ${t.events} WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`, [tenantId, [...customerIds]]),
      );
    },
    async *scanEvents(tenantId, options = {}) {
      // Keyset pages: no cursor stays open across the consumer's awaits.
      let after: { occurredAt: string; id: string } | null = null;
      while (true) {
        const rows: Array<BodyRow & { occurred_at: string; id: string }> = await query(
          `SELECT body, occurred_at, id FROM ${t.events}
           WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND (occurred_at, id) > ($4, $5)
           ORDER BY occurred_at, id LIMIT $6`,
          [tenantId, options.from ?? '', options.to ?? '\u{10ffff}', after?.occurredAt ?? '', after?.id ?? '', scanPageSize],
        );
        for (const row of rows) yield JSON.parse(row.body) as TimelineEvent;
        const last = rows.at(-1);
        if (!last || rows.length < scanPageSize) return;
        after = { occurredAt: last.occurred_at, id: last.id };
      }
    },
    async getCustomer(tenantId, id) {
      return parseFirst<Customer>(await query<BodyRow>(`SELECT body FROM ${t.customers} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    },
    async customersMergedInto(tenantId, survivorId) {
      return parseBodies<Customer>(
        await query<BodyRow>(`SELECT body FROM ${t.customers} WHERE tenant_id = $1 AND merged_into = $2 ORDER BY id`, [tenantId, survivorId]),
      );
    },
    async findIdentities(tenantId, keys) {
      if (keys.length === 0) return [];
      return parseBodies<Identity>(
        await query<BodyRow>(`SELECT body FROM ${t.identities} WHERE tenant_id = $1 AND key = ANY($2::text[]) ORDER BY key`, [tenantId, [...keys]]),
      );
    },
    async identitiesOf(tenantId, customerId) {
      return parseBodies<Identity>(
        await query<BodyRow>(`SELECT body FROM ${t.identities} WHERE tenant_id = $1 AND customer_id = $2 ORDER BY key`, [tenantId, customerId]),
      );
    },
    async getCase(tenantId, id) {
      return parseFirst<SupportCase>(await query<BodyRow>(`SELECT body FROM ${t.cases} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    },
    async casesOf(tenantId, customerId) {
      return parseBodies<SupportCase>(
        await query<BodyRow>(`SELECT body FROM ${t.cases} WHERE tenant_id = $1 AND customer_id = $2 ORDER BY id`, [tenantId, customerId]),
      );
    },
    async getMerge(tenantId, id) {
      return parseFirst<CustomerMerge>(await query<BodyRow>(`SELECT body FROM ${t.merges} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    },
    async mergesOf(tenantId, customerId) {
      const rows = await query<BodyRow>(
        `SELECT body FROM ${t.merges} WHERE tenant_id = $1 AND survivor_id = $2
         UNION SELECT body FROM ${t.merges} WHERE tenant_id = $1 AND absorbed_id = $2`,
        [tenantId, customerId],
      );
      return parseBodies<CustomerMerge>(rows).sort(byText((merge) => merge.id));
    },
    async getProposal(tenantId, id) {
      return parseFirst<MergeProposal>(await query<BodyRow>(`SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    },
    async proposalsOf(tenantId, customerId) {
      const rows = await query<BodyRow>(
        `SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND first_customer_id = $2
         UNION SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND second_customer_id = $2`,
        [tenantId, customerId],
      );
      return parseBodies<MergeProposal>(rows).sort(byText((proposal) => proposal.id));
    },
    async listOpenProposals(tenantId, limit) {
      return parseBodies<MergeProposal>(
        await query<BodyRow>(`SELECT body FROM ${t.proposals} WHERE tenant_id = $1 AND status = 'open' ORDER BY proposed_at, id LIMIT $2`, [tenantId, limit]),
      );
    },
    async getEntityVersion(tenantId, key) {
      const [row] = await query<{ version: number; event_id: string }>(`SELECT version, event_id FROM ${t.entityVersions} WHERE tenant_id = $1 AND key = $2`, [
        tenantId,
        key,
      ]);
      return row ? { tenantId, key, version: row.version, eventId: row.event_id } : undefined;
    },
    async getCheckpoint(tenantId, adapterId, stream) {
      const [row] = await query<{ cursor: string | null; updated_at: string }>(
        `SELECT cursor, updated_at FROM ${t.checkpoints} WHERE tenant_id = $1 AND adapter_id = $2 AND stream = $3`,
        [tenantId, adapterId, stream],
      );
      return row ? { tenantId, adapterId, stream, cursor: row.cursor, updatedAt: row.updated_at } : undefined;
    },
    async listDeadLetters(tenantId, limit) {
      const rows =
        tenantId === null
          ? await query<BodyRow>(`SELECT body FROM ${t.deadLetters} ORDER BY received_at, id LIMIT $1`, [limit])
          : await query<BodyRow>(`SELECT body FROM ${t.deadLetters} WHERE tenant_id = $1 ORDER BY received_at, id LIMIT $2`, [tenantId, limit]);
      return parseBodies<DeadLetter>(rows);
    },
    async dueTimers(tenantId, until, limit) {
      const rows =
        tenantId === null
          ? await query<TimerRow>(`SELECT tenant_id, id, case_id, due_at, event FROM ${t.timers} WHERE due_at <= $1 ORDER BY due_at, id, tenant_id LIMIT $2`, [
              until,
              limit,
            ])
          : await query<TimerRow>(
              `SELECT tenant_id, id, case_id, due_at, event FROM ${t.timers} WHERE tenant_id = $1 AND due_at <= $2 ORDER BY due_at, id LIMIT $3`,
              [tenantId, until, limit],
            );
      return rows.map(timerOfRow);
    },
  };
}

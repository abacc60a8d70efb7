import type {
  Customer,
  CustomerMerge,
  DeadLetter,
  EntityVersion,
  Identity,
  MergeProposal,
  SlaTimer,
  StoreReader,
  SupportCase,
  SyncCheckpoint,
  TimelineEvent,
  TimelineQuery,
} from '@throughline/core';
import type { StatementCache } from './statement-cache';

type BodyRow = { body: string };

/** How many events one page of `scanEvents` reads before yielding them. */
const scanPageSize = 500;

/**
 * Parses the JSON bodies of rows.
 * @param rows - rows with a `body` column
 * @returns the parsed records
 */
export function parseBodies<T>(rows: ReadonlyArray<unknown>): T[] {
  return rows.map((row) => JSON.parse((row as BodyRow).body) as T);
}

/**
 * Parses rows and orders them by a text key: per-customer lists are small, and a stable order
 * keeps the engine's folds deterministic whichever plan SQLite picks.
 */
function parseSorted<T>(rows: ReadonlyArray<unknown>, key: (record: T) => string): T[] {
  return parseBodies<T>(rows).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function parseBody<T>(row: unknown): T | undefined {
  return row === undefined ? undefined : (JSON.parse((row as BodyRow).body) as T);
}

/** The SQL of the hot single-record and per-customer reads, named so tests can check their query plans. */
export const hotQuerySql = {
  eventById: 'SELECT body FROM events WHERE tenant_id = ? AND id = ?',
  identitiesByKeys: 'SELECT body FROM identities WHERE tenant_id = ? AND key IN (SELECT value FROM json_each(?))',
  casesOfCustomer: 'SELECT body FROM cases WHERE tenant_id = ? AND customer_id = ?',
  identitiesOfCustomer: 'SELECT body FROM identities WHERE tenant_id = ? AND customer_id = ?',
  customersMergedInto: 'SELECT body FROM customers WHERE tenant_id = ? AND merged_into = ?',
  eventsOfCustomers: 'SELECT body FROM events WHERE tenant_id = ? AND customer_id IN (SELECT value FROM json_each(?))',
  mergesOfCustomer: 'SELECT body, id FROM merges WHERE tenant_id = ? AND survivor_id = ? UNION SELECT body, id FROM merges WHERE tenant_id = ? AND absorbed_id = ?',
  proposalsOfCustomer:
    'SELECT body, id FROM proposals WHERE tenant_id = ? AND first_customer_id = ? UNION SELECT body, id FROM proposals WHERE tenant_id = ? AND second_customer_id = ?',
  dueTimers: 'SELECT tenant_id, id, case_id, due_at, event FROM sla_timers WHERE due_at <= ? ORDER BY due_at, id, tenant_id LIMIT ?',
  dueTimersOfTenant: 'SELECT tenant_id, id, case_id, due_at, event FROM sla_timers WHERE tenant_id = ? AND due_at <= ? ORDER BY due_at, id LIMIT ?',
} as const;

/** A list parameter: SQLite expands it with `json_each`, so one prepared statement serves every length. */
const list = (values: ReadonlyArray<string>) => JSON.stringify(values);

/**
 * Builds the SQL of a timeline page: the index of the scope (customer, case or tenant) walked
 * newest first from the cursor, the type and channel filters applied on the way.
 * @param query - the page asked for
 * @returns the SQL text and its parameters
 */
export function timelineQuerySql(query: TimelineQuery): { sql: string; parameters: unknown[] } {
  const where = ['tenant_id = ?'];
  const parameters: unknown[] = [query.tenantId];
  if (query.customerId !== undefined) {
    where.push('customer_id = ?');
    parameters.push(query.customerId);
  }
  if (query.caseId !== undefined) {
    where.push('case_id = ?');
    parameters.push(query.caseId);
  }
  if (query.before) {
    where.push('(occurred_at, id) < (?, ?)');
    parameters.push(query.before.occurredAt, query.before.id);
  }
  if (query.types) {
    where.push('type IN (SELECT value FROM json_each(?))');
    parameters.push(list(query.types));
  }
  if (query.channels) {
    where.push('channel IN (SELECT value FROM json_each(?))');
    parameters.push(list(query.channels));
  }
  parameters.push(Math.max(0, Math.floor(query.limit)));
  return { sql: `SELECT body FROM events WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT ?`, parameters };
}

/**
 * Creates every read of the store over one connection's prepared statements.
 * @param statements - the connection's statement cache
 * @returns the reads
 */
export function createSqliteReader(statements: StatementCache): StoreReader {
  const all = (sql: string, ...parameters: unknown[]) => statements.get(sql).all(...parameters);
  const one = (sql: string, ...parameters: unknown[]) => statements.get(sql).get(...parameters);

  return {
    async getEvent(tenantId, id) {
      return parseBody<TimelineEvent>(one(hotQuerySql.eventById, tenantId, id));
    },
    async existingEventIds(tenantId, ids) {
      if (ids.length === 0) return new Set();
      const rows = all('SELECT id FROM events WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))', tenantId, list(ids));
      return new Set(rows.map((row) => (row as { id: string }).id));
    },
    async listEvents(query) {
      const { sql, parameters } = timelineQuerySql(query);
      return parseBodies<TimelineEvent>(all(sql, ...parameters));
    },
    async eventsOfCustomers(tenantId, customerIds) {
      if (customerIds.length === 0) return [];
      return parseBodies<TimelineEvent>(
        all(hotQuerySql.eventsOfCustomers, tenantId, list(customerIds)),
      );
    },
    async *scanEvents(tenantId, options = {}) {
      // Keyset pages, so no statement stays open across the consumer's awaits.
      let after = { occurredAt: options.from ?? '', id: '' };
      const inclusiveStart = options.from !== undefined;
      let first = true;
      while (true) {
        const rows = all(
          `SELECT body, occurred_at, id FROM events
           WHERE tenant_id = ? AND ${first && inclusiveStart ? 'occurred_at >= ?' : '(occurred_at, id) > (?, ?)'} AND occurred_at < ?
           ORDER BY occurred_at, id LIMIT ?`,
          ...(first && inclusiveStart ? [tenantId, after.occurredAt] : [tenantId, after.occurredAt, after.id]),
          options.to ?? '\u{10ffff}',
          scanPageSize,
        ) as Array<BodyRow & { occurred_at: string; id: string }>;
        first = false;
        for (const row of rows) yield JSON.parse(row.body) as TimelineEvent;
        const last = rows.at(-1);
        if (!last || rows.length < scanPageSize) return;
        after = { occurredAt: last.occurred_at, id: last.id };
      }
    },
    async getCustomer(tenantId, id) {
      return parseBody<Customer>(one('SELECT body FROM customers WHERE tenant_id = ? AND id = ?', tenantId, id));
    },
    async customersMergedInto(tenantId, survivorId) {
      return parseSorted<Customer>(all(hotQuerySql.customersMergedInto, tenantId, survivorId), (customer) => customer.id);
    },
    async findIdentities(tenantId, keys) {
      if (keys.length === 0) return [];
      return parseSorted<Identity>(
        all(hotQuerySql.identitiesByKeys, tenantId, list(keys)),
        (identity) => identity.key,
      );
    },
    async identitiesOf(tenantId, customerId) {
      return parseSorted<Identity>(all(hotQuerySql.identitiesOfCustomer, tenantId, customerId), (identity) => identity.key);
    },
    async getCase(tenantId, id) {
      return parseBody<SupportCase>(one('SELECT body FROM cases WHERE tenant_id = ? AND id = ?', tenantId, id));
    },
    async casesOf(tenantId, customerId) {
      return parseSorted<SupportCase>(all(hotQuerySql.casesOfCustomer, tenantId, customerId), (found) => found.id);
    },
    async getMerge(tenantId, id) {
      return parseBody<CustomerMerge>(one('SELECT body FROM merges WHERE tenant_id = ? AND id = ?', tenantId, id));
    },
    async mergesOf(tenantId, customerId) {
      return parseSorted<CustomerMerge>(
        all(hotQuerySql.mergesOfCustomer, tenantId, customerId, tenantId, customerId),
        (merge) => merge.id,
      );
    },
    async getProposal(tenantId, id) {
      return parseBody<MergeProposal>(one('SELECT body FROM proposals WHERE tenant_id = ? AND id = ?', tenantId, id));
    },
    async proposalsOf(tenantId, customerId) {
      return parseSorted<MergeProposal>(
        all(hotQuerySql.proposalsOfCustomer, tenantId, customerId, tenantId, customerId),
        (proposal) => proposal.id,
      );
    },
    async listOpenProposals(tenantId, limit) {
      return parseBodies<MergeProposal>(
        all("SELECT body FROM proposals WHERE tenant_id = ? AND status = 'open' ORDER BY proposed_at, id LIMIT ?", tenantId, limit),
      );
    },
    async getEntityVersion(tenantId, key) {
      const row = one('SELECT version, event_id FROM entity_versions WHERE tenant_id = ? AND key = ?', tenantId, key) as
        | { version: number; event_id: string }
        | undefined;
      return row ? ({ tenantId, key, version: row.version, eventId: row.event_id } satisfies EntityVersion) : undefined;
    },
    async getCheckpoint(tenantId, adapterId, stream) {
      const row = one('SELECT cursor, updated_at FROM checkpoints WHERE tenant_id = ? AND adapter_id = ? AND stream = ?', tenantId, adapterId, stream) as
        | { cursor: string | null; updated_at: string }
        | undefined;
      return row ? ({ tenantId, adapterId, stream, cursor: row.cursor, updatedAt: row.updated_at } satisfies SyncCheckpoint) : undefined;
    },
    async listDeadLetters(tenantId, limit) {
      return parseBodies<DeadLetter>(
        tenantId === null
          ? all('SELECT body FROM dead_letters ORDER BY received_at, id LIMIT ?', limit)
          : all('SELECT body FROM dead_letters WHERE tenant_id = ? ORDER BY received_at, id LIMIT ?', tenantId, limit),
      );
    },
    async dueTimers(tenantId, until, limit) {
      return selectDueTimers(statements, tenantId, until, limit);
    },
  };
}

/**
 * Reads due SLA timers, soonest first (ties by id).
 * @param statements - the connection's statement cache
 * @param tenantId - one tenant, or null for every tenant
 * @param until - the instant they are due by
 * @param limit - at most this many
 * @returns the timers
 */
export function selectDueTimers(statements: StatementCache, tenantId: string | null, until: string, limit: number): SlaTimer[] {
  const rows = (
    tenantId === null
      ? statements.get(hotQuerySql.dueTimers).all(until, limit)
      : statements.get(hotQuerySql.dueTimersOfTenant).all(tenantId, until, limit)
  ) as Array<{ tenant_id: string; id: string; case_id: string; due_at: string; event: string }>;
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id, caseId: row.case_id, dueAt: row.due_at, event: JSON.parse(row.event) as TimelineEvent }));
}

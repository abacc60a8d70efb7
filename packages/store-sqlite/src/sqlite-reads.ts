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
 * Parses JSON bodies read by a plucked statement.
 * @param bodies - the `body` column of each row
 * @returns the parsed records
 */
export function parseBodies<T>(bodies: ReadonlyArray<unknown>): T[] {
  const records: T[] = new Array(bodies.length);
  for (let index = 0; index < bodies.length; index++) records[index] = JSON.parse(bodies[index] as string) as T;
  return records;
}

/**
 * Parses bodies and orders the records by a text key: per-customer lists are small, and a stable
 * order keeps the engine's folds deterministic whichever plan SQLite picks.
 */
function parseSorted<T>(bodies: ReadonlyArray<unknown>, key: (record: T) => string): T[] {
  const records = parseBodies<T>(bodies);
  if (records.length < 2) return records;
  return records.sort((a, b) => {
    const left = key(a);
    const right = key(b);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

function parseBody<T>(body: unknown): T | undefined {
  return body === undefined ? undefined : (JSON.parse(body as string) as T);
}

/** The SQL of the hot single-record and per-customer reads, named so tests can check their query plans. */
export const hotQuerySql = {
  eventById: 'SELECT body FROM events WHERE tenant_id = ? AND id = ?',
  existingEventId: 'SELECT id FROM events WHERE tenant_id = ? AND id = ?',
  existingEventIds: 'SELECT id FROM events WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))',
  identityByKey: 'SELECT body FROM identities WHERE tenant_id = ? AND key = ?',
  identitiesByKeys: 'SELECT body FROM identities WHERE tenant_id = ? AND key IN (SELECT value FROM json_each(?))',
  customerById: 'SELECT body FROM customers WHERE tenant_id = ? AND id = ?',
  caseById: 'SELECT body FROM cases WHERE tenant_id = ? AND id = ?',
  casesOfCustomer: 'SELECT body FROM cases WHERE tenant_id = ? AND customer_id = ?',
  identitiesOfCustomer: 'SELECT body FROM identities WHERE tenant_id = ? AND customer_id = ?',
  customersMergedInto: 'SELECT body FROM customers WHERE tenant_id = ? AND merged_into = ?',
  eventsOfCustomer: 'SELECT body FROM events WHERE tenant_id = ? AND customer_id = ?',
  eventsOfCustomers: 'SELECT body FROM events WHERE tenant_id = ? AND customer_id IN (SELECT value FROM json_each(?))',
  // Two index lookups; the second skips what the first found, so no de-duplicating sort is needed.
  mergesOfCustomer: 'SELECT body FROM merges WHERE tenant_id = ? AND survivor_id = ? UNION ALL SELECT body FROM merges WHERE tenant_id = ? AND absorbed_id = ? AND survivor_id <> ?',
  proposalsOfCustomer:
    'SELECT body FROM proposals WHERE tenant_id = ? AND first_customer_id = ? UNION ALL SELECT body FROM proposals WHERE tenant_id = ? AND second_customer_id = ? AND first_customer_id <> ?',
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
  const bodies = (sql: string, ...parameters: unknown[]) => statements.pluck(sql).all(...parameters);
  const body = (sql: string, ...parameters: unknown[]) => statements.pluck(sql).get(...parameters);

  return {
    async getEvent(tenantId, id) {
      return parseBody<TimelineEvent>(body(hotQuerySql.eventById, tenantId, id));
    },
    async existingEventIds(tenantId, ids) {
      if (ids.length === 0) return new Set();
      if (ids.length === 1) {
        const found = body(hotQuerySql.existingEventId, tenantId, ids[0]) as string | undefined;
        return found === undefined ? new Set() : new Set([found]);
      }
      return new Set(bodies(hotQuerySql.existingEventIds, tenantId, list(ids)) as string[]);
    },
    async listEvents(query) {
      const { sql, parameters } = timelineQuerySql(query);
      return parseBodies<TimelineEvent>(bodies(sql, ...parameters));
    },
    async eventsOfCustomers(tenantId, customerIds) {
      if (customerIds.length === 0) return [];
      if (customerIds.length === 1) return parseBodies<TimelineEvent>(bodies(hotQuerySql.eventsOfCustomer, tenantId, customerIds[0]));
      return parseBodies<TimelineEvent>(bodies(hotQuerySql.eventsOfCustomers, tenantId, list(customerIds)));
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
      return parseBody<Customer>(body(hotQuerySql.customerById, tenantId, id));
    },
    async customersMergedInto(tenantId, survivorId) {
      return parseSorted<Customer>(bodies(hotQuerySql.customersMergedInto, tenantId, survivorId), (customer) => customer.id);
    },
    async findIdentities(tenantId, keys) {
      if (keys.length === 0) return [];
      if (keys.length === 1) {
        const found = body(hotQuerySql.identityByKey, tenantId, keys[0]);
        return found === undefined ? [] : [JSON.parse(found as string) as Identity];
      }
      return parseSorted<Identity>(bodies(hotQuerySql.identitiesByKeys, tenantId, list(keys)), (identity) => identity.key);
    },
    async identitiesOf(tenantId, customerId) {
      return parseSorted<Identity>(bodies(hotQuerySql.identitiesOfCustomer, tenantId, customerId), (identity) => identity.key);
    },
    async getCase(tenantId, id) {
      return parseBody<SupportCase>(body(hotQuerySql.caseById, tenantId, id));
    },
    async casesOf(tenantId, customerId) {
      return parseSorted<SupportCase>(bodies(hotQuerySql.casesOfCustomer, tenantId, customerId), (found) => found.id);
    },
    async getMerge(tenantId, id) {
      return parseBody<CustomerMerge>(body('SELECT body FROM merges WHERE tenant_id = ? AND id = ?', tenantId, id));
    },
    async mergesOf(tenantId, customerId) {
      return parseSorted<CustomerMerge>(bodies(hotQuerySql.mergesOfCustomer, tenantId, customerId, tenantId, customerId, customerId), (merge) => merge.id);
    },
    async getProposal(tenantId, id) {
      return parseBody<MergeProposal>(body('SELECT body FROM proposals WHERE tenant_id = ? AND id = ?', tenantId, id));
    },
    async proposalsOf(tenantId, customerId) {
      return parseSorted<MergeProposal>(bodies(hotQuerySql.proposalsOfCustomer, tenantId, customerId, tenantId, customerId, customerId), (proposal) => proposal.id);
    },
    async listOpenProposals(tenantId, limit) {
      return parseBodies<MergeProposal>(bodies("SELECT body FROM proposals WHERE tenant_id = ? AND status = 'open' ORDER BY proposed_at, id LIMIT ?", tenantId, limit));
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
          ? bodies('SELECT body FROM dead_letters ORDER BY received_at, id LIMIT ?', limit)
          : bodies('SELECT body FROM dead_letters WHERE tenant_id = ? ORDER BY received_at, id LIMIT ?', tenantId, limit),
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

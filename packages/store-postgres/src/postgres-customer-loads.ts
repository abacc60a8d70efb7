import type { Customer, CustomerMerge, Identity, MergeProposal, StoreReader, SupportCase } from '@throughline/core';
import type { PostgresQuery, PostgresTables } from './postgres-query';

/** The reads of one customer the engine issues together when it loads the customer, in `part` order. */
const customerParts = ['getCustomer', 'customersMergedInto', 'identitiesOf', 'casesOf', 'mergesOf', 'proposalsOf'] as const;

/** One of a customer's reads. */
type CustomerPart = (typeof customerParts)[number];

/** A customer's reads, as the store answers them one statement each. */
export type CustomerReads = Pick<StoreReader, CustomerPart>;

/** The reads the coalescer answers: a customer's six, and identities by key (with their holders' six preloaded). */
export type CoalescedReads = Pick<StoreReader, CustomerPart | 'findIdentities'>;

/** What each read resolves to. */
type PartResult = {
  getCustomer: Customer | undefined;
  customersMergedInto: Customer[];
  identitiesOf: Identity[];
  casesOf: SupportCase[];
  mergesOf: CustomerMerge[];
  proposalsOf: MergeProposal[];
};

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Reads of one customer waiting for the end of the current tick. */
interface PendingCustomer {
  tenantId: string;
  customerId: string;
  waiters: Map<CustomerPart, Waiter[]>;
}

/**
 * The SQL answering all six reads of a customer at once: rows tagged with the read (`part`), each
 * part ordered as its own statement orders it (by id, identities by key).
 * @param tables - the schema's table names
 * @returns the statement, taking the tenant as `$1` and the customer as `$2`
 */
export function customerLoadSql(tables: PostgresTables): string {
  return `${customerStateSelects(tables, (column) => `${column} = $2`)} ORDER BY part, sort`;
}

/**
 * The SQL finding the identities that hold some keys together with everything the six reads of a
 * customer holding one would return (the engine loads that customer next; when the keys have
 * several holders, the first by id): rows of the identities found have `part` -1 and no `owner`,
 * the others name their customer.
 * @param tables - the schema's table names
 * @param keys - whether the statement takes one key (`$2` a text) or several (`$2` a text array):
 *   one key is compared by equality, which stays an index lookup in a plan cached while the table is small
 * @returns the statement, taking the tenant as `$1` and the key or keys as `$2`
 */
export function identityOwnersSql(tables: PostgresTables, keys: 'one' | 'many'): string {
  // One holder, compared by equality: every part is the index lookup of customerLoadSql, whatever plan is cached.
  const holder = '(SELECT min(customer_id) FROM found)';
  const match = keys === 'one' ? 'key = $2' : 'key = ANY($2::text[])';
  return `WITH found AS (SELECT key, customer_id, body FROM ${tables.identities} WHERE tenant_id = $1 AND ${match})
    SELECT -1 AS part, NULL::text AS owner, body, key AS sort FROM found
    UNION ALL ${customerStateSelects(tables, (column) => `${column} = ${holder}`)}
    ORDER BY owner NULLS FIRST, part, sort`;
}

/**
 * The six reads of the customers a condition picks, as one UNION of `part`, `owner` (the customer
 * the row belongs to), `body` and `sort`.
 * @param tables - the schema's table names
 * @param holds - the condition that a column names one of the customers
 */
function customerStateSelects(tables: PostgresTables, holds: (column: string) => string): string {
  const t = tables;
  return `SELECT 0 AS part, id AS owner, body, id AS sort FROM ${t.customers} WHERE tenant_id = $1 AND ${holds('id')}
    UNION ALL SELECT 1, merged_into, body, id FROM ${t.customers} WHERE tenant_id = $1 AND ${holds('merged_into')} AND merged_into IS NOT NULL
    UNION ALL SELECT 2, customer_id, body, key FROM ${t.identities} WHERE tenant_id = $1 AND ${holds('customer_id')}
    UNION ALL SELECT 3, customer_id, body, id FROM ${t.cases} WHERE tenant_id = $1 AND ${holds('customer_id')}
    UNION ALL SELECT 4, survivor_id, body, id FROM ${t.merges} WHERE tenant_id = $1 AND ${holds('survivor_id')}
    UNION ALL SELECT 4, absorbed_id, body, id FROM ${t.merges} WHERE tenant_id = $1 AND ${holds('absorbed_id')} AND survivor_id <> absorbed_id
    UNION ALL SELECT 5, first_customer_id, body, id FROM ${t.proposals} WHERE tenant_id = $1 AND ${holds('first_customer_id')}
    UNION ALL SELECT 5, second_customer_id, body, id FROM ${t.proposals} WHERE tenant_id = $1 AND ${holds('second_customer_id')} AND first_customer_id <> second_customer_id`;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A row of {@link customerLoadSql} or {@link identityOwnersSql}. */
interface StateRow {
  part: number;
  owner?: string | null;
  body: string;
}

/** Splits the rows of one customer's six reads into the reads' results. */
function resultsOf(rows: ReadonlyArray<StateRow>): PartResult {
  const lists: unknown[][] = customerParts.map(() => []);
  for (const row of rows) lists[row.part]!.push(JSON.parse(row.body));
  const merges = lists[4] as CustomerMerge[];
  const proposals = lists[5] as MergeProposal[];
  return {
    getCustomer: lists[0]![0] as Customer | undefined,
    customersMergedInto: lists[1] as Customer[],
    identitiesOf: lists[2] as Identity[],
    casesOf: lists[3] as SupportCase[],
    // Both halves of the union are in id order; together they are sorted like the single reads.
    mergesOf: merges.length < 2 ? merges : merges.sort(byId),
    proposalsOf: proposals.length < 2 ? proposals : proposals.sort(byId),
  };
}

/**
 * Answers the reads of one customer issued in the same tick (the engine loads a customer with its
 * merged customers, identities, cases, merges and proposals in one `Promise.all`) with one
 * statement instead of six; a read issued alone still runs its own statement. Reads wait until the
 * end of the tick, and any other statement or write of the transaction sends them first, so each
 * read still sees exactly the writes issued before it.
 *
 * Identities found by key come with their holders' six reads in the same statement (the engine
 * loads the holders next): those reads are then answered without a statement, as long as no
 * write to customers, identities, cases, merges or proposals was issued since ({@link changed}).
 */
export class CustomerLoadCoalescer {
  private pending = new Map<string, PendingCustomer>();
  private scheduled = false;
  /** Counts writes that can change a customer's six reads. */
  private generation = 0;
  /** Holders' six reads that came with an identity lookup, by tenant and customer. */
  private preloaded = new Map<string, PartResult>();

  /**
   * @param single - the reads one statement each (for a read issued alone)
   * @param run - runs a statement on the transaction's connection, as it is
   * @param sql - {@link customerLoadSql} and {@link identityOwnersSql} for the schema
   * @param beforeRead - sends the writes issued so far, which the reads must see
   */
  constructor(
    private readonly single: CustomerReads,
    private readonly run: PostgresQuery,
    private readonly sql: { readonly customer: string; readonly ownerOfKey: string; readonly ownersOfKeys: string },
    private readonly beforeRead: () => void,
  ) {}

  /** The six reads, coalesced, and identities by key with their holders' reads preloaded. */
  reads(): CoalescedReads {
    const read =
      <Part extends CustomerPart>(part: Part) =>
      (tenantId: string, customerId: string) =>
        this.read(part, tenantId, customerId) as Promise<PartResult[Part]>;
    return {
      getCustomer: read('getCustomer'),
      customersMergedInto: read('customersMergedInto'),
      identitiesOf: read('identitiesOf'),
      casesOf: read('casesOf'),
      mergesOf: read('mergesOf'),
      proposalsOf: read('proposalsOf'),
      findIdentities: (tenantId, keys) => this.findIdentities(tenantId, keys),
    };
  }

  /** A write that can change a customer's six reads was issued: what was preloaded before it no longer answers them. */
  changed(): void {
    this.generation += 1;
    if (this.preloaded.size > 0) this.preloaded = new Map();
  }

  /** Sends the waiting reads now: before any statement or write issued after them. */
  dispatch(): void {
    if (this.pending.size === 0) return;
    const customers = [...this.pending.values()];
    this.pending = new Map();
    for (const customer of customers) {
      if (customer.waiters.size === 1) {
        const [part, waiters] = [...customer.waiters][0]!;
        const answer = (this.single[part] as (tenantId: string, id: string) => Promise<unknown>)(customer.tenantId, customer.customerId);
        answer.then((value) => settle(waiters, value), (error: unknown) => fail(waiters, error));
        continue;
      }
      this.run<StateRow>(this.sql.customer, [customer.tenantId, customer.customerId]).then(
        (rows) => {
          const results = resultsOf(rows);
          for (const [part, waiters] of customer.waiters) settle(waiters, results[part]);
        },
        (error: unknown) => {
          for (const waiters of customer.waiters.values()) fail(waiters, error);
        },
      );
    }
  }

  private async findIdentities(tenantId: string, keys: ReadonlyArray<string>): Promise<Identity[]> {
    if (keys.length === 0) return [];
    this.dispatch();
    this.beforeRead();
    const generation = this.generation;
    const distinct = [...new Set(keys)];
    const rows = await this.run<StateRow>(distinct.length === 1 ? this.sql.ownerOfKey : this.sql.ownersOfKeys, [tenantId, distinct.length === 1 ? distinct[0] : distinct]);
    const found: Identity[] = [];
    let first = 0;
    while (first < rows.length && rows[first]!.part < 0) found.push(JSON.parse(rows[first++]!.body) as Identity);
    // A write issued while the statement ran may have changed what it read: then nothing is kept.
    if (generation !== this.generation) return found;
    while (first < rows.length) {
      const owner = rows[first]!.owner!;
      let end = first;
      while (end < rows.length && rows[end]!.owner === owner) end++;
      this.preloaded.set(`${tenantId}\u0000${owner}`, resultsOf(rows.slice(first, end)));
      first = end;
    }
    return found;
  }

  private read(part: CustomerPart, tenantId: string, customerId: string): Promise<unknown> {
    const key = `${tenantId}\u0000${customerId}`;
    const preloaded = this.preloaded.get(key);
    // Preloads are dropped by any write that could change them (`changed`).
    if (preloaded !== undefined) {
      const answer = preloaded[part];
      // A copy: the same preload may answer again, whatever the caller does with its list.
      return Promise.resolve(Array.isArray(answer) ? [...answer] : answer);
    }
    this.beforeRead();
    let customer = this.pending.get(key);
    if (!customer) {
      customer = { tenantId, customerId, waiters: new Map() };
      this.pending.set(key, customer);
    }
    let waiters = customer.waiters.get(part);
    if (!waiters) {
      waiters = [];
      customer.waiters.set(part, waiters);
    }
    const list = waiters;
    const answer = new Promise((resolve, reject) => list.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.dispatch();
      });
    }
    return answer;
  }
}

function settle(waiters: ReadonlyArray<Waiter>, value: unknown): void {
  for (const waiter of waiters) waiter.resolve(value);
}

function fail(waiters: ReadonlyArray<Waiter>, error: unknown): void {
  for (const waiter of waiters) waiter.reject(error);
}

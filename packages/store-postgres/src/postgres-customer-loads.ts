import type { Customer, CustomerMerge, Identity, MergeProposal, StoreReader, SupportCase } from '@throughline/core';
import type { PostgresQuery, PostgresTables } from './postgres-query';

/** The reads of one customer the engine issues together when it loads the customer, in `part` order. */
const customerParts = ['getCustomer', 'customersMergedInto', 'identitiesOf', 'casesOf', 'mergesOf', 'proposalsOf'] as const;

/** One of a customer's reads. */
type CustomerPart = (typeof customerParts)[number];

/** A customer's reads, as the store answers them one statement each. */
export type CustomerReads = Pick<StoreReader, CustomerPart>;

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
  const t = tables;
  return `SELECT 0 AS part, body, id AS sort FROM ${t.customers} WHERE tenant_id = $1 AND id = $2
    UNION ALL SELECT 1, body, id FROM ${t.customers} WHERE tenant_id = $1 AND merged_into = $2
    UNION ALL SELECT 2, body, key FROM ${t.identities} WHERE tenant_id = $1 AND customer_id = $2
    UNION ALL SELECT 3, body, id FROM ${t.cases} WHERE tenant_id = $1 AND customer_id = $2
    UNION ALL SELECT 4, body, id FROM ${t.merges} WHERE tenant_id = $1 AND survivor_id = $2
    UNION ALL SELECT 4, body, id FROM ${t.merges} WHERE tenant_id = $1 AND absorbed_id = $2 AND survivor_id <> $2
    UNION ALL SELECT 5, body, id FROM ${t.proposals} WHERE tenant_id = $1 AND first_customer_id = $2
    UNION ALL SELECT 5, body, id FROM ${t.proposals} WHERE tenant_id = $1 AND second_customer_id = $2 AND first_customer_id <> $2
    ORDER BY part, sort`;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Splits the rows of {@link customerLoadSql} into the six reads' results. */
function resultsOf(rows: ReadonlyArray<{ part: number; body: string }>): PartResult {
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
 */
export class CustomerLoadCoalescer {
  private pending = new Map<string, PendingCustomer>();
  private scheduled = false;

  /**
   * @param single - the reads one statement each (for a read issued alone)
   * @param run - runs a statement on the transaction's connection, as it is
   * @param sql - {@link customerLoadSql} for the schema
   * @param beforeRead - sends the writes issued so far, which the reads must see
   */
  constructor(
    private readonly single: CustomerReads,
    private readonly run: PostgresQuery,
    private readonly sql: string,
    private readonly beforeRead: () => void,
  ) {}

  /** The six reads, coalesced. */
  reads(): CustomerReads {
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
    };
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
      this.run<{ part: number; body: string }>(this.sql, [customer.tenantId, customer.customerId]).then(
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

  private read(part: CustomerPart, tenantId: string, customerId: string): Promise<unknown> {
    this.beforeRead();
    const key = `${tenantId}\u0000${customerId}`;
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

import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { Channel } from '../model/primitives';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent, TimelineEventType } from '../model/timeline-event';

/** A webhook delivery that could not be processed, kept with its reason: nothing is lost. */
export interface DeadLetter {
  tenantId: string | null;
  id: string;
  adapterId: string | null;
  receivedAt: string;
  /** Machine-readable reason, such as `malformed_body`. */
  reason: string;
  message: string;
  /** Request headers, signature headers included (they are not secrets). */
  headers: Record<string, string>;
  url: string;
  /** The raw body as received (UTF-8). */
  body: string;
}

/** Where a backfill stream stopped, so it resumes there. */
export interface SyncCheckpoint {
  tenantId: string;
  adapterId: string;
  stream: string;
  cursor: string | null;
  updatedAt: string;
}

/** The newest known version of an entity (an order, a message, a call). */
export interface EntityVersion {
  tenantId: string;
  key: string;
  version: number;
  eventId: string;
}

/** Filters for reading a timeline, newest first. */
export interface TimelineQuery {
  tenantId: string;
  customerId?: string;
  caseId?: string;
  /** Only events strictly older than this position (a cursor from a previous page). */
  before?: { occurredAt: string; id: string };
  limit: number;
  types?: ReadonlyArray<TimelineEventType>;
  channels?: ReadonlyArray<Channel>;
}

/** An SLA timer waiting to fire (a warning or a breach). */
export interface SlaTimer {
  tenantId: string;
  /** Deterministic id of the SLA event the timer will emit. */
  id: string;
  caseId: string;
  dueAt: string;
  /** The event to append when it fires (JSON of a `TimelineEvent`). */
  event: TimelineEvent;
}

/** Reads every store offers, inside or outside a transaction. Every read is scoped to a tenant. */
export interface StoreReader {
  getEvent(tenantId: string, id: string): Promise<TimelineEvent | undefined>;
  /** Which of these event ids are already stored (the idempotency check). */
  existingEventIds(tenantId: string, ids: ReadonlyArray<string>): Promise<Set<string>>;
  /** A page of a timeline, newest first, ordered by (occurredAt, id) descending. */
  listEvents(query: TimelineQuery): Promise<TimelineEvent[]>;
  /** Every event placed on these customers, in any order. */
  eventsOfCustomers(tenantId: string, customerIds: ReadonlyArray<string>): Promise<TimelineEvent[]>;
  /** Every event of a tenant in (occurredAt, id) order, for analytics and exports. */
  scanEvents(tenantId: string, options?: { from?: string; to?: string }): AsyncIterable<TimelineEvent>;
  getCustomer(tenantId: string, id: string): Promise<Customer | undefined>;
  /** Customers merged into this one (their `mergedInto` is this id). */
  customersMergedInto(tenantId: string, survivorId: string): Promise<Customer[]>;
  /** The identities with these normalised keys. */
  findIdentities(tenantId: string, keys: ReadonlyArray<string>): Promise<Identity[]>;
  identitiesOf(tenantId: string, customerId: string): Promise<Identity[]>;
  getCase(tenantId: string, id: string): Promise<SupportCase | undefined>;
  casesOf(tenantId: string, customerId: string): Promise<SupportCase[]>;
  getMerge(tenantId: string, id: string): Promise<CustomerMerge | undefined>;
  /** Merges where the customer was survivor or absorbed. */
  mergesOf(tenantId: string, customerId: string): Promise<CustomerMerge[]>;
  getProposal(tenantId: string, id: string): Promise<MergeProposal | undefined>;
  proposalsOf(tenantId: string, customerId: string): Promise<MergeProposal[]>;
  listOpenProposals(tenantId: string, limit: number): Promise<MergeProposal[]>;
  getEntityVersion(tenantId: string, key: string): Promise<EntityVersion | undefined>;
  getCheckpoint(tenantId: string, adapterId: string, stream: string): Promise<SyncCheckpoint | undefined>;
  listDeadLetters(tenantId: string | null, limit: number): Promise<DeadLetter[]>;
  /** SLA timers due at or before `until`, soonest first. */
  dueTimers(tenantId: string | null, until: string, limit: number): Promise<SlaTimer[]>;
}

/** Writes, only inside a transaction. Puts are upserts keyed by (tenantId, id or key). */
export interface StoreWriter {
  putEvents(events: ReadonlyArray<TimelineEvent>): Promise<void>;
  /**
   * Removes events the engine derived and no longer derives (an automatic merge a later
   * re-fold does not make, an SLA event of a case that no longer exists). Never called for source events.
   */
  deleteEvents(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  putCustomers(customers: ReadonlyArray<Customer>): Promise<void>;
  deleteCustomers(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  putIdentities(identities: ReadonlyArray<Identity>): Promise<void>;
  deleteIdentities(tenantId: string, keys: ReadonlyArray<string>): Promise<void>;
  putCases(cases: ReadonlyArray<SupportCase>): Promise<void>;
  deleteCases(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  putMerges(merges: ReadonlyArray<CustomerMerge>): Promise<void>;
  deleteMerges(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  putProposals(proposals: ReadonlyArray<MergeProposal>): Promise<void>;
  deleteProposals(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  putEntityVersion(version: EntityVersion): Promise<void>;
  putCheckpoint(checkpoint: SyncCheckpoint): Promise<void>;
  putDeadLetter(letter: DeadLetter): Promise<void>;
  putTimers(timers: ReadonlyArray<SlaTimer>): Promise<void>;
  deleteTimers(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  /**
   * Takes exclusive locks on these keys until the transaction ends (PostgreSQL advisory locks;
   * a no-op where transactions are already serial). Called before reading what will be written.
   */
  lockKeys(tenantId: string, keys: ReadonlyArray<string>): Promise<void>;
  /**
   * Claims due SLA timers so exactly one instance fires each: removes and returns them
   * (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
   */
  claimDueTimers(tenantId: string | null, until: string, limit: number): Promise<SlaTimer[]>;
  /**
   * Erases a customer's personal data everywhere (identities, message bodies, addresses, profile),
   * keeping only event ids, types and times so idempotency still holds.
   */
  eraseCustomer(tenantId: string, customerId: string): Promise<void>;
  /** Erases everything held for a tenant. */
  eraseTenant(tenantId: string): Promise<void>;
}

/** A transaction: reads see its own writes; everything commits or nothing does. */
export type StoreTransaction = StoreReader & StoreWriter;

/**
 * Where Throughline keeps customers, identities, timelines, cases, idempotency keys, dead letters,
 * checkpoints and SLA timers. One interface; memory, SQLite and PostgreSQL implementations,
 * all held to the same contract suite (`describeStore`).
 */
export interface TimelineStore extends StoreReader {
  /** Implementation name, for logs (`memory`, `sqlite`, `postgres`). */
  readonly kind: string;
  /**
   * Runs `work` in one transaction and commits when it resolves; rolls back when it throws.
   * @throws whatever `work` throws, after rolling back
   */
  transaction<T>(work: (transaction: StoreTransaction) => Promise<T>): Promise<T>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}

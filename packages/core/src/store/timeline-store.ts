import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { Channel } from '../model/primitives';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent, TimelineEventType } from '../model/timeline-event';

/** A webhook delivery that could not be processed, kept with its reason: nothing is lost. */
export interface DeadLetter {
  /** The tenant the delivery belongs to; null when it was kept before a verified signature named one. */
  tenantId: string | null;
  /** Unique id of the dead letter (`dl_…`). */
  id: string;
  /** The adapter the delivery was routed to; null when no adapter recognised the request. */
  adapterId: string | null;
  /** When the delivery arrived, as an ISO-8601 instant in UTC. */
  receivedAt: string;
  /** Machine-readable reason, such as `malformed_body`. */
  reason: string;
  /** What went wrong, for a person reading the dead letters. */
  message: string;
  /** Request headers, signature headers included (they are not secrets); `authorization` is redacted. */
  headers: Record<string, string>;
  /** The request URL as received. */
  url: string;
  /** The raw body as received (UTF-8). */
  body: string;
}

/** Where a backfill stream stopped, so it resumes there. */
export interface SyncCheckpoint {
  /** The tenant being backfilled. */
  tenantId: string;
  /** The adapter whose records are read. */
  adapterId: string;
  /** Which walk of the adapter's records this is (the backfill runner names it `backfill:<since>`). */
  stream: string;
  /** The adapter's cursor to resume from; null once the stream has been read to its end. */
  cursor: string | null;
  /** When the checkpoint was written, as an ISO-8601 instant in UTC. */
  updatedAt: string;
}

/** The newest known version of an entity (an order, a message, a call). */
export interface EntityVersion {
  /** The tenant the entity belongs to. */
  tenantId: string;
  /** The entity, such as `shopify:order:820982911946154508`. */
  key: string;
  /** The highest version seen (`updated_at` in ms, Twilio `SequenceNumber`, a status rank). */
  version: number;
  /** The event that carried that version: the entity's current state. */
  eventId: string;
}

/** Filters for reading a timeline, newest first. */
export interface TimelineQuery {
  /** The tenant whose timeline is read. */
  tenantId: string;
  /** Only this customer's events; with neither this nor `caseId`, the whole tenant's timeline. */
  customerId?: string;
  /** Only this case's events (and only the customer's too, when `customerId` is also given). */
  caseId?: string;
  /** Only events strictly older than this position (a cursor from a previous page). */
  before?: {
    /** The position's instant (the last event's `occurredAt`). */
    occurredAt: string;
    /** The position's event id, which orders events of the same instant. */
    id: string;
  };
  /** Most events to return. */
  limit: number;
  /** Only events of these types; every type without it. */
  types?: ReadonlyArray<TimelineEventType>;
  /** Only events on these channels (events without a channel are left out); every event without it. */
  channels?: ReadonlyArray<Channel>;
}

/** An SLA timer waiting to fire (a warning or a breach). */
export interface SlaTimer {
  /** The tenant of the case. */
  tenantId: string;
  /** Deterministic id of the SLA event the timer will emit. */
  id: string;
  /** The case whose clock the timer belongs to. */
  caseId: string;
  /** When the timer fires, as an ISO-8601 instant in UTC. */
  dueAt: string;
  /** The event to append when it fires (JSON of a `TimelineEvent`). */
  event: TimelineEvent;
}

/** Reads every store offers, inside or outside a transaction. Every read is scoped to a tenant. */
export interface StoreReader {
  /** One event by id, or undefined when the tenant has none with that id. */
  getEvent(tenantId: string, id: string): Promise<TimelineEvent | undefined>;
  /** Which of these event ids are already stored (the idempotency check). */
  existingEventIds(tenantId: string, ids: ReadonlyArray<string>): Promise<Set<string>>;
  /** A page of a timeline, newest first, ordered by (occurredAt, id) descending. */
  listEvents(query: TimelineQuery): Promise<TimelineEvent[]>;
  /** Every event placed on these customers, in any order. */
  eventsOfCustomers(tenantId: string, customerIds: ReadonlyArray<string>): Promise<TimelineEvent[]>;
  /** Every event of a tenant in (occurredAt, id) order, for analytics and exports. */
  scanEvents(tenantId: string, options?: { from?: string; to?: string }): AsyncIterable<TimelineEvent>;
  /** One customer by id, as stored (a merged customer is returned as it is, with `mergedInto` set). */
  getCustomer(tenantId: string, id: string): Promise<Customer | undefined>;
  /** Customers merged into this one (their `mergedInto` is this id). */
  customersMergedInto(tenantId: string, survivorId: string): Promise<Customer[]>;
  /** The identities with these normalised keys. */
  findIdentities(tenantId: string, keys: ReadonlyArray<string>): Promise<Identity[]>;
  /** The identities a customer holds now (not those of customers merged into it). */
  identitiesOf(tenantId: string, customerId: string): Promise<Identity[]>;
  /** One case by id, or undefined. */
  getCase(tenantId: string, id: string): Promise<SupportCase | undefined>;
  /** Every case of a customer, open, solved and merged ones included. */
  casesOf(tenantId: string, customerId: string): Promise<SupportCase[]>;
  /** One merge record by id (undone merges included), or undefined. */
  getMerge(tenantId: string, id: string): Promise<CustomerMerge | undefined>;
  /** Merges where the customer was survivor or absorbed. */
  mergesOf(tenantId: string, customerId: string): Promise<CustomerMerge[]>;
  /** One merge proposal by id, whatever its status, or undefined. */
  getProposal(tenantId: string, id: string): Promise<MergeProposal | undefined>;
  /** Every merge proposal that names the customer, whatever its status. */
  proposalsOf(tenantId: string, customerId: string): Promise<MergeProposal[]>;
  /** Up to `limit` proposals still open, oldest `proposedAt` first (then by id). */
  listOpenProposals(tenantId: string, limit: number): Promise<MergeProposal[]>;
  /** The newest known version of an entity (see `EntityVersion.key`), or undefined when none was seen. */
  getEntityVersion(tenantId: string, key: string): Promise<EntityVersion | undefined>;
  /** Where a backfill stream of an adapter stopped, or undefined when it never ran. */
  getCheckpoint(tenantId: string, adapterId: string, stream: string): Promise<SyncCheckpoint | undefined>;
  /** Up to `limit` dead letters, oldest `receivedAt` first (then by id); a null tenant lists every tenant's and those without one. */
  listDeadLetters(tenantId: string | null, limit: number): Promise<DeadLetter[]>;
  /** SLA timers due at or before `until`, soonest first; a null tenant looks across every tenant. */
  dueTimers(tenantId: string | null, until: string, limit: number): Promise<SlaTimer[]>;
}

/** Writes, only inside a transaction. Puts are upserts keyed by (tenantId, id or key). */
export interface StoreWriter {
  /** Stores events, or replaces them by (tenantId, id) when the engine moves them to another customer or case. */
  putEvents(events: ReadonlyArray<TimelineEvent>): Promise<void>;
  /**
   * Removes events the engine derived and no longer derives (an automatic merge a later
   * re-fold does not make, an SLA event of a case that no longer exists). Never called for source events.
   */
  deleteEvents(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  /** Stores customers, replacing those with the same (tenantId, id). */
  putCustomers(customers: ReadonlyArray<Customer>): Promise<void>;
  /** Removes customers a re-fold no longer creates (ids absent from the store are skipped). */
  deleteCustomers(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  /** Stores identities, replacing those with the same (tenantId, key): an identity moves to its new customer. */
  putIdentities(identities: ReadonlyArray<Identity>): Promise<void>;
  /** Removes identities by normalised key. */
  deleteIdentities(tenantId: string, keys: ReadonlyArray<string>): Promise<void>;
  /** Stores cases, replacing those with the same (tenantId, id). */
  putCases(cases: ReadonlyArray<SupportCase>): Promise<void>;
  /** Removes cases a re-fold no longer opens. */
  deleteCases(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  /** Stores merge records, replacing those with the same (tenantId, id). */
  putMerges(merges: ReadonlyArray<CustomerMerge>): Promise<void>;
  /** Removes merge records a re-fold no longer makes. */
  deleteMerges(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  /** Stores merge proposals, replacing those with the same (tenantId, id). */
  putProposals(proposals: ReadonlyArray<MergeProposal>): Promise<void>;
  /** Removes merge proposals a re-fold no longer makes. */
  deleteProposals(tenantId: string, ids: ReadonlyArray<string>): Promise<void>;
  /** Records the newest version of an entity, replacing the one with the same (tenantId, key). */
  putEntityVersion(version: EntityVersion): Promise<void>;
  /** Records where a backfill stream stopped, replacing the checkpoint of the same tenant, adapter and stream. */
  putCheckpoint(checkpoint: SyncCheckpoint): Promise<void>;
  /** Keeps a delivery that could not be processed. */
  putDeadLetter(letter: DeadLetter): Promise<void>;
  /** Arms SLA timers, replacing those with the same (tenantId, id). */
  putTimers(timers: ReadonlyArray<SlaTimer>): Promise<void>;
  /** Disarms SLA timers (ids absent from the store are skipped). */
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

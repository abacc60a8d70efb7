import { ThroughlineError } from '../errors/throughline-error';
import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity, IdentityClaim } from '../model/identity';
import type { CaseStatus, Channel, Priority } from '../model/primitives';
import type { SupportCase } from '../model/support-case';
import type { IncomingEvent, TimelineEvent, TimelineEventType } from '../model/timeline-event';
import type { TimelineStore } from '../store/timeline-store';
import type { ThroughlineClock } from './clock';
import type { IngestPipeline } from './ingest-pipeline';
import type { IdentityNormaliser } from './normalise-identity';
import type { ChannelAdapterV1, SendResult } from '../adapter/channel-adapter';
import { type CaseReply, onCase, routeReply } from './reply-router';
import type { DueSoonEntry, SlaService } from './sla-service';
import type { SlaClock } from '../sla/clock/sla-clock-state';
import { stableHash } from './stable-hash';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

/** A page of a timeline, newest first. */
export interface TimelinePage {
  /** The page's events, newest first (by occurredAt, then id). */
  events: TimelineEvent[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

/** Options for reading a timeline. */
export interface TimelineOptions {
  /** Cursor from a previous page. */
  before?: string;
  /** Page size (default 50, at most 500). */
  limit?: number;
  /** Only events of these types. */
  types?: ReadonlyArray<TimelineEventType>;
  /** Only events on these channels (events without a channel, such as orders, are left out). */
  channels?: ReadonlyArray<Channel>;
}

/** Why an identity belongs to a customer. */
export interface IdentityExplanation {
  /** The identity the customer holds. */
  identity: Identity;
  /** The event that proved it. */
  evidence: TimelineEvent | undefined;
  /** Set when the identity came with a merge. */
  viaMerge: CustomerMerge | undefined;
}

/** A customer with every identity they hold. */
export interface CustomerView {
  /** The customer (the survivor, when the id asked for was merged into another). */
  customer: Customer;
  /** Every identity the customer holds. */
  identities: Identity[];
}

/** Something not found in this tenant. */
export class NotFoundError extends ThroughlineError {
  /**
   * Builds the error, with code `not_found`.
   * @param what - the kind of record (`Customer`, `Case`, `Merge`, …)
   * @param id - the id that was looked for
   * @example
   * ```ts
   * new NotFoundError('Case', 'case_42').message; // 'Case "case_42" does not exist in this tenant'
   * ```
   */
  constructor(what: string, id: string) {
    super('not_found', `${what} "${id}" does not exist in this tenant`);
    this.name = 'NotFoundError';
  }
}

/** Everything a tenant can read and do: customers, cases, timeline. Nothing reaches another tenant. */
export interface TenantApi {
  /** The tenant every call reads and writes. */
  readonly tenantId: string;
  /** Customers, their identities and merges. */
  customers: {
    /** A customer (following merges to the survivor) with its identities. */
    get(customerId: string): Promise<CustomerView | undefined>;
    /** The customer holding an identifier (email, phone, platform id). */
    findByIdentity(claim: IdentityClaim): Promise<CustomerView | undefined>;
    /**
     * Why each identity belongs to the customer: evidence event and merge.
     * @throws {NotFoundError} when the customer does not exist
     */
    explain(customerId: string): Promise<IdentityExplanation[]>;
    /**
     * Merges two customers by hand (recorded on the timeline); the older customer survives.
     * @throws {NotFoundError} when either customer does not exist
     * @throws {ThroughlineError} `already_merged` when both ids lead to one customer already
     */
    merge(customerIdA: string, customerIdB: string, actor?: { id?: string; name?: string }): Promise<CustomerMerge>;
    /**
     * Undoes a merge: both customers and their timelines are restored.
     * @throws {NotFoundError} when the merge does not exist
     * @throws {ThroughlineError} `already_unmerged` when the merge was undone before
     */
    unmerge(mergeId: string, actor?: { id?: string; name?: string }): Promise<void>;
    /** Merges the identity resolution proposed but would not make alone. */
    proposals(limit?: number): Promise<MergeProposal[]>;
    /**
     * Accepts a proposal: the two customers are merged.
     * @throws {NotFoundError} when the proposal or one of its customers does not exist
     * @throws {ThroughlineError} `proposal_closed` when the proposal was already accepted or rejected
     */
    acceptProposal(proposalId: string): Promise<CustomerMerge>;
  };
  /** Cases: reading, status, split and merge, and replies. */
  cases: {
    /** A case by id, as stored (a merged case has `mergedInto` set); undefined when it does not exist. */
    get(caseId: string): Promise<SupportCase | undefined>;
    /**
     * The customer's cases (following merges to the survivor), merged-away cases left out.
     * @throws {NotFoundError} when the customer does not exist
     */
    forCustomer(customerId: string): Promise<SupportCase[]>;
    /**
     * The customer's open case (not solved or closed, the latest active when several), if any.
     * @throws {NotFoundError} when the customer does not exist
     */
    openCaseOf(customerId: string): Promise<SupportCase | undefined>;
    /**
     * Sets a case's status (and optionally priority), recorded on the timeline.
     * @throws {NotFoundError} when the case does not exist
     */
    setStatus(caseId: string, status: CaseStatus, priority?: Priority): Promise<void>;
    /**
     * Moves events into a new case; returns its id.
     * @throws {NotFoundError} when the case does not exist
     */
    split(caseId: string, eventIds: ReadonlyArray<string>): Promise<string>;
    /**
     * Folds `absorbedCaseId` into `caseId`.
     * @throws {NotFoundError} when either case does not exist
     */
    merge(caseId: string, absorbedCaseId: string): Promise<void>;
    /**
     * Answers the case's customer on their last inbound channel (or the one given), through the
     * adapter that serves it, with that channel's rules (WhatsApp window, SMS segments, ticket
     * threading); the sent message lands on the case's timeline.
     * @throws {NotFoundError} when the case does not exist
     * @throws {ReplyRoutingError} when no adapter or address serves the channel
     */
    reply(caseId: string, reply: CaseReply): Promise<SendResult>;
  };
  /** Timelines, newest first, a page at a time. */
  timeline: {
    /**
     * A page of the customer's timeline across every channel (following merges to the survivor).
     * @throws {NotFoundError} when the customer does not exist
     * @throws {ValidationError} when `before` is not a cursor from a previous page
     */
    forCustomer(customerId: string, options?: TimelineOptions): Promise<TimelinePage>;
    /**
     * A page of the case's timeline.
     * @throws {NotFoundError} when the case does not exist
     * @throws {ValidationError} when `before` is not a cursor from a previous page
     */
    forCase(caseId: string, options?: TimelineOptions): Promise<TimelinePage>;
  };
  /** SLA clocks of the tenant's cases. */
  sla: {
    /**
     * The case's SLA clocks as of now (empty without SLA settings).
     * @throws {NotFoundError} when the case does not exist
     */
    forCase(caseId: string): Promise<SlaClock[]>;
    /** The queue of what breaches next, across the tenant's cases, soonest first. */
    dueSoon(options: { within: number; limit?: number }): Promise<DueSoonEntry[]>;
  };
  /** The current state of platform entities (orders, messages, calls). */
  entities: {
    /** The newest event of an entity (an order, a message, a call): its current state. */
    current(entityKey: string): Promise<TimelineEvent | undefined>;
  };
}

/** What the tenant API is built on. */
export interface TenantApiDependencies {
  /** Where records are read. */
  store: TimelineStore;
  /** Where operations (merges, status changes, sent replies) are ingested. */
  pipeline: IngestPipeline;
  /** Normalises the identifiers customers are looked up by. */
  normaliser: IdentityNormaliser;
  /** Stamps operations with their time. */
  clock: ThroughlineClock;
  /** The SLA service; undefined without SLA settings. */
  sla: SlaService | undefined;
  /** The adapters replies are sent through. */
  adapters: ReadonlyArray<ChannelAdapterV1>;
}

/**
 * Builds the tenant-scoped API.
 * @param tenantId - the tenant
 * @param dependencies - store, pipeline, normaliser, clock, SLA service and adapters
 * @returns the API
 * @example
 * ```ts
 * const api = createTenantApi('acme.myshopify.com', { store, pipeline, normaliser, clock: systemClock, sla: undefined, adapters: [] });
 * const view = await api.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' });
 * ```
 */
export function createTenantApi(tenantId: string, dependencies: TenantApiDependencies): TenantApi {
  const { store, pipeline, normaliser, clock, sla, adapters } = dependencies;

  async function survivor(customerId: string): Promise<Customer | undefined> {
    let customer = await store.getCustomer(tenantId, customerId);
    for (let hops = 0; customer?.mergedInto && hops < 100; hops++) customer = await store.getCustomer(tenantId, customer.mergedInto);
    return customer;
  }

  async function requireCustomer(customerId: string): Promise<Customer> {
    const customer = await survivor(customerId);
    if (!customer) throw new NotFoundError('Customer', customerId);
    return customer;
  }

  async function requireCase(caseId: string): Promise<SupportCase> {
    const supportCase = await store.getCase(tenantId, caseId);
    if (!supportCase) throw new NotFoundError('Case', caseId);
    return supportCase;
  }

  let lastOperationAt = 0;

  /** The instant part of a customer's `lastEventKey`, in epoch ms. */
  function latestOf(...positions: string[]): number {
    return Math.max(0, ...positions.map((position) => Date.parse(position.split('|')[0] ?? '') || 0));
  }

  function operation<T extends IncomingEvent['type']>(type: T, data: Extract<IncomingEvent, { type: T }>['data'], extra: Partial<IncomingEvent> = {}, notBefore = 0): IncomingEvent {
    // An operation applies after everything it acts on, and operations issued in one instant
    // apply in the order they were issued, whatever the clocks of the sources said.
    lastOperationAt = Math.max(clock.now(), lastOperationAt + 1, notBefore + 1);
    const occurredAt = new Date(lastOperationAt).toISOString();
    const id = `op:${type}:${stableHash(`${occurredAt}|${JSON.stringify(data)}|${Math.random()}`)}`;
    return {
      id,
      tenantId,
      occurredAt,
      source: { system: 'throughline', externalId: id },
      channel: null,
      actor: { kind: 'agent' },
      identities: [],
      ...extra,
      type,
      data,
    } as IncomingEvent;
  }

  async function page(query: { customerId?: string; caseId?: string }, options: TimelineOptions = {}): Promise<TimelinePage> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const events = await store.listEvents({
      tenantId,
      ...query,
      limit: limit + 1,
      ...(options.before ? { before: decodeTimelineCursor(options.before) } : {}),
      ...(options.types ? { types: options.types } : {}),
      ...(options.channels ? { channels: options.channels } : {}),
    });
    const hasMore = events.length > limit;
    const pageEvents = events.slice(0, limit);
    const last = pageEvents[pageEvents.length - 1];
    return { events: pageEvents, nextCursor: hasMore && last ? encodeTimelineCursor(last) : null };
  }

  return {
    tenantId,
    customers: {
      async get(customerId) {
        const customer = await survivor(customerId);
        return customer ? { customer, identities: await store.identitiesOf(tenantId, customer.id) } : undefined;
      },
      async findByIdentity(claim) {
        const normalised = normaliser.normalise(claim);
        if (!normalised.ok) return undefined;
        const [identity] = await store.findIdentities(tenantId, [normalised.key]);
        return identity ? this.get(identity.customerId) : undefined;
      },
      async explain(customerId) {
        const customer = await requireCustomer(customerId);
        const identities = await store.identitiesOf(tenantId, customer.id);
        const merges = (await store.mergesOf(tenantId, customer.id)).filter((merge) => merge.undoneAt === null && merge.survivorId === customer.id);
        return Promise.all(
          identities.map(async (identity) => ({
            identity,
            evidence: await store.getEvent(tenantId, identity.evidenceEventId),
            viaMerge: merges.find((merge) => merge.absorbedIdentityKeys.includes(identity.key)),
          })),
        );
      },
      async merge(customerIdA, customerIdB, actor) {
        const a = await requireCustomer(customerIdA);
        const b = await requireCustomer(customerIdB);
        if (a.id === b.id) throw new ThroughlineError('already_merged', `Customers "${customerIdA}" and "${customerIdB}" are already one customer`);
        const [survivorCustomer, absorbed] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
        const event = operation('identity.merged', { mergeId: '', survivorId: survivorCustomer.id, absorbedId: absorbed.id, kind: 'manual', sharedIdentityKey: null }, { actor: { kind: 'agent', ...actor } }, latestOf(a.lastEventKey, b.lastEventKey));
        const mergeId = `merge_${stableHash(event.id)}`;
        (event.data as { mergeId: string }).mergeId = mergeId;
        await pipeline.ingest(tenantId, [event]);
        const merge = await store.getMerge(tenantId, mergeId);
        if (!merge) throw new ThroughlineError('merge_failed', `Merge of "${customerIdA}" and "${customerIdB}" was not recorded`);
        return merge;
      },
      async unmerge(mergeId, actor) {
        const merge = await store.getMerge(tenantId, mergeId);
        if (!merge) throw new NotFoundError('Merge', mergeId);
        if (merge.undoneAt !== null) throw new ThroughlineError('already_unmerged', `Merge "${mergeId}" was already undone at ${merge.undoneAt}`);
        const survivorCustomer = await survivor(merge.survivorId);
        const absorbed = await store.getCustomer(tenantId, merge.absorbedId);
        const notBefore = latestOf(survivorCustomer?.lastEventKey ?? '', absorbed?.lastEventKey ?? '');
        await pipeline.ingest(tenantId, [operation('identity.unmerged', { mergeId }, { actor: { kind: 'agent', ...actor } }, notBefore)]);
      },
      proposals(limit = 100) {
        return store.listOpenProposals(tenantId, limit);
      },
      async acceptProposal(proposalId) {
        const proposal = await store.getProposal(tenantId, proposalId);
        if (!proposal) throw new NotFoundError('Merge proposal', proposalId);
        if (proposal.status !== 'open') throw new ThroughlineError('proposal_closed', `Proposal "${proposalId}" is already ${proposal.status}`);
        const [a, b] = proposal.customerIds;
        const first = await requireCustomer(a);
        const second = await requireCustomer(b);
        const [survivorCustomer, absorbed] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
        const event = operation('identity.merged', { mergeId: '', survivorId: survivorCustomer.id, absorbedId: absorbed.id, kind: 'accepted_proposal', sharedIdentityKey: proposal.sharedIdentityKey }, {}, latestOf(first.lastEventKey, second.lastEventKey));
        const mergeId = `merge_${stableHash(event.id)}`;
        (event.data as { mergeId: string }).mergeId = mergeId;
        await pipeline.ingest(tenantId, [event]);
        const merge = await store.getMerge(tenantId, mergeId);
        if (!merge) throw new ThroughlineError('merge_failed', `Accepting proposal "${proposalId}" did not merge`);
        return merge;
      },
    },
    cases: {
      get: (caseId) => store.getCase(tenantId, caseId),
      async forCustomer(customerId) {
        const customer = await requireCustomer(customerId);
        return (await store.casesOf(tenantId, customer.id)).filter((supportCase) => supportCase.mergedInto === null);
      },
      async openCaseOf(customerId) {
        const cases = await this.forCustomer(customerId);
        return cases
          .filter((supportCase) => supportCase.status !== 'solved' && supportCase.status !== 'closed')
          .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))[0];
      },
      async setStatus(caseId, status, priority) {
        const supportCase = await requireCase(caseId);
        await pipeline.ingest(tenantId, [operation('case.status_changed', { status, priority: priority ?? null }, { thread: `case:${caseId}` }, latestOf(supportCase.lastActivityAt))]);
      },
      async split(caseId, eventIds) {
        const supportCase = await requireCase(caseId);
        const event = operation('case.split', { newCaseId: '', eventIds: [...eventIds] }, { thread: `case:${caseId}` }, latestOf(supportCase.lastActivityAt));
        const newCaseId = `case_${stableHash(event.id)}`;
        (event.data as { newCaseId: string }).newCaseId = newCaseId;
        await pipeline.ingest(tenantId, [event]);
        return newCaseId;
      },
      async merge(caseId, absorbedCaseId) {
        const target = await requireCase(caseId);
        const absorbed = await requireCase(absorbedCaseId);
        await pipeline.ingest(tenantId, [operation('case.merged', { absorbedCaseId }, { thread: `case:${caseId}` }, latestOf(target.lastActivityAt, absorbed.lastActivityAt))]);
      },
      async reply(caseId, reply) {
        const supportCase = await requireCase(caseId);
        const { adapter, message } = await routeReply(store, adapters, supportCase, reply);
        const result = onCase(await adapter.doSend!(message), caseId, reply.automated);
        await pipeline.ingest(tenantId, [result.event]);
        return result;
      },
    },
    timeline: {
      async forCustomer(customerId, options) {
        const customer = await requireCustomer(customerId);
        return page({ customerId: customer.id }, options);
      },
      async forCase(caseId, options) {
        await requireCase(caseId);
        return page({ caseId }, options);
      },
    },
    sla: {
      async forCase(caseId) {
        await requireCase(caseId);
        return sla ? sla.forCase(tenantId, caseId) : [];
      },
      async dueSoon(options) {
        return sla ? sla.dueSoon(tenantId, options) : [];
      },
    },
    entities: {
      async current(entityKey) {
        const version = await store.getEntityVersion(tenantId, entityKey);
        return version ? store.getEvent(tenantId, version.eventId) : undefined;
      },
    },
  };
}

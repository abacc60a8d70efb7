import { ValidationError } from '../errors/validation-error';
import type { Customer } from '../model/customer';
import { type IncomingEvent, incomingEventSchema, type TimelineEvent } from '../model/timeline-event';
import type { StoreTransaction, TimelineStore } from '../store/timeline-store';
import type { ThroughlineClock } from './clock';
import type { FoldSettings } from './fold-state';
import { applyEvent, createChanges, type IngestChanges, lookUpEvent } from './ingest-transaction';
import type { IdentityNormaliser } from './normalise-identity';
import type { ThroughlineEvents } from './throughline-events';

/** What an ingest did. */
export interface IngestReport {
  /** Events placed on timelines (derived ones included). */
  appended: TimelineEvent[];
  /** Ids of events already stored: dropped. */
  duplicates: string[];
  /** Customer ids the delivery touched. */
  customerIds: string[];
  /** Case ids the delivery touched. */
  caseIds: string[];
}

/**
 * What an ingest transaction wrote to the timelines of the cases it touched, told to every
 * case evaluator (a fifth argument after `now`). The SLA evaluator uses it to skip listing a case
 * whose remembered state is proven committed: it folds the appended events onto that state.
 */
export interface CaseTimelineWrites {
  /** Events placed on a case for the first time in this transaction (the very objects given to the store), by case id; events other case evaluators appended included. */
  readonly appended: ReadonlyMap<string, readonly TimelineEvent[]>;
  /** Cases whose already stored events this transaction moved, re-placed, rewrote or removed (merges, splits, re-folds). */
  readonly rewritten: ReadonlySet<string>;
  /**
   * Customers this transaction created or changed, as written, by id: what `getCustomer` would
   * read for them. Absent when another case evaluator ran first (it may have written customers).
   */
  readonly customers?: ReadonlyMap<string, Customer>;
}

/** Runs after the fold inside the same transaction (the SLA engine): returns events to append. */
export type CaseEvaluator = (transaction: StoreTransaction, tenantId: string, caseIds: ReadonlySet<string>, now: number, writes?: CaseTimelineWrites) => Promise<TimelineEvent[]>;

/** Settings of the ingest pipeline. */
export interface IngestPipelineSettings {
  /** Where events and derived records are written, one transaction per ingest. */
  store: TimelineStore;
  /** Normalises the identity claims of events. */
  normaliser: IdentityNormaliser;
  /** A solved case reopens when the customer writes again within this window, in ms. */
  reopenWindowMs: number;
  /** Tier given to new customers. */
  defaultTier: string;
  /** The time case evaluators and timers see. */
  clock: ThroughlineClock;
  /** Where events out are emitted after each commit. */
  events: ThroughlineEvents;
  /** Validate adapter output with the zod schemas (on by default). */
  validate: boolean;
  /** Run on the touched cases inside each ingest transaction (the SLA engine first). */
  caseEvaluators: CaseEvaluator[];
}

const canonicalInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function normaliseInstant(event: IncomingEvent): IncomingEvent {
  if (canonicalInstant.test(event.occurredAt)) return event;
  const time = Date.parse(event.occurredAt);
  if (Number.isNaN(time)) return event;
  const iso = new Date(time).toISOString();
  return iso === event.occurredAt ? event : { ...event, occurredAt: iso };
}

/** Adds events to the per-case record of what a transaction appended. */
function recordAppended(byCase: Map<string, TimelineEvent[]>, events: ReadonlyArray<TimelineEvent>): void {
  for (const event of events) {
    if (event.caseId === null) continue;
    const list = byCase.get(event.caseId);
    if (list === undefined) byCase.set(event.caseId, [event]);
    else list.push(event);
  }
}

/**
 * The ingest path shared by webhooks, backfills and API operations: validate, drop duplicates,
 * resolve identity, assign cases, evaluate SLA clocks and append — all in one store transaction —
 * then emit typed events after the commit.
 */
export class IngestPipeline {
  /** Runs after every committed ingest (the SLA timer re-arms itself here). */
  afterCommit: ((report: IngestReport) => Promise<void>) | null = null;

  /**
   * Builds the pipeline `createThroughline` shares between webhooks, backfills and the tenant API.
   * @param settings - store, normaliser, case settings, clock, events and evaluators
   * @example
   * ```ts
   * const pipeline = new IngestPipeline({ store, normaliser, reopenWindowMs: 72 * 3_600_000, defaultTier: 'standard', clock: systemClock, events, validate: true, caseEvaluators: [] });
   * ```
   */
  constructor(private readonly settings: IngestPipelineSettings) {}

  /**
   * Ingests events for one tenant.
   * @param tenantId - the tenant every event must belong to
   * @param incoming - events as adapters produce them
   * @returns what was appended and what was a duplicate
   * @throws {ValidationError} when an event does not match the model or names another tenant
   * @example
   * ```ts
   * const report = await pipeline.ingest('acme.myshopify.com', parsed.events);
   * console.log(`${report.appended.length} appended, ${report.duplicates.length} duplicates`);
   * ```
   */
  async ingest(tenantId: string, incoming: ReadonlyArray<IncomingEvent>): Promise<IngestReport> {
    const events: IncomingEvent[] = [];
    for (const [index, raw] of incoming.entries()) {
      if (this.settings.validate) {
        const parsed = incomingEventSchema.safeParse(raw);
        if (!parsed.success) throw ValidationError.fromZod(`Event ${index} (${raw.type ?? 'unknown type'})`, parsed.error);
      }
      if (raw.tenantId !== tenantId) {
        throw new ValidationError(`Event ${raw.id} belongs to tenant "${raw.tenantId}", not "${tenantId}"`, [
          { path: [index, 'tenantId'], message: 'wrong tenant' },
        ]);
      }
      events.push(normaliseInstant(raw));
    }
    const fold: FoldSettings = {
      tenantId,
      normaliser: this.settings.normaliser,
      reopenWindowMs: this.settings.reopenWindowMs,
      defaultTier: this.settings.defaultTier,
    };
    const changes = await this.settings.store.transaction(async (transaction) => {
      const result = createChanges();
      // Issued together: which events are stored already, and what applying the first one reads
      // first (its locks and identities). A networked store answers both in one round trip; for a
      // duplicate, the lookup is wasted and its locks are held until the commit.
      const [existing, firstLookup] = await Promise.all([
        transaction.existingEventIds(tenantId, events.map((event) => event.id)),
        events.length > 0 ? lookUpEvent(transaction, events[0]!, fold) : undefined,
      ]);
      const seen = new Set<string>();
      for (const [index, event] of events.entries()) {
        if (existing.has(event.id) || seen.has(event.id)) {
          result.duplicates.push(event.id);
          continue;
        }
        seen.add(event.id);
        if (event.entity) {
          const stored = await transaction.getEntityVersion(tenantId, event.entity.key);
          if (!stored || stored.version < event.entity.version) {
            await transaction.putEntityVersion({ tenantId, key: event.entity.key, version: event.entity.version, eventId: event.id });
          }
        }
        await applyEvent(transaction, event, fold, result, index === 0 ? firstLookup : undefined);
      }
      if (result.touchedCaseIds.size > 0 && this.settings.caseEvaluators.length > 0) {
        // What this transaction wrote to each case: the SLA evaluator (run last) skips re-reading a
        // case whose only change is these appends.
        const appendedByCase = new Map<string, TimelineEvent[]>();
        recordAppended(appendedByCase, result.appended);
        const writes: CaseTimelineWrites = {
          appended: appendedByCase,
          rewritten: result.rewrittenCaseIds,
          ...(this.settings.caseEvaluators.length === 1 ? { customers: result.touchedCustomers } : {}),
        };
        result.appended.push(...(await this.evaluateCases(transaction, tenantId, result.touchedCaseIds, this.settings.clock.now(), appendedByCase, writes)));
      }
      return result;
    });
    await this.emitChanges(tenantId, changes);
    const report = {
      appended: changes.appended,
      duplicates: changes.duplicates,
      customerIds: [...changes.touchedCustomers.keys()],
      caseIds: [...changes.touchedCaseIds],
    };
    await this.afterCommit?.(report);
    return report;
  }

  /**
   * Fires the SLA timers due by `now` exactly once (PostgreSQL instances claim them with
   * `FOR UPDATE SKIP LOCKED`), re-evaluating their cases in the same transaction.
   * @param now - epoch ms
   * @param limit - most timers to claim in one go
   * @returns the SLA events appended
   * @example
   * ```ts
   * const fired = await pipeline.fireDueTimers(clock.now());
   * ```
   */
  async fireDueTimers(now: number, limit = 500): Promise<TimelineEvent[]> {
    const byTenant = await this.settings.store.transaction(async (transaction) => {
      const claimed = await transaction.claimDueTimers(null, new Date(now).toISOString(), limit);
      const cases = new Map<string, Set<string>>();
      for (const timer of claimed) {
        let set = cases.get(timer.tenantId);
        if (!set) {
          set = new Set();
          cases.set(timer.tenantId, set);
        }
        set.add(timer.caseId);
      }
      const appended = new Map<string, TimelineEvent[]>();
      for (const [tenantId, caseIds] of cases) {
        const appendedByCase = new Map<string, TimelineEvent[]>();
        const writes: CaseTimelineWrites = { appended: appendedByCase, rewritten: new Set() };
        appended.set(tenantId, await this.evaluateCases(transaction, tenantId, caseIds, now, appendedByCase, writes));
      }
      return appended;
    });
    const all: TimelineEvent[] = [];
    for (const [tenantId, events] of byTenant) {
      const changes = createChanges();
      changes.appended.push(...events);
      await this.emitChanges(tenantId, changes);
      all.push(...events);
    }
    return all;
  }

  /**
   * Runs the case evaluators in order; each is told what the transaction appended so far, the
   * events of the evaluators before it included.
   */
  private async evaluateCases(
    transaction: StoreTransaction,
    tenantId: string,
    caseIds: ReadonlySet<string>,
    now: number,
    appendedByCase: Map<string, TimelineEvent[]>,
    writes: CaseTimelineWrites,
  ): Promise<TimelineEvent[]> {
    const added: TimelineEvent[] = [];
    for (const evaluate of this.settings.caseEvaluators) {
      const events = await evaluate(transaction, tenantId, caseIds, now, writes);
      recordAppended(appendedByCase, events);
      added.push(...events);
    }
    return added;
  }

  private async emitChanges(tenantId: string, changes: IngestChanges): Promise<void> {
    const { events, store } = this.settings;
    for (const customer of changes.createdCustomers) events.emit('customer.created', customer);
    for (const id of changes.newMergeIds) {
      const merge = await store.getMerge(tenantId, id);
      if (merge && merge.undoneAt === null) events.emit('customer.merged', merge);
    }
    for (const id of changes.newProposalIds) {
      const proposal = await store.getProposal(tenantId, id);
      if (proposal) events.emit('customer.merge_proposed', proposal);
    }
    const opened = new Set(changes.openedCaseIds);
    if (events.hasListeners('case.opened') || events.hasListeners('case.updated')) {
      for (const id of changes.touchedCaseIds) {
        const supportCase = await store.getCase(tenantId, id);
        if (supportCase) events.emit(opened.has(id) ? 'case.opened' : 'case.updated', supportCase);
      }
    }
    for (const event of changes.appended) {
      events.emit('timeline.appended', event);
      if (event.type === 'sla.applied' || event.type === 'sla.warning' || event.type === 'sla.breached' || event.type === 'sla.fulfilled') {
        events.emit(event.type, event);
      }
    }
  }
}

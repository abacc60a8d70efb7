import type { CountryCode } from 'libphonenumber-js';
import type { ChannelAdapterV1, DeliveryOutcome, OutboundMessage, SendResult } from '../adapter/channel-adapter';
import { ThroughlineError } from '../errors/throughline-error';
import { ValidationError } from '../errors/validation-error';
import type { IncomingEvent } from '../model/timeline-event';
import type { TimelineStore } from '../store/timeline-store';
import { BackfillRunner } from './backfill-runner';
import { systemClock, type ThroughlineClock } from './clock';
import { type CaseEvaluator, type IngestReport, IngestPipeline } from './ingest-pipeline';
import { IdentityNormaliser } from './normalise-identity';
import { PrivacyService } from './privacy-service';
import { createSlaEvaluator, type SlaSettings } from './sla-evaluator';
import { SlaService } from './sla-service';
import { createTenantApi, type TenantApi } from './tenant-api';
import { ThroughlineEvents } from './throughline-events';
import type { BodyReadResult } from './read-body';
import { type BufferedDeliveryEntry, bufferedDeliveryEntry } from './webhook-answer';
import { WebhookHandler } from './webhook-handler';

/** How to build a Throughline instance. */
export interface ThroughlineOptions {
  /** Where everything is kept. */
  store: TimelineStore;
  /** The platforms to accept webhooks from and send through. */
  adapters: ReadonlyArray<ChannelAdapterV1>;
  /** Region assumed for phone numbers without a country code (default `US`). */
  defaultRegion?: CountryCode;
  /** A solved case reopens when the customer writes again within this window (default 72 hours). */
  reopenWindowMs?: number;
  /** Tier of new customers (default `standard`). */
  defaultTier?: string;
  /** Largest webhook body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The public base URL the platforms call, when behind a proxy (Twilio signs it). */
  publicUrl?: string;
  /** Time source (a test clock in tests). */
  clock?: ThroughlineClock;
  /** Validate adapter output against the model (default true). */
  validateEvents?: boolean;
  /** SLA policies and calendars; without them no clocks run. */
  sla?: SlaSettings;
  /** Extra evaluators run on touched cases inside the ingest transaction (the SLA engine is one). */
  caseEvaluators?: ReadonlyArray<CaseEvaluator>;
}

/** A Throughline instance: the webhook entry point, tenant APIs, backfill and events out. */
export interface Throughline {
  /** The webhook entry point for every platform. */
  webhooks: {
    /**
     * Handles one delivery: route, cap, verify, parse, deduplicate, ingest, then acknowledge.
     * @param request - the platform's request
     * @returns the answer for the platform
     */
    handle(request: Request): Promise<Response>;
  };
  /**
   * Ingests events directly (tests, imports): the same path as webhooks after parsing.
   * @throws {ValidationError} when an event does not match the model or names another tenant
   */
  ingest(tenantId: string, events: ReadonlyArray<IncomingEvent>): Promise<IngestReport>;
  /** The API of one tenant. */
  tenant(tenantId: string): TenantApi;
  /** Backfills an adapter through the ingest path, checkpointed. */
  backfill: BackfillRunner;
  /**
   * Sends a message through an adapter and records it on the timeline.
   * @throws {ThroughlineError} `send_unsupported` when no adapter has the id or it cannot send
   */
  send(adapterId: string, message: OutboundMessage): Promise<SendResult>;
  /** SLA clocks: queries, `tick(now)` for serverless apps; undefined without SLA settings. */
  sla: SlaService | undefined;
  /** Typed events out. */
  events: ThroughlineEvents;
  /** The store it runs on. */
  store: TimelineStore;
  /** The adapters it routes to. */
  adapters: ReadonlyArray<ChannelAdapterV1>;
  /** Stops timers and closes the store. */
  close(): Promise<void>;
}

/**
 * Creates a Throughline instance over a store and a set of channel adapters.
 *
 * @param options - store, adapters and policies
 * @returns the instance
 * @throws {ValidationError} when two adapters share an id
 * @example
 * ```ts
 * const throughline = createThroughline({ store: createMemoryStore(), adapters: [shopify, zendesk, twilio] });
 * server.on('request', toNodeHandler(throughline.webhooks.handle));
 * ```
 */
export function createThroughline(options: ThroughlineOptions): Throughline {
  const ids = options.adapters.map((adapter) => adapter.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new ValidationError(`Two adapters share the id "${duplicate}"`, [{ path: ['adapters'], message: 'duplicate adapter id' }]);
  const clock = options.clock ?? systemClock;
  const events = new ThroughlineEvents();
  const normaliser = new IdentityNormaliser(options.defaultRegion ?? 'US');
  const pipeline = new IngestPipeline({
    store: options.store,
    normaliser,
    reopenWindowMs: options.reopenWindowMs ?? 72 * 3_600_000,
    defaultTier: options.defaultTier ?? 'standard',
    clock,
    events,
    validate: options.validateEvents ?? true,
    // The SLA evaluator runs last, so it sees what the others appended.
    caseEvaluators: [...(options.caseEvaluators ?? []), ...(options.sla ? [createSlaEvaluator(options.sla)] : [])],
  });
  const sla = options.sla ? new SlaService(options.store, pipeline, clock, options.sla) : undefined;
  if (sla && options.sla?.timers !== false) {
    sla.start();
    pipeline.afterCommit = (report) => (report.caseIds.length > 0 ? sla.reschedule() : Promise.resolve());
  }
  const tenants = new Map<string, TenantApi>();
  const tenant = (tenantId: string): TenantApi => {
    let api = tenants.get(tenantId);
    if (!api) {
      api = createTenantApi(tenantId, { store: options.store, pipeline, normaliser, clock, sla, adapters: options.adapters });
      tenants.set(tenantId, api);
    }
    return api;
  };
  const outcomeOf = async (tenantId: string, customerIds: string[], appended: DeliveryOutcome['events']): Promise<DeliveryOutcome> => {
    const api = tenant(tenantId);
    const customerId = appended.find((event) => event.actor.kind === 'customer')?.customerId ?? customerIds[0];
    const view = customerId ? await api.customers.get(customerId) : undefined;
    const openCase = view ? ((await api.cases.openCaseOf(view.customer.id)) ?? null) : null;
    const slaClocks = openCase && sla ? await sla.summaryOf(tenantId, openCase.id) : [];
    return { events: appended, customer: view?.customer ?? null, openCase, slaClocks };
  };
  const handler = new WebhookHandler({
    adapters: options.adapters,
    store: options.store,
    pipeline,
    privacy: new PrivacyService(options.store, normaliser, events),
    events,
    clock,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    publicUrl: options.publicUrl,
    outcomeOf,
  });
  return {
    webhooks: {
      // toNodeHandler finds the buffered entry on the function and reads bodies straight from the socket.
      handle: Object.assign((request: Request) => handler.handle(request), {
        [bufferedDeliveryEntry]: { maxBodyBytes: handler.maxBodyBytes, answer: (request: Request, read: BodyReadResult) => handler.answer(request, read) } satisfies BufferedDeliveryEntry,
      }),
    },
    ingest: (tenantId, incoming) => pipeline.ingest(tenantId, incoming),
    tenant,
    backfill: new BackfillRunner(options.adapters, options.store, pipeline, events, clock),
    async send(adapterId, message) {
      const adapter = options.adapters.find((candidate) => candidate.id === adapterId);
      if (!adapter?.doSend) throw new ThroughlineError('send_unsupported', `Adapter "${adapterId}" cannot send messages`);
      const result = await adapter.doSend(message);
      await pipeline.ingest(message.tenantId, [result.event]);
      return result;
    },
    sla,
    events,
    store: options.store,
    adapters: options.adapters,
    async close() {
      sla?.stop();
      await options.store.close();
    },
  };
}

import type { ChannelAdapterV1, DeliveryOutcome, PrivacyRequest, WebhookDelivery } from '../adapter/channel-adapter';
import { ThroughlineError } from '../errors/throughline-error';
import type { TimelineStore } from '../store/timeline-store';
import type { ThroughlineClock } from './clock';
import { createDeadLetter } from './dead-letter';
import type { IngestPipeline } from './ingest-pipeline';
import type { PrivacyService } from './privacy-service';
import { type BodyReadResult, readBodyCapped } from './read-body';
import type { ThroughlineEvents } from './throughline-events';
import { type JsonWebhookAnswer, type WebhookAnswer, webhookResponse } from './webhook-answer';

/** Settings of the webhook entry point. */
export interface WebhookHandlerSettings {
  /** The adapters deliveries are routed to (by path segment, then by `matchesWebhook`). */
  adapters: ReadonlyArray<ChannelAdapterV1>;
  /** Where dead letters are kept. */
  store: TimelineStore;
  /** Where parsed events are ingested. */
  pipeline: IngestPipeline;
  /** Carries out privacy requests the platforms send as webhooks. */
  privacy: PrivacyService;
  /** Where `webhook.*` events are emitted. */
  events: ThroughlineEvents;
  /** Stamps deliveries with the time they were received. */
  clock: ThroughlineClock;
  /** Largest body accepted, in bytes (413 above). */
  maxBodyBytes: number;
  /** The public base URL the platforms call, when the app sits behind a proxy. */
  publicUrl: string | undefined;
  /** Builds the outcome adapters answer with (customer, open case, SLA clocks). */
  outcomeOf: (tenantId: string, customerIds: string[], events: DeliveryOutcome['events']) => Promise<DeliveryOutcome>;
}

const decoder = new TextDecoder();
const methodNotAllowed: JsonWebhookAnswer = { status: 405, body: { error: 'method_not_allowed', message: 'This method is not one the platform sends webhooks with (POST, or GET where the adapter declares it)' } };
const defaultWebhookMethods: ReadonlyArray<'POST' | 'GET'> = ['POST'];

/**
 * Whether a delivery may come with this method: one of those the adapter declares in
 * `capabilities.webhookMethods` (`POST` when it declares none). A `POST` no adapter recognises goes
 * on, to be kept as a dead letter and answered 404.
 */
function methodAllowed(method: string, adapter: ChannelAdapterV1 | undefined): boolean {
  if (!adapter) return method === 'POST';
  return (adapter.capabilities.webhookMethods ?? defaultWebhookMethods).includes(method as 'POST' | 'GET');
}

function json(status: number, body: Record<string, unknown>): JsonWebhookAnswer {
  return { status, body };
}

function publicUrlOf(request: Request, publicUrl: string | undefined): URL {
  const url = new URL(request.url);
  if (!publicUrl) return url;
  const base = new URL(publicUrl);
  return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}${url.pathname}${url.search}`);
}

/**
 * The one webhook entry point: route, cap the body (413), verify (401), parse (400 with a dead
 * letter), drop duplicates, ingest in one transaction, and only then acknowledge (200).
 */
export class WebhookHandler {
  /**
   * Builds the handler behind `throughline.webhooks.handle`.
   * @param settings - adapters, store, pipeline, privacy service, events, clock and limits
   * @example
   * ```ts
   * const handler = new WebhookHandler({ adapters, store, pipeline, privacy, events, clock: systemClock, maxBodyBytes: 1024 * 1024, publicUrl: undefined, outcomeOf });
   * ```
   */
  constructor(private readonly settings: WebhookHandlerSettings) {}

  private route(request: Request): ChannelAdapterV1 | undefined {
    const segments = new URL(request.url).pathname.split('/').filter(Boolean);
    for (const segment of segments.reverse()) {
      const byPath = this.settings.adapters.find((adapter) => adapter.id === segment);
      if (byPath) return byPath;
    }
    return this.settings.adapters.find((adapter) => adapter.matchesWebhook(request));
  }

  private async deadLetter(request: Request, body: string, details: { tenantId: string | null; adapterId: string | null; reason: string; message: string }): Promise<void> {
    const letter = createDeadLetter(request, body, details, this.settings.clock.now());
    await this.settings.store.transaction((transaction) => transaction.putDeadLetter(letter));
    this.settings.events.emit('webhook.dead_lettered', letter);
  }

  /**
   * Handles one webhook delivery from any platform.
   * @param request - the platform's request
   * @returns 200 once committed; 401, 400, 404, 405, 413 with a JSON reason otherwise; 500 on store failure
   * @example
   * ```ts
   * const response = await handler.handle(request);
   * ```
   */
  async handle(request: Request): Promise<Response> {
    const adapter = this.route(request);
    // A refused method is answered before its body is read.
    if (!methodAllowed(request.method, adapter)) return webhookResponse(methodNotAllowed);
    return webhookResponse(await this.answerRouted(request, await readBodyCapped(request, this.settings.maxBodyBytes), adapter));
  }

  /** Largest body accepted, in bytes. */
  get maxBodyBytes(): number {
    return this.settings.maxBodyBytes;
  }

  /**
   * Handles one delivery whose body the caller has read up to {@link maxBodyBytes}: what
   * {@link handle} does after reading the body, without building a `Response`.
   * @param request - the platform's request: its method, URL and headers (the body is not read)
   * @param read - the body, or its refusal over the cap
   * @returns the answer: a status with a JSON body, or the adapter's own reply
   * @example
   * ```ts
   * const answer = await handler.answer(new Request(url, { method: 'POST', headers }), { ok: true, bytes: body });
   * ```
   */
  answer(request: Request, read: BodyReadResult): Promise<WebhookAnswer> {
    const adapter = this.route(request);
    if (!methodAllowed(request.method, adapter)) return Promise.resolve(methodNotAllowed);
    return this.answerRouted(request, read, adapter);
  }

  private async answerRouted(request: Request, read: BodyReadResult, adapter: ChannelAdapterV1 | undefined): Promise<WebhookAnswer> {
    const bodyText = decoder.decode(read.bytes);
    if (!adapter) {
      await this.deadLetter(request, bodyText, { tenantId: null, adapterId: null, reason: 'no_adapter', message: 'No adapter recognises this request' });
      return json(404, { error: 'no_adapter', message: 'No adapter recognises this request (path or headers)' });
    }
    if (!read.ok) {
      const message = `Body exceeds ${this.settings.maxBodyBytes} bytes`;
      await this.deadLetter(request, bodyText, { tenantId: null, adapterId: adapter.id, reason: 'body_too_large', message });
      return json(413, { error: 'body_too_large', message });
    }
    const delivery: WebhookDelivery = {
      request,
      url: publicUrlOf(request, this.settings.publicUrl),
      rawBody: read.bytes,
      bodyText,
      receivedAt: new Date(this.settings.clock.now()),
    };
    const verification = await adapter.doVerifyWebhook(delivery);
    if (!verification.ok) {
      this.settings.events.emit('webhook.rejected', { adapterId: adapter.id, reason: verification.reason, message: verification.message });
      await this.deadLetter(request, bodyText, { tenantId: null, adapterId: adapter.id, reason: verification.reason, message: verification.message });
      return json(401, { error: 'webhook_verification_failed', reason: verification.reason, message: verification.message });
    }
    const tenantId = verification.tenantId;
    const parsed = await adapter.doParseWebhook(delivery, tenantId);
    if (!parsed.ok) {
      await this.deadLetter(request, bodyText, { tenantId, adapterId: adapter.id, reason: parsed.reason, message: parsed.message });
      return json(400, { error: parsed.reason, message: parsed.message });
    }
    if (parsed.kind === 'ignored') {
      await this.deadLetter(request, bodyText, { tenantId, adapterId: adapter.id, reason: 'ignored', message: parsed.reason });
      return json(200, { ok: true, ignored: parsed.reason });
    }
    if (parsed.kind === 'privacy') return this.handlePrivacy(parsed.request, tenantId);
    try {
      const report = await this.settings.pipeline.ingest(tenantId, parsed.events);
      this.settings.events.emit('webhook.accepted', { adapterId: adapter.id, tenantId, accepted: report.appended.length, duplicates: report.duplicates.length });
      if (parsed.respond) return await parsed.respond(await this.settings.outcomeOf(tenantId, report.customerIds, report.appended));
      return json(200, { ok: true, accepted: report.appended.length, duplicates: report.duplicates.length });
    } catch (error) {
      if (ThroughlineError.isInstance(error) && error.code === 'validation_failed') {
        await this.deadLetter(request, bodyText, { tenantId, adapterId: adapter.id, reason: 'invalid_event', message: error.message });
        return json(400, { error: 'invalid_event', message: error.message });
      }
      // Not acknowledged: the platform retries, and the store rolled back, so nothing is half-written.
      return json(500, { error: 'ingest_failed', message: 'The delivery could not be stored; it will be retried' });
    }
  }

  private async handlePrivacy(request: PrivacyRequest, tenantId: string): Promise<WebhookAnswer> {
    if (request.tenantId !== tenantId) return json(400, { error: 'wrong_tenant', message: 'The privacy request names another tenant' });
    await this.settings.privacy.handle(request);
    return json(200, { ok: true, privacy: request.kind });
  }
}

import {
  type CaseStatus,
  type ChannelAdapterV1,
  type EventPage,
  type IncomingEvent,
  type ListEventsOptions,
  type OutboundMessage,
  type SendResult,
  ValidationError,
  type WebhookDelivery,
  type WebhookParseResult,
  type WebhookVerification,
} from '@throughline/core/adapter';
import { sleep as defaultSleep, parseJsonLossless } from '@throughline/core/adapter-utils';
import { createIncrementalSync } from './incremental-sync';
import { mapEventWebhook } from './map-event-webhook';
import { mapTriggerWebhook } from './map-trigger-webhook';
import { importZendeskSla, type ZendeskSlaImport } from './sla-import';
import { zendeskTriggerBodySchema } from './trigger-template';
import { ZendeskDirectory } from './user-directory';
import { createZendeskWebhookVerifier, zendeskTestSigningSecret, zendeskWebhookHeaders } from './verify-zendesk-webhook';
import { zendeskEventWebhookSchema } from './zendesk-api-types';
import { type CaseTicket, type CaseTicketRequest, createZendeskOutbound } from './zendesk-outbound';
import { createZendeskRestClient, type ZendeskRestClient } from './zendesk-rest-client';
import { type ResolvedZendeskSettings, resolveZendeskSettings, type ZendeskSettings } from './zendesk-settings';

/** The Zendesk adapter: the `ChannelAdapterV1` contract plus Zendesk's extras. */
export interface ZendeskAdapter extends ChannelAdapterV1 {
  readonly id: 'zendesk';
  /** Lists one page of the incremental sync (users, then tickets, then ticket events). */
  doListEvents(options: ListEventsOptions): Promise<EventPage>;
  /** Adds a public reply or, with `internal: true`, an internal note to the ticket named by `to`. */
  doSend(message: OutboundMessage): Promise<SendResult>;
  /**
   * Sets a ticket's status (or custom status) and returns the `ticket.status_changed` event. A ticket
   * never goes back to New once it left it (a Zendesk rule), and Closed is Zendesk's to set, so neither
   * is offered.
   * @throws {ValidationError} when given `new` or `closed` anyway (from untyped code), before calling Zendesk
   * @throws {ApiCallError} when Zendesk refuses the update
   */
  setTicketStatus(tenantId: string, ticketId: string, status: Exclude<CaseStatus, 'closed' | 'new'> | { customStatusId: string }): Promise<IncomingEvent>;
  /**
   * Opens a Zendesk ticket for a case that began on another channel (idempotent by case id).
   * @throws {ApiCallError} when Zendesk refuses the ticket
   */
  createTicketForCase(request: CaseTicketRequest): Promise<CaseTicket>;
  /**
   * Reads SLA policies, schedules and holidays as Throughline policies and calendars.
   * @throws {ApiCallError} when Zendesk refuses (admin role and an SLA plan are needed)
   */
  importSla(options?: { signal?: AbortSignal }): Promise<ZendeskSlaImport>;
  /** The paced REST client (rate-limit stats live on its pacers); null without credentials. */
  readonly client: ZendeskRestClient | null;
}

function requireClient(client: ZendeskRestClient | null, what: string): ZendeskRestClient {
  if (!client) throw new ValidationError(`Zendesk ${what} needs \`credentials\``, [{ path: ['credentials'], message: 'required' }]);
  return client;
}

/**
 * Creates the Zendesk adapter: verifies and parses event-subscription and trigger webhooks, backfills
 * through the incremental exports at the allowed rate, sends replies and notes, and imports SLA settings.
 *
 * @param settings - subdomain, credentials, webhook secrets, account → tenant mapping, and fakes for tests
 * @returns the adapter
 * @throws {ValidationError} when settings are missing or malformed (secrets are never echoed)
 * @example
 * ```ts
 * const zendesk = createZendesk({
 *   subdomain: 'acme',
 *   credentials: { kind: 'api_token', email: 'ops@acme.com', token: process.env.ZENDESK_TOKEN! },
 *   webhookSecrets: [process.env.ZENDESK_WEBHOOK_SECRET!],
 *   accounts: { '12514403': 'acme' },
 * });
 * ```
 */
export function createZendesk(settings: ZendeskSettings): ZendeskAdapter {
  const resolved: ResolvedZendeskSettings = resolveZendeskSettings(settings);
  const clock = resolved.clock ?? { now: () => Date.now() };
  const sleep = resolved.sleep ?? defaultSleep;
  const directory = new ZendeskDirectory();
  const accounts = Object.fromEntries(Object.entries(resolved.accounts).map(([key, tenant]) => [key.toLowerCase(), tenant]));
  const verify = createZendeskWebhookVerifier({
    secrets: resolved.acceptTestSecret ? [...resolved.webhookSecrets, zendeskTestSigningSecret] : resolved.webhookSecrets,
    replayWindowMs: resolved.replayWindowMs,
    accounts,
    clock,
  });
  const client = resolved.credentials
    ? createZendeskRestClient({
        subdomain: resolved.subdomain,
        credentials: resolved.credentials,
        ...(resolved.fetch ? { fetch: resolved.fetch } : {}),
        clock,
        sleep,
        windowMs: resolved.rateLimitWindowMs,
        exportRequestsPerWindow: resolved.exportRequestsPerWindow,
      })
    : null;
  const customStatuses = resolved.customStatuses;
  const sync = client
    ? createIncrementalSync({
        client,
        directory,
        subdomain: resolved.subdomain,
        clock,
        pageSize: resolved.exportPageSize,
        commentSource: resolved.commentSource,
        customStatuses,
      })
    : null;
  const outbound = client ? createZendeskOutbound({ client, directory, subdomain: resolved.subdomain, customStatuses }) : null;

  async function doParseWebhook(delivery: WebhookDelivery, tenantId: string): Promise<WebhookParseResult> {
    const contentType = delivery.request.headers.get('content-type') ?? 'application/json';
    if (!/json/i.test(contentType)) {
      return { ok: false, reason: 'unsupported_media_type', message: `Expected a JSON webhook body, got ${contentType}` };
    }
    let body: unknown;
    try {
      body = parseJsonLossless(delivery.bodyText);
    } catch {
      return { ok: false, reason: 'malformed_body', message: 'The webhook body is not JSON' };
    }
    if (typeof body !== 'object' || body === null) return { ok: false, reason: 'malformed_body', message: 'The webhook body is not a JSON object' };
    try {
      if ('throughline' in body) {
        const trigger = zendeskTriggerBodySchema.safeParse(body);
        if (!trigger.success) return { ok: false, reason: 'missing_fields', message: ValidationError.fromZod('Zendesk trigger body', trigger.error).message };
        const signedAt = Date.parse(delivery.request.headers.get(zendeskWebhookHeaders.timestamp) ?? '');
        return mapTriggerWebhook(trigger.data, {
          tenantId,
          subdomain: resolved.subdomain,
          directory,
          signedAt: Number.isNaN(signedAt) ? delivery.receivedAt.getTime() : signedAt,
          invocationId: delivery.request.headers.get(zendeskWebhookHeaders.invocationId),
        });
      }
      const event = zendeskEventWebhookSchema.safeParse(body);
      if (!event.success) {
        return {
          ok: false,
          reason: 'missing_fields',
          message: `${ValidationError.fromZod('Zendesk event webhook', event.error).message} (trigger bodies need the shipped template)`,
        };
      }
      return mapEventWebhook(event.data, { tenantId, subdomain: resolved.subdomain, directory, customStatuses });
    } catch (error) {
      // Mapping is total over validated input; anything else is still a bad delivery, never a crash.
      return { ok: false, reason: 'malformed_body', message: `The webhook body could not be mapped: ${String(error)}` };
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'zendesk',
    capabilities: { channels: ['email', 'web', 'chat', 'social', 'sms', 'whatsapp', 'voice', 'other'], webhooks: true, backfill: client !== null, send: client !== null },
    client,
    matchesWebhook(request: Request): boolean {
      return request.headers.has(zendeskWebhookHeaders.signature) || request.headers.has(zendeskWebhookHeaders.webhookId);
    },
    doVerifyWebhook(delivery: WebhookDelivery): Promise<WebhookVerification> {
      return verify(delivery);
    },
    doParseWebhook,
    async doListEvents(options) {
      requireClient(client, 'backfill');
      return sync!(options);
    },
    async doSend(message) {
      requireClient(client, 'sending');
      return outbound!.doSend(message);
    },
    async setTicketStatus(tenantId, ticketId, status) {
      requireClient(client, 'status changes');
      return outbound!.setTicketStatus(tenantId, ticketId, status);
    },
    async createTicketForCase(request) {
      requireClient(client, 'ticket creation');
      return outbound!.createTicketForCase(request);
    },
    async importSla(options = {}) {
      return importZendeskSla(requireClient(client, 'SLA import'), options.signal);
    },
  };
}

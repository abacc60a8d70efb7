import type {
  ChannelAdapterV1,
  EventPage,
  ListEventsOptions,
  OutboundMessage,
  SendResult,
  WebhookDelivery,
  WebhookParseResult,
  WebhookVerification,
} from '@throughline/core/adapter';
import { fetchTwilioMedia } from './messaging/fetch-twilio-media';
import { countSmsSegments, type SmsSegmentCount } from './messaging/segment-count';
import { sendTwilioMessage } from './messaging/send-twilio-message';
import { parseTwilioWebhook } from './parse-twilio-webhook';
import { listTwilioEvents } from './rest/list-twilio-events';
import { createTwilioRestClient, type TwilioRestClient } from './rest/twilio-rest-client';
import { createTwilioSignatureVerifier, type TwilioSignatureVerifier } from './signature/twilio-signature';
import { TwilioSendError } from './twilio-errors';
import { resolveTwilioSettings, type TwilioSettings } from './twilio-settings';
import { verifyTwilioWebhook } from './verify-twilio-webhook';

/** The Twilio adapter: the `ChannelAdapterV1` contract plus Twilio's own tools. */
export interface TwilioAdapter extends ChannelAdapterV1 {
  readonly id: 'twilio';
  /** Lists one backfill page: messages since the date, then calls. */
  doListEvents(options: ListEventsOptions): Promise<EventPage>;
  /** Sends an SMS or WhatsApp message. */
  doSend(message: OutboundMessage): Promise<SendResult>;
  /**
   * Downloads message media from Twilio's media hosts only.
   * @param url - a media URL from a `message.received` event
   * @param options - an abort signal
   */
  fetchMedia(url: string, options?: { signal?: AbortSignal }): Promise<Response>;
  /**
   * Counts the SMS segments a body will be billed as.
   * @param body - the message text
   */
  countSegments(body: string): SmsSegmentCount;
  /** The tenant a Twilio account belongs to, or null. */
  tenantOf(accountSid: string): string | null;
  /** The signature verifier (also used by the testing kit and benchmarks). */
  readonly signatureVerifier: TwilioSignatureVerifier;
  /** The REST client (concurrency-limited, retrying). */
  readonly restClient: TwilioRestClient;
}

/**
 * Creates the Twilio adapter: verifies `X-Twilio-Signature`, maps SMS, MMS, WhatsApp and voice callbacks
 * onto the timeline, answers calls with TwiML chosen by the `voiceResponder` hook, sends SMS and WhatsApp
 * and backfills messages and calls.
 *
 * @param settings - account SID, auth tokens, account-to-tenant mapping, public base URL and options
 * @returns the adapter
 * @throws {ValidationError} when the settings are invalid (secrets never appear in the message)
 * @example
 * ```ts
 * const twilio = createTwilio({
 *   accountSid: 'AC…',
 *   authTokens: [process.env.TWILIO_AUTH_TOKEN!],
 *   accounts: { 'AC…': 'acme' },
 *   publicBaseUrl: 'https://support.acme.com',
 * });
 * ```
 */
export function createTwilio(settings: TwilioSettings): TwilioAdapter {
  const resolved = resolveTwilioSettings(settings);
  const verifier = createTwilioSignatureVerifier(resolved.authTokens);
  const client = createTwilioRestClient(resolved);
  const apiHost = new URL(resolved.apiBaseUrl).host.toLowerCase();

  function tenantOf(accountSid: string): string | null {
    return Object.hasOwn(resolved.accounts, accountSid) ? resolved.accounts[accountSid]! : null;
  }

  function accountOf(tenantId: string): string {
    if (tenantOf(resolved.accountSid) === tenantId) return resolved.accountSid;
    const found = Object.entries(resolved.accounts).find(([, tenant]) => tenant === tenantId);
    if (!found) throw new TwilioSendError('unknown_tenant', `No Twilio account is mapped to tenant ${tenantId}`);
    return found[0];
  }

  return {
    specificationVersion: 'v1',
    id: 'twilio',
    // A number's voice and messaging webhooks can be configured as GETs, with the parameters in the query.
    capabilities: { channels: ['sms', 'whatsapp', 'voice'], webhooks: true, backfill: true, send: true, webhookMethods: ['POST', 'GET'] },
    matchesWebhook(request: Request): boolean {
      return request.headers.has('x-twilio-signature');
    },
    async doVerifyWebhook(delivery: WebhookDelivery): Promise<WebhookVerification> {
      try {
        return await verifyTwilioWebhook(delivery, { verifier, accounts: resolved.accounts, publicBaseUrl: resolved.publicBaseUrl });
      } catch {
        return { ok: false, reason: 'invalid_signature', message: 'The delivery could not be verified' };
      }
    },
    async doParseWebhook(delivery: WebhookDelivery, tenantId: string): Promise<WebhookParseResult> {
      try {
        return await parseTwilioWebhook(delivery, tenantId, resolved);
      } catch (error) {
        return { ok: false, reason: 'malformed_body', message: `The delivery could not be read: ${error instanceof Error ? error.name : 'error'}` };
      }
    },
    async doListEvents(options: ListEventsOptions): Promise<EventPage> {
      return listTwilioEvents(options, { client, accountSid: accountOf(options.tenantId), pageSize: resolved.pageSize, apiBaseUrl: resolved.apiBaseUrl });
    },
    async doSend(message: OutboundMessage): Promise<SendResult> {
      return sendTwilioMessage(message, { client, settings: resolved, accountSid: accountOf(message.tenantId) });
    },
    async fetchMedia(url: string, options: { signal?: AbortSignal } = {}): Promise<Response> {
      return fetchTwilioMedia(url, {
        mediaHosts: resolved.mediaHosts,
        authorization: client.authorization,
        apiHost,
        fetch: resolved.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    },
    countSegments: countSmsSegments,
    tenantOf,
    signatureVerifier: verifier,
    restClient: client,
  };
}

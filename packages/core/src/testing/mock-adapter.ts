import type { ChannelAdapterV1 } from '../adapter/channel-adapter';
import { createSignatureVerifier } from '../adapter-utils/crypto/webhook-signature';
import { parseJsonLossless } from '../adapter-utils/lossless-json';
import type { IncomingEvent } from '../model/timeline-event';

/** Settings of the mock adapter. */
export interface MockAdapterSettings {
  /** Signing secrets, current first. */
  secrets: ReadonlyArray<string>;
  /** Account name → tenant id. */
  accounts: Record<string, string>;
}

/** The JSON body the mock platform sends: its account, a delivery id and the events. */
export interface MockDeliveryBody {
  /** The mock platform account; `accounts` maps it to a tenant. */
  account: string;
  /** An id of the delivery, for the test's own bookkeeping (the mock does not deduplicate on it). */
  deliveryId: string;
  /** The events, as the model's incoming events without `tenantId` (the account decides it). */
  events: Array<Omit<IncomingEvent, 'tenantId'>>;
}

const signatureHeader = 'x-mock-signature';
const accountHeader = 'x-mock-account';

/**
 * Creates an adapter for a made-up platform whose webhooks carry unified events directly:
 * the smallest complete `ChannelAdapterV1`, for tests, examples and the contract suite.
 *
 * @param settings - secrets and account mapping
 * @returns the adapter
 * @example
 * ```ts
 * const mock = createMockAdapter({ secrets: ['s3cret'], accounts: { acme: 'acme' } });
 * ```
 */
export function createMockAdapter(settings: MockAdapterSettings): ChannelAdapterV1 {
  const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: settings.secrets, encoding: 'hex' });
  return {
    specificationVersion: 'v1',
    id: 'mock',
    capabilities: { channels: ['web', 'email', 'sms'], webhooks: true, backfill: false, send: false },
    matchesWebhook: (request) => request.headers.has(signatureHeader),
    async doVerifyWebhook(delivery) {
      const signature = delivery.request.headers.get(signatureHeader);
      if (!signature) return { ok: false, reason: 'missing_signature', message: `${signatureHeader} header is missing` };
      if (!(await verifier.verify(delivery.rawBody, signature))) {
        return { ok: false, reason: 'invalid_signature', message: `${signatureHeader} does not match the body` };
      }
      const account = delivery.request.headers.get(accountHeader) ?? '';
      const tenantId = settings.accounts[account];
      if (tenantId === undefined) return { ok: false, reason: 'unknown_tenant', message: `No tenant owns account "${account}"` };
      return { ok: true, tenantId, deliveryId: null };
    },
    async doParseWebhook(delivery, tenantId) {
      let body: unknown;
      try {
        body = parseJsonLossless(delivery.bodyText);
      } catch (error) {
        return { ok: false, reason: 'malformed_body', message: `Body is not JSON: ${(error as Error).message}` };
      }
      const raw = (body as { events?: unknown }).events;
      if (!Array.isArray(raw)) return { ok: false, reason: 'missing_fields', message: 'Body has no "events" array' };
      // The ingest pipeline validates every event against the model (400 naming the field), so
      // the mock does not parse them a second time.
      const events = raw.map((item) => ({ ...(item as object), tenantId }) as IncomingEvent);
      return { ok: true, kind: 'events', events };
    },
  };
}

/**
 * Builds a signed mock-platform webhook request.
 * @param options - where to send it, the secret, the account and the body
 * @returns a `Request` ready for `webhooks.handle`
 * @example
 * ```ts
 * const delivery = await signMockDelivery({
 *   url: 'https://support.acme.com/webhooks',
 *   secret: 's3cret',
 *   account: 'acme',
 *   body: { account: 'acme', deliveryId: 'delivery-1', events: [webFormMessage] },
 * });
 * await throughline.webhooks.handle(delivery);
 * ```
 */
export async function signMockDelivery(options: {
  url: string;
  secret: string;
  account: string;
  body: MockDeliveryBody | string;
}): Promise<Request> {
  const text = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: [options.secret], encoding: 'hex' });
  return new Request(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [signatureHeader]: await verifier.sign(text), [accountHeader]: options.account },
    body: text,
  });
}

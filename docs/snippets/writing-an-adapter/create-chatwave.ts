// #region imports
import type { ChannelAdapterV1 } from '@throughline/core/adapter';
import { createApiClient, createSignatureVerifier, parseJsonLossless } from '@throughline/core/adapter-utils';
import { chatwaveMessagePageSchema, chatwaveWebhookSchema } from './chatwave-api-types';
import { mapChatwaveMessage } from './map-chatwave-message';
// #endregion imports

// #region settings
/** How to connect Throughline to Chatwave. */
export interface ChatwaveSettings {
  /** Webhook signing secrets, current first: during a rotation both verify. */
  signingSecrets: ReadonlyArray<string>;
  /** Chatwave workspace id → Throughline tenant id; other workspaces are refused. */
  workspaces: Readonly<Record<string, string>>;
  /** REST API token, for backfills. */
  apiToken?: string;
  /** REST API origin (default `https://api.chatwave.example`). */
  apiBaseUrl?: string;
  /** How far a signature timestamp may be from now, in ms (default 5 minutes). */
  replayWindowMs?: number;
  /** Injected fetch (tests, edge runtimes). */
  fetch?: typeof fetch;
  /** Clock for the replay window (tests). */
  now?: () => number;
}
// #endregion settings

/**
 * Creates the Chatwave adapter: verifies and maps chat webhooks, and backfills messages page by page.
 *
 * @param settings - secrets, workspaces, API token
 * @returns the adapter
 * @example
 * ```ts
 * const chatwave = createChatwave({ signingSecrets: [process.env.CHATWAVE_SECRET!], workspaces: { ws_42: 'acme' } });
 * ```
 */
export function createChatwave(settings: ChatwaveSettings): ChannelAdapterV1 {
  // #region verify
  const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: settings.signingSecrets, encoding: 'hex' });
  const now = settings.now ?? Date.now;
  const replayWindowMs = settings.replayWindowMs ?? 5 * 60_000;
  // #endregion verify
  const api = createApiClient({
    platform: 'chatwave',
    baseUrl: settings.apiBaseUrl ?? 'https://api.chatwave.example',
    headers: settings.apiToken ? { authorization: `Bearer ${settings.apiToken}` } : {},
    secrets: settings.apiToken ? [settings.apiToken] : [],
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  });

  return {
    specificationVersion: 'v1',
    id: 'chatwave',
    capabilities: { channels: ['chat'], webhooks: true, backfill: settings.apiToken !== undefined, send: false },
    matchesWebhook: (request) => request.headers.has('x-chatwave-signature'),

    // #region verify
    async doVerifyWebhook(delivery) {
      const header = delivery.request.headers.get('x-chatwave-signature');
      const timestamp = Number(delivery.request.headers.get('x-chatwave-timestamp'));
      if (!header?.startsWith('sha256=')) return { ok: false, reason: 'missing_signature', message: 'x-chatwave-signature is missing' };
      if (!Number.isFinite(timestamp)) return { ok: false, reason: 'missing_header', message: 'x-chatwave-timestamp is missing' };
      // Chatwave signs `<timestamp>.<raw body>`: the exact bytes, never re-serialised JSON.
      const signed = `${timestamp}.${delivery.bodyText}`;
      if (!(await verifier.verify(signed, header.slice('sha256='.length)))) {
        return { ok: false, reason: 'invalid_signature', message: 'x-chatwave-signature does not match the body' };
      }
      if (Math.abs(now() - timestamp * 1000) > replayWindowMs) return { ok: false, reason: 'stale_timestamp', message: 'The signature is too old' };
      const workspace = delivery.request.headers.get('x-chatwave-workspace') ?? '';
      const tenantId = settings.workspaces[workspace];
      if (tenantId === undefined) return { ok: false, reason: 'unknown_tenant', message: `No tenant owns workspace "${workspace}"` };
      return { ok: true, tenantId, deliveryId: null };
    },
    // #endregion verify

    // #region parse
    async doParseWebhook(delivery, tenantId) {
      let json: unknown;
      try {
        json = parseJsonLossless(delivery.bodyText);
      } catch {
        return { ok: false, reason: 'malformed_body', message: 'The body is not JSON' };
      }
      const body = chatwaveWebhookSchema.safeParse(json);
      if (!body.success) return { ok: false, reason: 'missing_fields', message: body.error.issues[0]?.message ?? 'unexpected body' };
      if (body.data.type !== 'message.created' || !body.data.message) return { ok: true, kind: 'ignored', reason: `${body.data.type} is not mapped` };
      return { ok: true, kind: 'events', events: [mapChatwaveMessage(body.data.message, tenantId)] };
    },
    // #endregion parse

    // #region backfill
    async doListEvents({ tenantId, since, cursor, signal }) {
      const response = await api.request({
        method: 'GET',
        path: 'v1/messages',
        searchParams: { since: since.toISOString(), limit: 100, ...(cursor ? { cursor } : {}) },
        ...(signal ? { signal } : {}),
      });
      const page = chatwaveMessagePageSchema.parse(response.body);
      return { events: page.data.map((message) => mapChatwaveMessage(message, tenantId)), nextCursor: page.next_cursor };
    },
    // #endregion backfill
  };
}

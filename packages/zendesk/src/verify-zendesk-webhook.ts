import type { WebhookDelivery, WebhookVerification } from '@throughline/core/adapter';
import { createZendeskSignatureCheck } from '#zendesk-signature';
import type { ZendeskClock } from './zendesk-settings';

/**
 * The secret Zendesk signs "Test webhook" requests with before a webhook exists
 * (https://developer.zendesk.com/documentation/webhooks/verifying/).
 */
export const zendeskTestSigningSecret = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';

/** The headers Zendesk sends with every webhook request. */
export const zendeskWebhookHeaders = {
  /** Base64 HMAC-SHA256 of the timestamp followed by the raw body. */
  signature: 'x-zendesk-webhook-signature',
  /** When Zendesk signed the request; checked against the replay window. */
  timestamp: 'x-zendesk-webhook-signature-timestamp',
  /** The account the delivery comes from. */
  accountId: 'x-zendesk-account-id',
  /** The webhook that sent it. */
  webhookId: 'x-zendesk-webhook-id',
  /** The delivery's id, kept across retries: the duplicate key. */
  invocationId: 'x-zendesk-webhook-invocation-id',
} as const;

/** How to check Zendesk webhook deliveries. */
export interface ZendeskWebhookVerifierOptions {
  /** Signing secrets, current first; used as literal strings, never base64-decoded. */
  secrets: ReadonlyArray<string>;
  /** Max distance between the signature timestamp and now, either way, in ms. */
  replayWindowMs: number;
  /** Account id or subdomain → tenant id; subdomain keys in lower case. */
  accounts: Readonly<Record<string, string>>;
  /** Where the verifier reads the time for the replay window. */
  clock: ZendeskClock;
}

/** Checks one delivery; never throws. */
export type ZendeskWebhookVerifier = (delivery: WebhookDelivery) => Promise<WebhookVerification>;

const digit = (text: string, index: number) => text.charCodeAt(index) - 48;

/** Reads Zendesk's `2021-03-25T05:09:27Z` form without `Date.parse` (hot path); other forms fall back to it. */
function signatureTime(timestamp: string): number {
  if (timestamp.length === 20 && timestamp[10] === 'T' && timestamp[19] === 'Z' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(timestamp)) {
    return Date.UTC(
      digit(timestamp, 0) * 1000 + digit(timestamp, 1) * 100 + digit(timestamp, 2) * 10 + digit(timestamp, 3),
      digit(timestamp, 5) * 10 + digit(timestamp, 6) - 1,
      digit(timestamp, 8) * 10 + digit(timestamp, 9),
      digit(timestamp, 11) * 10 + digit(timestamp, 12),
      digit(timestamp, 14) * 10 + digit(timestamp, 15),
      digit(timestamp, 17) * 10 + digit(timestamp, 18),
    );
  }
  return /^[\x20-\x7e]+$/.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
}

function subdomainOfBody(body: { account_url?: unknown }): string | null {
  const match = typeof body.account_url === 'string' ? /^(?:https?:\/\/)?([a-z0-9-]+)\.zendesk\.com/i.exec(body.account_url) : null;
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * Names the tenant of a signed delivery. Zendesk sends `X-Zendesk-Account-Id` on every request, but
 * `accounts` may be keyed by subdomain: when the header's id is not mapped, the subdomain in a trigger
 * body's `{{ticket.url}}` decides. The body's `account_id` is read only when the header is missing.
 * Nothing else names a tenant: the adapter's own subdomain does not, since a delivery from an unmapped
 * account (another account of the same operator, a sandbox) would land in the wrong tenant.
 */
function tenantOf(accountId: string | null, bodyText: string, accounts: Readonly<Record<string, string>>): string | undefined {
  if (accountId && accounts[accountId]) return accounts[accountId];
  let body: { account_id?: unknown; account_url?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed === 'object' && parsed !== null) body = parsed;
  } catch {
    // Not JSON: only the header could have named the tenant.
  }
  const bodyAccountId = !accountId && body.account_id !== undefined ? String(body.account_id) : null;
  if (bodyAccountId && accounts[bodyAccountId]) return accounts[bodyAccountId];
  const bodySubdomain = subdomainOfBody(body);
  return bodySubdomain ? accounts[bodySubdomain] : undefined;
}

/**
 * Builds the verifier for Zendesk webhooks: base64 HMAC-SHA256 over `timestamp + raw body`,
 * timestamps outside the replay window refused, the account mapped to a tenant (by the
 * `X-Zendesk-Account-Id` header, else by a trigger body's subdomain), and the invocation id returned as the delivery id
 * (Zendesk keeps it across retries).
 *
 * @param options - secrets, replay window, account mapping and clock
 * @returns a function that checks a delivery and never throws
 * @throws {TypeError} when no secret is given
 * @example
 * ```ts
 * const verify = createZendeskWebhookVerifier({ secrets: [secret], replayWindowMs: 300_000, accounts: { '123': 'acme' }, clock: { now: Date.now } });
 * const verification = await verify(delivery);
 * ```
 */
export function createZendeskWebhookVerifier(options: ZendeskWebhookVerifierOptions): ZendeskWebhookVerifier {
  if (options.secrets.length === 0) throw new TypeError('At least one signing secret is required');
  const check = createZendeskSignatureCheck(options.secrets);
  const accounts = options.accounts;
  return async (delivery) => {
    const headers = delivery.request.headers;
    const signature = headers.get(zendeskWebhookHeaders.signature);
    if (!signature) return { ok: false, reason: 'missing_signature', message: 'X-Zendesk-Webhook-Signature is missing' };
    const timestamp = headers.get(zendeskWebhookHeaders.timestamp);
    const signedAt = timestamp ? signatureTime(timestamp) : Number.NaN;
    if (!timestamp || Number.isNaN(signedAt)) {
      return { ok: false, reason: 'missing_header', message: 'X-Zendesk-Webhook-Signature-Timestamp is missing or unreadable' };
    }
    const now = options.clock.now();
    if (signedAt < now - options.replayWindowMs) {
      return { ok: false, reason: 'stale_timestamp', message: `Signature timestamp ${timestamp} is outside the replay window` };
    }
    if (signedAt > now + options.replayWindowMs) {
      return { ok: false, reason: 'future_timestamp', message: `Signature timestamp ${timestamp} is ahead of the clock beyond the replay window` };
    }
    const checked = check(timestamp, delivery.rawBody, signature);
    if (!(typeof checked === 'boolean' ? checked : await checked)) {
      return { ok: false, reason: 'invalid_signature', message: 'X-Zendesk-Webhook-Signature does not match the timestamp and body' };
    }
    const accountId = headers.get(zendeskWebhookHeaders.accountId);
    const tenantId = tenantOf(accountId, delivery.bodyText, accounts);
    if (!tenantId) {
      return { ok: false, reason: 'unknown_tenant', message: `Zendesk account ${accountId ?? '(unnamed)'} is not mapped to a tenant: key \`accounts\` by this account id (a subdomain key names the tenant of trigger webhooks only)` };
    }
    return { ok: true, tenantId, deliveryId: headers.get(zendeskWebhookHeaders.invocationId) };
  };
}

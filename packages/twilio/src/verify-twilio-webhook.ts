import type { WebhookDelivery, WebhookVerification } from '@throughline/core/adapter';
import { sha256Hex, timingSafeEqual } from '@throughline/core/adapter-utils';
import { firstField, readTwilioDelivery } from './read-twilio-delivery';
import type { TwilioSignatureVerifier } from './signature/twilio-signature';

/** What verification needs from the adapter. */
export interface TwilioVerificationContext {
  verifier: TwilioSignatureVerifier;
  accounts: Readonly<Record<string, string>>;
  publicBaseUrl: string | null;
}

const encoder = new TextEncoder();

/** Whether the URL is already under the public base URL (the core's `publicUrl` rewrote it): same origin and path prefix. */
function isUnderPublicBase(url: URL, publicBaseUrl: string): boolean {
  let base: URL;
  try {
    base = new URL(publicBaseUrl);
  } catch {
    return false;
  }
  if (url.origin !== base.origin) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  return prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

/**
 * The URL Twilio requested: the public base URL plus the request's path and query when the app sits
 * behind a proxy, the request URL otherwise; the query is kept as received and the fragment dropped.
 * A URL already under the public base URL (the core's `publicUrl` rewrote it) is used as it is, so the
 * prefix is never added twice.
 *
 * @param url - the delivery URL
 * @param publicBaseUrl - the configured public origin and path prefix, if any
 * @returns the URL to verify
 * @example
 * ```ts
 * // Behind a proxy that forwards https://support.acme.com/twilio/… to http://10.0.0.5:3000/…
 * signedWebhookUrl(new URL('http://10.0.0.5:3000/webhooks/twilio?tenant=acme'), 'https://support.acme.com/twilio');
 * // 'https://support.acme.com/twilio/webhooks/twilio?tenant=acme'
 * signedWebhookUrl(new URL('https://support.acme.com/twilio/webhooks/twilio'), 'https://support.acme.com/twilio');
 * // 'https://support.acme.com/twilio/webhooks/twilio' (already public: unchanged)
 * ```
 */
export function signedWebhookUrl(url: URL, publicBaseUrl: string | null): string {
  const withoutHash = url.hash ? url.href.slice(0, url.href.length - url.hash.length) : url.href;
  if (publicBaseUrl === null || isUnderPublicBase(url, publicBaseUrl)) return withoutHash;
  return publicBaseUrl + withoutHash.slice(url.origin.length);
}

/**
 * Checks `X-Twilio-Signature` (and the body hash of JSON deliveries) and names the tenant of the account
 * that sent the delivery. Never throws for bad input.
 *
 * @param delivery - the webhook delivery
 * @param context - the signature verifier, account mapping and public base URL
 * @returns the tenant, or why the delivery was refused
 */
export async function verifyTwilioWebhook(delivery: WebhookDelivery, context: TwilioVerificationContext): Promise<WebhookVerification> {
  const signature = delivery.request.headers.get('x-twilio-signature');
  if (signature === null || signature.trim() === '') {
    return { ok: false, reason: 'missing_signature', message: 'The X-Twilio-Signature header is missing' };
  }
  const content = readTwilioDelivery(delivery);
  const url = signedWebhookUrl(delivery.url, context.publicBaseUrl);
  const match = await context.verifier.verify({ url, params: content.signedParams, signature: signature.trim() });
  if (match === null) {
    return {
      ok: false,
      reason: 'invalid_signature',
      message: `X-Twilio-Signature does not match ${content.kind === 'json' ? 'the URL' : 'the URL and parameters'} under any configured auth token (is publicBaseUrl the URL configured in Twilio?)`,
    };
  }
  if (content.kind === 'json') {
    // JSON bodies are signed through their SHA-256 in the query: https://www.twilio.com/docs/usage/webhooks/webhooks-security
    const expected = await sha256Hex(delivery.rawBody);
    if (!timingSafeEqual(encoder.encode(expected), encoder.encode((content.bodySha256 ?? '').toLowerCase()))) {
      return { ok: false, reason: 'body_hash_mismatch', message: 'The body does not match the bodySHA256 query parameter' };
    }
  }
  const accountSid = firstField(content, 'AccountSid') ?? firstField(content, 'account_sid');
  const tenantId = accountSid !== null && Object.hasOwn(context.accounts, accountSid) ? context.accounts[accountSid] : undefined;
  if (tenantId === undefined) {
    return {
      ok: false,
      reason: 'unknown_tenant',
      message: accountSid === null ? 'The delivery names no AccountSid' : `Twilio account ${accountSid} is not mapped to a tenant`,
    };
  }
  return { ok: true, tenantId, deliveryId: delivery.request.headers.get('i-twilio-idempotency-token') };
}

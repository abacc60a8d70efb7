import { readDelivery } from '@throughline/core/testing';
import { createTwilio, type TwilioAdapter } from './create-twilio';
import { twilioSid } from './testing/twilio-sids';
import { createTwilioWebhookBuilder } from './testing/twilio-webhook-builder';
import type { TwilioSettings } from './twilio-settings';

// Shared by this package's tests only (not exported).

/** The account of the test tenant. */
export const accountSid = twilioSid('AC', 0xac);
/** An account no tenant owns. */
export const strangerAccountSid = twilioSid('AC', 0xbad);
/** The current auth token. */
export const authToken = '0123456789abcdef0123456789abcdef';
/** The previous auth token, still accepted during a rotation. */
export const previousAuthToken = 'fedcba9876543210fedcba9876543210';
/** The tenant. */
export const tenantId = 'acme';
/** The webhook URL configured in Twilio. */
export const webhookUrl = 'https://hooks.acme.test/webhooks/twilio';
/** The shop's numbers. */
export const shopNumber = '+15005550006';
export const customerNumber = '+14155550100';

/**
 * Builds an adapter with the test account.
 * @param overrides - settings to change
 * @returns the adapter
 */
export function testAdapter(overrides: Partial<TwilioSettings> = {}): TwilioAdapter {
  return createTwilio({
    accountSid,
    authTokens: [authToken, previousAuthToken],
    accounts: { [accountSid]: tenantId },
    messaging: { from: shopNumber, whatsappFrom: `whatsapp:${shopNumber}` },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
}

/** A webhook builder for the test account. */
export const webhooks = createTwilioWebhookBuilder({ authToken, accountSid, url: webhookUrl });

/**
 * Verifies then parses a request like the ingest pipeline does.
 * @param adapter - the adapter
 * @param request - the webhook request
 * @returns verification and parse results
 */
export async function ingest(adapter: TwilioAdapter, request: Request) {
  const delivery = await readDelivery(request);
  const verification = await adapter.doVerifyWebhook(delivery);
  if (!verification.ok) return { verification, parsed: null } as const;
  return { verification, parsed: await adapter.doParseWebhook(delivery, verification.tenantId) } as const;
}

import type { Throughline } from '@throughline/core';
// #region try-it
import { createMemoryStore, createThroughline } from '@throughline/core';
import { createTwilio } from '@throughline/twilio';
import { createTwilioWebhookBuilder } from '@throughline/twilio/testing';

// #endregion try-it

/**
 * Feeds one signed Twilio SMS to a fresh instance, as the getting-started guide shows.
 * @returns the instance and the webhook answer's status
 */
export async function tryIt(): Promise<{ throughline: Throughline; status: number }> {
  // #region try-it
  const accountSid = 'AC00000000000000000000000000000001';
  const authToken = 'test-auth-token';
  const throughline = createThroughline({
    store: createMemoryStore(),
    adapters: [createTwilio({ accountSid, authTokens: [authToken], accounts: { [accountSid]: 'acme' } })],
  });

  const twilio = createTwilioWebhookBuilder({ authToken, accountSid, url: 'https://support.acme.com/webhooks/twilio' });
  const request = await twilio.inboundSms({ from: '+14155550100', to: '+15005550006', body: 'Where is my order #1042?' });
  const response = await throughline.webhooks.handle(request);
  console.log(response.status); // 200, once the message is stored
  // #endregion try-it
  return { throughline, status: response.status };
}

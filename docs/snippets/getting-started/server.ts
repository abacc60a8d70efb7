// #region server
import { createServer } from 'node:http';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { toNodeHandler } from '@throughline/core/node';
import { createShopify } from '@throughline/shopify';
import { createTwilio } from '@throughline/twilio';
import { createZendesk } from '@throughline/zendesk';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

export const throughline = createThroughline({
  store: createMemoryStore(), // a durable store in production: see docs/stores.md
  adapters: [
    createShopify({ clientSecrets: [setting('SHOPIFY_CLIENT_SECRET')], shops: { 'acme.myshopify.com': 'acme' } }),
    createZendesk({ subdomain: 'acme', webhookSecrets: [setting('ZENDESK_WEBHOOK_SECRET')], accounts: { '12514403': 'acme' } }),
    createTwilio({
      accountSid: setting('TWILIO_ACCOUNT_SID'),
      authTokens: [setting('TWILIO_AUTH_TOKEN')],
      accounts: { [setting('TWILIO_ACCOUNT_SID')]: 'acme' },
    }),
  ],
  // The URL the platforms call: Twilio signs it, so it must be the public one behind a proxy.
  publicUrl: 'https://support.acme.com',
});

throughline.events.on('case.opened', (supportCase) => console.log(`case ${supportCase.id} opened on ${supportCase.channel}`));
throughline.events.on('webhook.rejected', ({ adapterId, reason }) => console.warn(`${adapterId} delivery refused: ${reason}`));

createServer(toNodeHandler(throughline.webhooks.handle)).listen(3000);
// #endregion server

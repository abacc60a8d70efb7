/**
 * Runtime smoke run: ingests signed Shopify and Twilio webhooks (and a mock-platform delivery)
 * through webhooks.handle with the memory store, then prints what one customer's timeline holds.
 * Bundled with esbuild for a neutral runtime and run on Node, Bun and Deno by the test beside it.
 */
import { createMemoryStore, createThroughline } from '@throughline/core';
import { createMockAdapter, signMockDelivery } from '@throughline/core/testing/fakes';
import { createShopify } from '@throughline/shopify';
import { createShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { createTwilio } from '@throughline/twilio';
import { createTwilioWebhookBuilder } from '@throughline/twilio/testing';

const accountSid = `AC${'1'.repeat(32)}`;
const base = 'https://support.example.com';
const throughline = createThroughline({
  store: createMemoryStore(),
  defaultRegion: 'US',
  adapters: [
    createShopify({ clientSecrets: ['shopify-secret'], shops: { 'acme.myshopify.com': 'acme' } }),
    createTwilio({ accountSid, authTokens: ['twilio-token'], accounts: { [accountSid]: 'acme' }, publicBaseUrl: base }),
    createMockAdapter({ secrets: ['mock-secret'], accounts: { acme: 'acme' } }),
  ],
});

const shopify = createShopifyWebhookBuilder({ secret: 'shopify-secret', url: `${base}/webhooks/shopify`, shop: 'acme.myshopify.com' });
const order = `{"id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Order/820982911946154508","name":"#1042","order_number":1042,"email":"ana@example.com","phone":"+1(502)-459-2181","created_at":"2026-11-27T08:00:00-05:00","updated_at":"2026-11-27T08:00:00-05:00","currency":"USD","total_price":"129.90","financial_status":"paid","fulfillment_status":null,"line_items":[{"id":1,"title":"Coat","quantity":1}],"customer":{"id":115310627314723954,"email":"ana@example.com","phone":"+15024592181","first_name":"Ana","last_name":"Silva"}}`;
const twilio = createTwilioWebhookBuilder({ authToken: 'twilio-token', accountSid, url: `${base}/webhooks/twilio` });

const results: Record<string, number> = {};
results.shopify = (await throughline.webhooks.handle(await shopify.build('orders/create', order))).status;
results.twilio = (await throughline.webhooks.handle(await twilio.inboundWhatsApp({ from: 'whatsapp:+15024592181', to: 'whatsapp:+14155550100', body: 'Where is my order?', profileName: 'Ana' }))).status;
const tampered = await twilio.inboundSms({ from: '+15024592181', to: '+14155550100', body: 'hi' });
results.tampered = (await throughline.webhooks.handle(new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: 'Body=changed' }))).status;
const mock = await signMockDelivery({
  url: `${base}/webhooks/mock`,
  secret: 'mock-secret',
  account: 'acme',
  body: {
    account: 'acme',
    deliveryId: 'd1',
    events: [{ id: 'web-1', occurredAt: '2026-11-27T15:00:00.000Z', source: { system: 'mock', externalId: 'web-1' }, channel: 'web', actor: { kind: 'customer' }, identities: [{ kind: 'email', value: 'ANA@example.com' }], type: 'message.received', data: { messageId: 'web-1', body: 'Still waiting', subject: null, media: [], from: null, to: null } }],
  },
});
results.mock = (await throughline.webhooks.handle(mock)).status;

const acme = throughline.tenant('acme');
const ana = await acme.customers.findByIdentity({ kind: 'phone', value: '502-459-2181' });
const page = ana ? await acme.timeline.forCustomer(ana.customer.id) : { events: [] };
console.log(
  JSON.stringify({
    results,
    identities: ana?.identities.map((identity) => identity.key).sort() ?? [],
    types: page.events.map((event) => event.type),
    orderId: page.events.find((event) => event.type === 'order.placed')?.data,
  }),
);

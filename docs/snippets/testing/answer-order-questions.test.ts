// #region setup
import { createMemoryStore, createThroughline } from '@throughline/core';
import { createShopify } from '@throughline/shopify';
import { createShopifyDataset, createShopifyHandlers, createShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { createTwilio } from '@throughline/twilio';
import { createTwilioFake, createTwilioWebhookBuilder, twilioSid } from '@throughline/twilio/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerOrderQuestions } from './answer-order-questions';

const shop = 'acme.myshopify.com';
const shopifySecret = 'test-client-secret';
const accountSid = twilioSid('AC', 1);
const authToken = 'test-auth-token';
const shopNumber = '+15005550006';

// The platforms' APIs: a seeded shop and a Twilio account, both served by msw.
const dataset = createShopifyDataset({ seed: 3, shop, customers: 5, orders: 12 });
const shopifyApi = createShopifyHandlers({ dataset, accessTokens: ['shpat_test'] });
const twilioApi = createTwilioFake({ accountSid, authToken });
const server = setupServer(...shopifyApi.handlers, ...twilioApi.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup() {
  const shopify = createShopify({ clientSecrets: [shopifySecret], shops: { [shop]: 'acme' }, adminAccessTokens: 'shpat_test' });
  const twilio = createTwilio({ accountSid, authTokens: [authToken], accounts: { [accountSid]: 'acme' }, messaging: { from: shopNumber } });
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [shopify, twilio] });
  answerOrderQuestions(throughline, shopify);
  // Deliveries signed exactly like the platforms sign them.
  const webhooks = {
    shopify: createShopifyWebhookBuilder({ secret: shopifySecret, url: 'https://support.acme.com/webhooks/shopify', dataset }),
    twilio: createTwilioWebhookBuilder({ authToken, accountSid, url: 'https://support.acme.com/webhooks/twilio' }),
  };
  return { throughline, webhooks };
}
// #endregion setup

const sentTo = (phone: string) => twilioApi.messages.filter((message) => message.direction !== 'inbound' && message.to === phone);
const e164 = (phone: string) => phone.replace(/[^\d+]/g, '');

describe('answering order questions', () => {
  // #region test
  it("answers an SMS about the customer's own order with its shipment", async () => {
    const { throughline, webhooks } = setup();
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && dataset.customer(candidate.customerId ?? 0n)?.phone)!;
    const phone = e164(dataset.customer(order.customerId!)!.phone!);

    expect((await throughline.webhooks.handle(await webhooks.shopify.ordersCreate(order))).status).toBe(200);
    const sms = await webhooks.twilio.inboundSms({ from: phone, to: shopNumber, body: `Hi, where is order ${order.name}?` });
    expect((await throughline.webhooks.handle(sms)).status).toBe(200);

    await vi.waitFor(() => expect(sentTo(phone)).toHaveLength(1));
    expect(sentTo(phone)[0]?.body).toContain(`Order ${order.name}:`);
    expect(sentTo(phone)[0]?.from).toBe(shopNumber);
  });

  it("does not tell a stranger about someone else's order", async () => {
    const { throughline, webhooks } = setup();
    const order = dataset.orders[0]!;
    await throughline.webhooks.handle(await webhooks.shopify.ordersCreate(order));
    const stranger = '+14155550199';
    await throughline.webhooks.handle(await webhooks.twilio.inboundSms({ from: stranger, to: shopNumber, body: `Where is ${order.name}?` }));

    await vi.waitFor(() => expect(sentTo(stranger)).toHaveLength(1));
    expect(sentTo(stranger)[0]?.body).toContain('could not find');
  });
  // #endregion test
});

import { createMemoryStore, createThroughline } from '@throughline/core';
import { createShopify } from '@throughline/shopify';
import { createShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { createTwilio } from '@throughline/twilio';
import { createTwilioFake, createTwilioWebhookBuilder } from '@throughline/twilio/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAutomation } from '../src/index';

const accountSid = `AC${'a'.repeat(32)}`;
const base = 'https://support.example.com';
const twilioFake = createTwilioFake({ accountSid, authToken: 'twilio-token', now: () => new Date() });
const server = setupServer(...twilioFake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const order = (number: number, id: string) =>
  `{"id":${id},"admin_graphql_api_id":"gid://shopify/Order/${id}","name":"#${number}","order_number":${number},"email":"ana@example.com","phone":"+1 (502) 459-2181","created_at":"2026-11-25T08:00:00-05:00","updated_at":"2026-11-25T08:00:00-05:00","currency":"USD","total_price":"129.90","financial_status":"paid","fulfillment_status":null,"line_items":[{"id":1,"title":"Coat","quantity":1,"price":"129.90"}],"customer":{"id":115310627314723954,"email":"ana@example.com","first_name":"Ana","last_name":"Silva"}}`;
const shipment = (id: string, orderId: string, status: string) =>
  `{"id":${id},"order_id":${orderId},"name":"#1042.1","status":"success","shipment_status":"${status}","tracking_company":"UPS","tracking_number":"1Z999AA10123456784","tracking_numbers":["1Z999AA10123456784"],"tracking_url":"https://www.ups.com/track?tracknum=1Z999AA10123456784","tracking_urls":["https://www.ups.com/track?tracknum=1Z999AA10123456784"],"created_at":"2026-11-26T10:00:00-05:00","updated_at":"2026-11-26T10:00:00-05:00"}`;

function setup() {
  const throughline = createThroughline({
    store: createMemoryStore(),
    defaultRegion: 'US',
    adapters: [
      createShopify({ clientSecrets: ['shopify-secret'], shops: { 'acme.myshopify.com': 'acme' } }),
      createTwilio({ accountSid, authTokens: ['twilio-token'], accounts: { [accountSid]: 'acme' }, publicBaseUrl: base, messaging: { from: '+14155550100', whatsappFrom: 'whatsapp:+14155550100' } }),
    ],
  });
  const connected = connectAutomation(throughline, { defaultLanguage: 'en' });
  const shopify = createShopifyWebhookBuilder({ secret: 'shopify-secret', url: `${base}/webhooks/shopify`, shop: 'acme.myshopify.com' });
  const twilio = createTwilioWebhookBuilder({ authToken: 'twilio-token', accountSid, url: `${base}/webhooks/twilio` });
  return { throughline, connected, shopify, twilio, acme: throughline.tenant('acme') };
}

describe('automation on a Throughline instance, through the real adapters', () => {
  it('answers a WhatsApp "where is my order?" from a number known only through a Shopify order, with the tracking link', async () => {
    const { throughline, connected, shopify, twilio, acme } = setup();
    expect((await throughline.webhooks.handle(await shopify.build('orders/create', order(1042, '820982911946154508')))).status).toBe(200);
    expect((await throughline.webhooks.handle(await shopify.build('fulfillments/create', shipment('4400000000000000001', '820982911946154508', 'in_transit')))).status).toBe(200);
    const inbound = await twilio.inboundWhatsApp({ from: 'whatsapp:+15024592181', to: 'whatsapp:+14155550100', body: 'Hi, where is my order?', profileName: 'Ana', messageSid: `SM${'e'.repeat(32)}` });
    expect((await throughline.webhooks.handle(inbound)).status).toBe(200);
    await connected.idle();

    const sent = twilioFake.messages.find((message) => message.to === 'whatsapp:+15024592181');
    expect(sent?.body).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    const ana = (await acme.customers.findByIdentity({ kind: 'phone', value: '+15024592181' }))!;
    const answers = await acme.timeline.forCustomer(ana.customer.id, { types: ['message.sent'] });
    expect(answers.events).toHaveLength(1);
    expect(answers.events[0]).toMatchObject({ channel: 'whatsapp', actor: { kind: 'bot' } });
    const answer = answers.events[0]!;
    if (answer.type !== 'message.sent') throw new Error('expected a message.sent');
    expect(answer.data.facts).toMatchObject({ trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' });
    expect(connected.handoffs).toHaveLength(0);
  });

  it('hands a "talk to a person" to the human queue with the case attached, on the timeline', async () => {
    const { throughline, connected, shopify, twilio, acme } = setup();
    await throughline.webhooks.handle(await shopify.build('orders/create', order(1043, '820982911946154509')));
    await throughline.webhooks.handle(await twilio.inboundSms({ from: '+15024592181', to: '+14155550100', body: 'I want to talk to a real person please', messageSid: `SM${'f'.repeat(32)}` }));
    await connected.idle();
    expect(connected.handoffs).toHaveLength(1);
    const [handoff] = connected.handoffs;
    const ana = (await acme.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' }))!;
    const openCase = (await acme.cases.openCaseOf(ana.customer.id))!;
    expect(handoff).toMatchObject({ reason: 'customer_request', caseId: openCase.id });
    const onTimeline = await acme.timeline.forCase(openCase.id, { types: ['automation.handoff'] });
    expect(onTimeline.events).toHaveLength(1);
  });
});

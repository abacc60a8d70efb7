import type { IdentityClaim, TimelineEventOf } from '@throughline/core/adapter';
import { describe, expect, it } from 'vitest';
import { createAutomation, createKnowledgeBase, type OrderFacts } from '../src/index';
import {
  createInMemoryCustomerDirectory,
  createInMemoryHumanQueue,
  createInMemoryOrderLookup,
  createRecordingEventSink,
  createRecordingReplySender,
} from '../src/testing/index';

const tenantId = 'acme.myshopify.com';
const now = new Date('2026-11-27T10:00:00Z');

/**
 * Stands in for the core's identity resolution in these tests: customers are keyed by the
 * digits of their phone number, the way a `whatsapp:+…` sender and a free-text Shopify phone
 * normalise to the same E.164 number.
 */
function phoneKey(raw: string): string {
  return raw.replace(/^whatsapp:/, '').replace(/\D/g, '');
}

interface ShopifyOrderFixture {
  readonly phone: string;
  readonly facts: Omit<OrderFacts, 'customerId'>;
}

function setUp(shopifyOrders: readonly ShopifyOrderFixture[], tiers: Record<string, string> = {}) {
  const customerByPhone = new Map<string, string>();
  const orders = shopifyOrders.map((order) => {
    const key = phoneKey(order.phone);
    const customerId = customerByPhone.get(key) ?? `cus_${customerByPhone.size + 1}`;
    customerByPhone.set(key, customerId);
    return { ...order.facts, customerId };
  });
  const customers = createInMemoryCustomerDirectory(
    [...customerByPhone.values()].map((id) => ({ id, tier: tiers[id] ?? 'standard', proactiveOptOut: false })),
  );
  const lookup = createInMemoryOrderLookup(orders);
  const replies = createRecordingReplySender();
  const humanQueue = createInMemoryHumanQueue();
  const events = createRecordingEventSink();
  const automation = createAutomation({ orders: lookup, replies, humanQueue, customers, events, now: () => now });
  const whatsapp = (from: string, body: string, caseId = 'case_1'): TimelineEventOf<'message.received'> => {
    const customerId = customerByPhone.get(phoneKey(from));
    if (customerId === undefined) throw new Error(`test sender ${from} is unknown`);
    const identities: IdentityClaim[] = [{ kind: 'phone', value: from }];
    return {
      type: 'message.received',
      id: `twilio:SM${Math.random().toString(16).slice(2)}`,
      tenantId,
      occurredAt: now.toISOString(),
      source: { system: 'twilio', externalId: 'SM1' },
      channel: 'whatsapp',
      actor: { kind: 'customer' },
      identities,
      customerId,
      caseId,
      repeatContact: false,
      data: { messageId: 'SM1', body, subject: null, media: [], from, to: 'whatsapp:+14155238886' },
    };
  };
  return { automation, replies, humanQueue, events, customers, whatsapp, customerByPhone };
}

const trackedOrder: ShopifyOrderFixture = {
  phone: '+1 (502) 459-2181',
  facts: {
    orderId: 'gid://shopify/Order/820982911946154508',
    orderName: '#1001',
    placedAt: '2026-11-24T09:00:00Z',
    fulfilmentStatus: 'fulfilled',
    shipmentStatus: 'in_transit',
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    estimatedDelivery: '2026-11-29T18:00:00Z',
  },
};
const otherCustomersOrder: ShopifyOrderFixture = {
  phone: '+44 20 7946 0958',
  facts: { ...trackedOrder.facts, orderId: 'gid://shopify/Order/2', orderName: '#1002', trackingUrl: 'https://track.example/other' },
};

describe('automation end to end', () => {
  it('answers a WhatsApp "where is my order?" from a number known only through a Shopify order with the right tracking link', async () => {
    const { automation, replies, events, humanQueue, whatsapp } = setUp([trackedOrder, otherCustomersOrder]);
    const outcome = await automation.handle(whatsapp('whatsapp:+15024592181', 'where is my order?'));

    expect(outcome).toMatchObject({ kind: 'answered' });
    expect(replies.sent).toHaveLength(1);
    const [sent] = replies.sent;
    expect(sent?.caseId).toBe('case_1');
    expect(sent?.channel).toBe('whatsapp');
    expect(sent?.message.actor.kind).toBe('bot');
    expect(sent?.message.body).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(sent?.message.body).not.toContain('track.example/other');
    expect(sent?.message.facts).toMatchObject({ orderName: '#1001', carrier: 'UPS', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' });
    expect(events.events.map((event) => event.type)).toEqual(['automation.answered']);
    expect(humanQueue.handoffs).toEqual([]);
  });

  it('answers in the language the customer wrote in', async () => {
    const { automation, replies, whatsapp } = setUp([trackedOrder]);
    await automation.handle(whatsapp('whatsapp:+15024592181', 'Hola, ¿dónde está mi pedido?'));
    expect(replies.sent[0]?.message.body).toMatch(/^Tu pedido #1001 está en camino con UPS\./);
    expect(replies.sent[0]?.message.language).toBe('es');
  });

  it('sends "talk to a person" to the human queue with the case and transcript attached', async () => {
    const { automation, humanQueue, events, replies, whatsapp } = setUp([trackedOrder]);
    await automation.handle(whatsapp('whatsapp:+15024592181', 'where is my order?'));
    const outcome = await automation.handle(whatsapp('whatsapp:+15024592181', 'I want to talk to a real person'));

    expect(outcome.kind).toBe('handed_over');
    expect(humanQueue.handoffs).toHaveLength(1);
    const [handoff] = humanQueue.handoffs;
    expect(handoff).toMatchObject({ tenantId, caseId: 'case_1', customerId: 'cus_1', reason: 'customer_request', channel: 'whatsapp' });
    expect(handoff?.transcript.map((entry) => entry.from)).toEqual(['customer', 'bot', 'customer', 'bot']);
    expect(handoff?.transcript[0]?.text).toBe('where is my order?');
    expect(events.events.find((event) => event.type === 'automation.handoff')).toMatchObject({
      caseId: 'case_1',
      data: { reason: 'customer_request', queue: 'support' },
    });
    expect(replies.sent.at(-1)?.message.purpose).toBe('handoff_notice');

    const later = await automation.handle(whatsapp('whatsapp:+15024592181', 'where is my order?'));
    expect(later).toEqual({ kind: 'ignored', reason: 'case_with_people' });
    automation.release('case_1');
    expect((await automation.handle(whatsapp('whatsapp:+15024592181', 'where is my order?'))).kind).toBe('answered');
  });

  it('hands a delayed shipment to a person instead of guessing', async () => {
    const delayed = { ...trackedOrder, facts: { ...trackedOrder.facts, shipmentStatus: 'delayed' } };
    const { automation, humanQueue, replies, whatsapp } = setUp([delayed]);
    const outcome = await automation.handle(whatsapp('whatsapp:+15024592181', 'Wo ist meine Bestellung #1001?'));
    expect(outcome.kind).toBe('handed_over');
    expect(humanQueue.handoffs[0]).toMatchObject({ reason: 'unanswerable', detail: 'shipment_delayed', language: 'de' });
    expect(humanQueue.handoffs[0]?.summary).toContain('#1001');
    expect(replies.sent.map((sent) => sent.message.purpose)).toEqual(['handoff_notice']);
    expect(replies.sent[0]?.message.body).toContain('Kollege');
  });

  it('never describes another customer\'s order to someone who quotes its number', async () => {
    const { automation, humanQueue, replies, whatsapp } = setUp([trackedOrder, otherCustomersOrder]);
    await automation.handle(whatsapp('whatsapp:+15024592181', 'status of order #1002?'));
    expect(humanQueue.handoffs[0]).toMatchObject({ detail: 'order_of_another_customer', candidates: [] });
    expect(replies.sent.every((sent) => !sent.message.body.includes('track.example/other'))).toBe(true);
  });

  it('sends VIP customers straight to a person', async () => {
    const { automation, humanQueue, replies, whatsapp } = setUp([trackedOrder], { cus_1: 'vip' });
    await automation.handle(whatsapp('whatsapp:+15024592181', 'where is my order?'));
    expect(humanQueue.handoffs[0]).toMatchObject({ reason: 'vip', detail: 'vip_customer' });
    expect(replies.sent.map((sent) => sent.message.purpose)).toEqual(['handoff_notice']);
  });

  it('hands over when the answer cannot be sent', async () => {
    const customers = createInMemoryCustomerDirectory([{ id: 'cus_1', tier: 'standard', proactiveOptOut: false }]);
    const humanQueue = createInMemoryHumanQueue();
    const automation = createAutomation({
      orders: createInMemoryOrderLookup([{ ...trackedOrder.facts, customerId: 'cus_1' }]),
      replies: createRecordingReplySender({ failWith: 'whatsapp_window_closed' }),
      humanQueue,
      customers,
      now: () => now,
    });
    const { whatsapp } = setUp([trackedOrder]);
    await automation.handle(whatsapp('whatsapp:+15024592181', 'where is my order?'));
    expect(humanQueue.handoffs[0]).toMatchObject({ reason: 'automation_failed', detail: 'reply_failed' });
  });

  it('suggests knowledge-base articles for questions it does not answer', async () => {
    const knowledgeBase = createKnowledgeBase({
      articles: [{ id: 'returns', title: 'Returning an item', body: 'Return unworn items within 30 days with the return label.', language: 'en', url: 'https://help.example/returns' }],
    });
    const replies = createRecordingReplySender();
    const events = createRecordingEventSink();
    const automation = createAutomation({
      orders: createInMemoryOrderLookup(),
      replies,
      humanQueue: createInMemoryHumanQueue(),
      customers: createInMemoryCustomerDirectory([{ id: 'cus_1', tier: 'standard', proactiveOptOut: false }]),
      events,
      knowledgeBase,
      sendSelfServiceArticles: true,
      now: () => now,
    });
    const { whatsapp } = setUp([trackedOrder]);
    const outcome = await automation.handle(whatsapp('whatsapp:+15024592181', 'How do I return an item?'));
    expect(outcome).toEqual({ kind: 'suggested', articleIds: ['returns'], sentToCustomer: ['returns'] });
    expect(replies.sent[0]?.message.body).toBe('Returning an item: https://help.example/returns');
  });
});

describe('proactive shipment-delay notices', () => {
  const fulfillment = (overrides: Partial<TimelineEventOf<'fulfillment.updated'>['data']> = {}, customerId = 'cus_1'): TimelineEventOf<'fulfillment.updated'> => ({
    type: 'fulfillment.updated',
    id: `shopify:fulfillment:${Math.random()}`,
    tenantId,
    occurredAt: now.toISOString(),
    source: { system: 'shopify', externalId: '255858046' },
    channel: null,
    actor: { kind: 'system' },
    identities: [],
    customerId,
    caseId: null,
    repeatContact: false,
    data: {
      orderId: '820982911946154508',
      orderName: '#1001',
      fulfillmentId: '255858046',
      status: 'success',
      shipmentStatus: 'delayed',
      carrier: 'UPS',
      trackingNumbers: ['1Z999AA10123456784'],
      trackingUrls: ['https://www.ups.com/track?tracknum=1Z999AA10123456784'],
      estimatedDeliveryAt: null,
      ...overrides,
    },
  });

  function build(optOut = false, clock = { now }) {
    const replies = createRecordingReplySender({ lastInboundChannel: 'whatsapp' });
    const events = createRecordingEventSink();
    const automation = createAutomation({
      orders: createInMemoryOrderLookup(),
      replies,
      humanQueue: createInMemoryHumanQueue(),
      customers: createInMemoryCustomerDirectory([
        { id: 'cus_1', tier: 'standard', locale: 'fr-FR', proactiveOptOut: optOut },
        { id: 'cus_2', tier: 'standard', proactiveOptOut: false },
      ]),
      events,
      now: () => clock.now,
    });
    return { automation, replies, events };
  }

  it('tells the customer about a delay before they ask, in their language, on their last channel', async () => {
    const { automation, replies, events } = build();
    expect(await automation.handle(fulfillment())).toMatchObject({ kind: 'notified' });
    expect(replies.sent[0]).toMatchObject({ caseId: null, channel: 'whatsapp' });
    expect(replies.sent[0]?.message).toMatchObject({ purpose: 'shipment_notice', language: 'fr', template: { key: 'delay_notice' } });
    expect(replies.sent[0]?.message.body).toContain('#1001');
    expect(events.events.map((event) => event.type)).toEqual(['automation.notified']);
  });

  it('ignores shipments on track, repeats of the same delay, and customers who opted out', async () => {
    const { automation, replies } = build();
    expect(await automation.handle(fulfillment({ shipmentStatus: 'in_transit' }))).toMatchObject({ kind: 'ignored' });
    await automation.handle(fulfillment());
    expect(await automation.handle(fulfillment())).toEqual({ kind: 'skipped', reason: 'duplicate' });
    expect(replies.sent).toHaveLength(1);
    const optedOut = build(true);
    expect(await optedOut.automation.handle(fulfillment())).toEqual({ kind: 'skipped', reason: 'opted_out' });
    expect(optedOut.replies.sent).toEqual([]);
  });

  it('rate-limits notices per customer', async () => {
    const clock = { now };
    const { automation, replies } = build(false, clock);
    await automation.handle(fulfillment());
    expect(await automation.handle(fulfillment({ fulfillmentId: 'f2', shipmentStatus: 'failure' }))).toEqual({ kind: 'skipped', reason: 'rate_limited' });
    expect(await automation.handle(fulfillment({ fulfillmentId: 'f3' }, 'cus_2'))).toMatchObject({ kind: 'notified' });
    clock.now = new Date(now.getTime() + 25 * 3_600_000);
    expect(await automation.handle(fulfillment({ fulfillmentId: 'f2', shipmentStatus: 'failure' }))).toMatchObject({ kind: 'notified' });
    expect(replies.sent.map((sent) => sent.message.template.key)).toEqual(['delay_notice', 'delay_notice', 'failure_notice']);
  });
});

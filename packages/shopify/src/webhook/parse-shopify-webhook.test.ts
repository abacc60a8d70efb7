import { type IncomingEvent, type IncomingEventOf, incomingEventSchema, type WebhookParseResult } from '@throughline/core/adapter';
import { readDelivery } from '@throughline/core/testing';
import { describe, expect, it } from 'vitest';
import { createShopify } from '../create-shopify';
import type { ShopifyCustomerIdentities } from '../shopify-settings';
import { identitiesFromCustomer } from '../map/identities-from-customer';
import { restCustomerPayload, restFulfillmentPayload, restOrderPayload, restRefundPayload } from '../testing/rest-payloads';
import { createShopifyDataset, type FakeOrder } from '../testing/shopify-dataset';
import { createShopifyWebhookBuilder } from '../testing/webhook-builder';

const secret = 'shpss_test_secret';
const url = 'https://app.example.com/webhooks/shopify';

function setup(onCustomerIdentities?: (record: ShopifyCustomerIdentities) => void) {
  const dataset = createShopifyDataset({ seed: 11, customers: 10, orders: 60 });
  const shopify = createShopify({
    clientSecrets: [secret],
    shops: { 'acme.myshopify.com': 'acme' },
    ...(onCustomerIdentities ? { onCustomerIdentities } : {}),
  });
  const webhooks = createShopifyWebhookBuilder({ secret, url, dataset });
  async function parse(request: Request | Promise<Request>): Promise<WebhookParseResult> {
    const delivery = await readDelivery(await request);
    const verification = await shopify.doVerifyWebhook(delivery);
    expect(verification.ok).toBe(true);
    return shopify.doParseWebhook(delivery, 'acme');
  }
  async function eventsOf(request: Request | Promise<Request>): Promise<IncomingEvent[]> {
    const result = await parse(request);
    if (!(result.ok && result.kind === 'events')) throw new Error(`expected events, got ${JSON.stringify(result)}`);
    for (const event of result.events) expect(incomingEventSchema.safeParse(event).success).toBe(true);
    return result.events;
  }
  const find = (predicate: (order: FakeOrder) => boolean) => {
    const order = dataset.orders.find(predicate);
    if (!order) throw new Error('dataset has no such order');
    return order;
  };
  return { dataset, shopify, webhooks, parse, eventsOf, find };
}

function only<T extends IncomingEvent['type']>(events: IncomingEvent[], type: T): IncomingEventOf<T>[] {
  return events.filter((event): event is IncomingEventOf<T> => event.type === type);
}

describe('orders/*', () => {
  it('maps orders/create to order.placed with the 64-bit id intact, exact money, identities and profile', async () => {
    const { dataset, webhooks, eventsOf, find } = setup();
    const order = find((candidate) => candidate.customerId !== null && candidate.fulfillments.length === 0 && candidate.refunds.length === 0);
    const customer = dataset.customer(order.customerId!)!;
    const [placed, ...rest] = await eventsOf(webhooks.ordersCreate(order));
    expect(rest).toEqual([]);
    expect(placed).toMatchObject({
      type: 'order.placed',
      id: `shopify:order:${order.id}:placed`,
      tenantId: 'acme',
      channel: null,
      occurredAt: new Date(order.createdAt).toISOString(),
      entity: { key: `shopify:order:${order.id}` },
      source: { system: 'shopify', externalId: order.id.toString() },
      data: { orderId: order.id.toString(), orderName: order.name, total: { amount: order.totalPrice, currency: 'USD' } },
    });
    expect(Math.floor(placed!.entity!.version)).toBe(Date.parse(order.updatedAt));
    expect(order.id > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(placed!.identities).toContainEqual({ kind: 'platform', namespace: 'shopify:customer', value: customer.id.toString() });
    expect(placed!.identities).toContainEqual({ kind: 'email', value: customer.email });
    if (customer.phone) expect(placed!.identities).toContainEqual({ kind: 'phone', value: customer.phone });
    expect(placed!.profile).toEqual({ firstName: customer.firstName, lastName: customer.lastName, name: `${customer.firstName} ${customer.lastName}` });
  });

  it('gives a redelivery the same event ids', async () => {
    const { webhooks, eventsOf, dataset } = setup();
    const order = dataset.orders[3]!;
    const first = await eventsOf(webhooks.ordersUpdated(order, { eventId: 'a' }));
    const again = await eventsOf(webhooks.ordersUpdated(order, { eventId: 'a' }));
    expect(again.map((event) => event.id)).toEqual(first.map((event) => event.id));
  });

  it('versions order state by updated_at so a stale retry arriving last never wins', async () => {
    const { webhooks, eventsOf, dataset } = setup();
    const order = dataset.orders[5]!;
    const older = await eventsOf(webhooks.ordersUpdated(order));
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 60_000), (changed) => {
      changed.financialStatus = 'refunded';
    });
    const newer = await eventsOf(webhooks.ordersUpdated(order));
    // The older delivery is retried after the newer one: its version is still the lower one.
    const retried = await eventsOf(webhooks.ordersUpdated({ ...order, updatedAt: new Date(Date.parse(order.updatedAt) - 60_000).toISOString(), financialStatus: 'paid' }));
    expect(newer[0]!.entity!.key).toBe(older[0]!.entity!.key);
    expect(newer[0]!.entity!.version).toBeGreaterThan(retried[0]!.entity!.version);
    expect(newer[0]!.id).not.toBe(older[0]!.id);
    expect(retried[0]!.id).toBe(older[0]!.id);
    expect(newer[0]!.data).toMatchObject({ financialStatus: 'refunded' });
  });

  it('falls back to X-Shopify-Triggered-At for the version when the payload has no updated_at', async () => {
    const { webhooks, eventsOf, dataset } = setup();
    const payload = restOrderPayload(dataset.orders[0]!, dataset);
    delete payload.updated_at;
    const [event] = await eventsOf(webhooks.build('orders/updated', payload, { triggeredAt: '2026-11-27T09:15:00.250-05:00' }));
    expect(Math.floor(event!.entity!.version)).toBe(Date.parse('2026-11-27T14:15:00.250Z'));
    expect(event!.occurredAt).toBe('2026-11-27T14:15:00.250Z');
  });

  it('maps orders/cancelled to order.cancelled, with the refund it carries', async () => {
    const { webhooks, eventsOf, find } = setup();
    const order = find((candidate) => candidate.cancelledAt !== null);
    const events = await eventsOf(webhooks.ordersCancelled(order));
    expect(events[0]).toMatchObject({
      type: 'order.cancelled',
      id: `shopify:order:${order.id}:cancelled`,
      occurredAt: new Date(order.cancelledAt!).toISOString(),
      data: { cancelReason: order.cancelReason, cancelledAt: new Date(order.cancelledAt!).toISOString() },
    });
    expect(only(events, 'order.refunded').map((event) => event.data.refundId)).toEqual(order.refunds.map((refund) => refund.id.toString()));
  });

  it.each(['orders/fulfilled', 'orders/partially_fulfilled'] as const)('maps %s to order.updated plus one fulfillment.updated per fulfilment', async (topic) => {
    const { webhooks, eventsOf, find, dataset } = setup();
    const order = find((candidate) => candidate.fulfillments.length === 2);
    const events = await eventsOf(webhooks.build(topic, restOrderPayload(order, dataset)));
    expect(events[0]!.type).toBe('order.updated');
    const shipments = only(events, 'fulfillment.updated');
    expect(shipments.map((event) => event.data.fulfillmentId)).toEqual(order.fulfillments.map((fulfillment) => fulfillment.id.toString()));
    expect(shipments[0]!.identities).toEqual(events[0]!.identities);
    // The same shipment state delivered through fulfillments/update has the same id, so the core keeps one.
    const [direct] = await eventsOf(webhooks.fulfillmentsUpdate(order.fulfillments[0]!, order));
    expect(direct!.id).toBe(shipments[0]!.id);
  });
});

describe('fulfillments/* and refunds/create', () => {
  it('carries carrier, tracking and shipment status, and an estimated delivery when known', async () => {
    const { webhooks, eventsOf, find } = setup();
    const order = find((candidate) => candidate.fulfillments.some((fulfillment) => fulfillment.estimatedDeliveryAt !== null));
    const fulfillment = order.fulfillments.find((candidate) => candidate.estimatedDeliveryAt !== null)!;
    const payload = { ...restFulfillmentPayload(fulfillment, order), estimated_delivery_at: fulfillment.estimatedDeliveryAt };
    const [event] = await eventsOf(webhooks.build('fulfillments/create', payload));
    expect(event).toMatchObject({
      type: 'fulfillment.updated',
      id: expect.stringMatching(new RegExp(`^shopify:fulfillment:${fulfillment.id}:${Date.parse(fulfillment.updatedAt)}:[0-9a-z]{11}$`)),
      entity: { key: `shopify:fulfillment:${fulfillment.id}` },
      identities: [
        { kind: 'email', value: order.email },
        { kind: 'reference', namespace: 'shopify:order', value: order.id.toString() },
      ],
      data: {
        orderId: order.id.toString(),
        orderName: order.name,
        carrier: fulfillment.carrier,
        trackingNumbers: fulfillment.trackingNumbers,
        trackingUrls: fulfillment.trackingUrls,
        shipmentStatus: fulfillment.shipmentStatus,
        estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
      },
    });
    expect(Math.floor(event!.entity!.version)).toBe(Date.parse(fulfillment.updatedAt));
  });

  it('sanitises tracking text and drops unsafe tracking URLs; unknown shipment statuses pass through', async () => {
    const { webhooks, eventsOf, find } = setup();
    const order = find((candidate) => candidate.fulfillments.length > 0);
    const payload = {
      ...restFulfillmentPayload(order.fulfillments[0]!, order),
      tracking_company: 'UPS\n<script>\u202Eevil',
      tracking_number: ' 1Z999\r\nAA10123456784 ',
      tracking_numbers: ['1Z999\r\nAA10123456784', '', null],
      tracking_url: 'javascript:alert(1)',
      tracking_urls: ['https://www.ups.com/track?tracknum=1Z999AA10123456784', 'https://user:pass@evil.example/x', 'not a url'],
      shipment_status: 'Carrier_Picked_Up_Custom',
    };
    const [event] = await eventsOf(webhooks.build('fulfillments/update', payload));
    const data = (event as IncomingEventOf<'fulfillment.updated'>).data;
    expect(data.carrier).toBe('UPS <script> evil');
    expect(data.trackingNumbers).toEqual(['1Z999 AA10123456784']);
    expect(data.trackingUrls).toEqual(['https://www.ups.com/track?tracknum=1Z999AA10123456784']);
    expect(data.shipmentStatus).toBe('carrier_picked_up_custom');
  });

  it('maps refunds/create to order.refunded with the exact sum of its successful refund transactions', async () => {
    const { webhooks, eventsOf, find } = setup();
    const refund = find((candidate) => candidate.refunds.length > 0).refunds[0]!;
    const payload = {
      ...restRefundPayload(refund),
      transactions: [
        { id: 1n, kind: 'refund', status: 'success', amount: '0.10', currency: 'USD' },
        { id: 2n, kind: 'refund', status: 'success', amount: '0.20', currency: 'USD' },
        { id: 3n, kind: 'refund', status: 'failure', amount: '99.00', currency: 'USD' },
      ],
    };
    const [event] = await eventsOf(webhooks.build('refunds/create', payload));
    expect(event).toMatchObject({
      type: 'order.refunded',
      id: `shopify:refund:${refund.id}`,
      occurredAt: new Date(refund.createdAt).toISOString(),
      data: { orderId: refund.orderId.toString(), refundId: refund.id.toString(), amount: { amount: '0.30', currency: 'USD' } },
    });
  });
});

describe('customers/*', () => {
  it('puts a customer.updated event with the identities on the timeline and hands them to onCustomerIdentities', async () => {
    const seen: ShopifyCustomerIdentities[] = [];
    const { webhooks, parse, dataset } = setup((record) => {
      seen.push(record);
    });
    const customer = dataset.customers.find((candidate) => candidate.phone !== null)!;
    const result = await parse(webhooks.customersUpdate(customer));
    expect(result).toMatchObject({
      ok: true,
      kind: 'events',
      events: [
        {
          type: 'customer.updated',
          id: expect.stringMatching(new RegExp(`^shopify:customer:${customer.id}:${Date.parse(customer.updatedAt)}:[0-9a-z]{11}$`)),
          channel: null,
          entity: { key: `shopify:customer:${customer.id}` },
          data: { externalId: customer.id.toString(), change: 'updated' },
        },
      ],
    });
    expect(seen).toEqual([
      {
        tenantId: 'acme',
        customerId: customer.id.toString(),
        updatedAt: customer.updatedAt,
        identities: [
          { kind: 'platform', namespace: 'shopify:customer', value: customer.id.toString() },
          { kind: 'email', value: customer.email },
          { kind: 'phone', value: customer.phone },
        ],
        profile: { firstName: customer.firstName, lastName: customer.lastName, name: `${customer.firstName} ${customer.lastName}` },
      },
    ]);
    if (!(result.ok && result.kind === 'events')) throw new Error('expected events');
    expect(Math.floor(result.events[0]!.entity!.version)).toBe(Date.parse(customer.updatedAt));
  });
});

describe('customers/* timestamps', () => {
  it('hands onCustomerIdentities updatedAt as a UTC instant, whatever offset Shopify wrote', async () => {
    const seen: ShopifyCustomerIdentities[] = [];
    const { webhooks, parse, dataset } = setup((record) => {
      seen.push(record);
    });
    const customer = dataset.customers[0]!;
    await parse(webhooks.build('customers/update', { ...restCustomerPayload(customer), updated_at: '2026-11-27T09:15:00-05:00' }));
    expect(seen.map((record) => record.updatedAt)).toEqual(['2026-11-27T14:15:00.000Z']);
    expect(identitiesFromCustomer({ ...restCustomerPayload(customer), id: '207119551000000000', updated_at: '2026-11-27T09:15:00-05:00' }, 'acme')?.updatedAt).toBe(
      '2026-11-27T14:15:00.000Z',
    );
  });
});

describe('changes within one second (Shopify timestamps have one-second precision)', () => {
  it('gives two states of an order in the same second different ids and versions, and a redelivery the same', async () => {
    const { webhooks, eventsOf, dataset } = setup();
    const order = dataset.orders[7]!;
    const second = new Date(Date.parse(order.updatedAt) + 60_000);
    dataset.updateOrder(order.id, second, (changed) => {
      changed.financialStatus = 'partially_refunded';
    });
    const [first] = await eventsOf(webhooks.ordersUpdated(order));
    dataset.updateOrder(order.id, new Date(second.getTime() + 700), (changed) => {
      changed.financialStatus = 'refunded';
    });
    expect(order.updatedAt).toBe(second.toISOString());
    const [later] = await eventsOf(webhooks.ordersUpdated(order));
    const [redelivered] = await eventsOf(webhooks.ordersUpdated(order));
    expect(later!.id).not.toBe(first!.id);
    expect(redelivered!.id).toBe(later!.id);
    expect(redelivered!.entity).toEqual(later!.entity);
    expect(later!.entity!.version).not.toBe(first!.entity!.version);
    // The tiebreak stays below the millisecond: versions of different seconds keep their order.
    for (const event of [first!, later!]) expect(Math.floor(event.entity!.version)).toBe(second.getTime());
    expect(later!.occurredAt).toBe(second.toISOString());
  });

  it('gives two states of a shipment in the same second different ids, and a redelivery the same', async () => {
    const { webhooks, eventsOf, dataset, find } = setup();
    const order = find((candidate) => candidate.fulfillments.length > 0);
    const fulfillment = order.fulfillments[0]!;
    const second = new Date(Date.parse(fulfillment.updatedAt) + 60_000);
    dataset.updateFulfillment(fulfillment.id, second, (changed) => {
      changed.shipmentStatus = 'out_for_delivery';
    });
    const [outForDelivery] = await eventsOf(webhooks.fulfillmentsUpdate(fulfillment, order));
    dataset.updateFulfillment(fulfillment.id, new Date(second.getTime() + 999), (changed) => {
      changed.shipmentStatus = 'delivered';
    });
    const [delivered] = await eventsOf(webhooks.fulfillmentsUpdate(fulfillment, order));
    const [redelivered] = await eventsOf(webhooks.fulfillmentsUpdate(fulfillment, order));
    expect(delivered!.id).not.toBe(outForDelivery!.id);
    expect(redelivered!.id).toBe(delivered!.id);
    expect(Math.floor(delivered!.entity!.version)).toBe(Math.floor(outForDelivery!.entity!.version));
    expect(delivered!.entity!.version).not.toBe(outForDelivery!.entity!.version);
  });

  it('gives two states of a customer in the same second different ids, and a redelivery the same', async () => {
    const { webhooks, eventsOf, dataset } = setup();
    const customer = dataset.customers[0]!;
    const [before] = await eventsOf(webhooks.customersUpdate(customer));
    const changed = { ...customer, email: 'new.address@example.com' };
    const [after] = await eventsOf(webhooks.customersUpdate(changed));
    const [redelivered] = await eventsOf(webhooks.customersUpdate(changed));
    expect(after!.id).not.toBe(before!.id);
    expect(redelivered!.id).toBe(after!.id);
    expect(Math.floor(after!.entity!.version)).toBe(Date.parse(customer.updatedAt));
  });
});

describe('privacy topics', () => {
  it('maps customers/data_request to an export request for every identity given', async () => {
    const { webhooks, parse } = setup();
    const result = await parse(
      webhooks.customersDataRequest({ customer: { id: 207119551000000009n, email: 'ada@example.com', phone: '+15025550100' }, dataRequestId: 9999n }),
    );
    expect(result).toEqual({
      ok: true,
      kind: 'privacy',
      request: {
        kind: 'customer_data_request',
        tenantId: 'acme',
        requestId: 'shopify:data_request:9999',
        identities: [
          { kind: 'platform', namespace: 'shopify:customer', value: '207119551000000009' },
          { kind: 'email', value: 'ada@example.com' },
          { kind: 'phone', value: '+15025550100' },
        ],
      },
    });
  });

  it('maps customers/redact with only an email, keeping the 64-bit order ids intact', async () => {
    const { webhooks, parse } = setup();
    const result = await parse(webhooks.customersRedact({ customer: { email: 'bob@example.com' }, ordersToRedact: [820982911946154508n, 820982911946154515n] }));
    expect(result).toMatchObject({
      ok: true,
      kind: 'privacy',
      request: {
        kind: 'customer_redact',
        tenantId: 'acme',
        identities: [
          { kind: 'email', value: 'bob@example.com' },
          { kind: 'reference', namespace: 'shopify:order', value: '820982911946154508' },
          { kind: 'reference', namespace: 'shopify:order', value: '820982911946154515' },
        ],
        orderIds: ['820982911946154508', '820982911946154515'],
      },
    });
  });

  it('accepts customers/redact that names orders but no identity, finding the customer through those orders', async () => {
    const { webhooks, parse } = setup();
    const result = await parse(
      webhooks.customersRedact({ customer: {}, ordersToRedact: [820982911946154508n, 820982911946154508n, 820982911946154515n] }, { eventId: 'evt-7' }),
    );
    expect(result).toEqual({
      ok: true,
      kind: 'privacy',
      request: {
        kind: 'customer_redact',
        tenantId: 'acme',
        requestId: 'shopify:customers_redact:evt-7',
        identities: [
          { kind: 'reference', namespace: 'shopify:order', value: '820982911946154508' },
          { kind: 'reference', namespace: 'shopify:order', value: '820982911946154515' },
        ],
        orderIds: ['820982911946154508', '820982911946154515'],
      },
    });
  });

  it('maps customers/data_request that names orders but no identity to an export found through those orders', async () => {
    const { webhooks, parse } = setup();
    const result = await parse(webhooks.customersDataRequest({ customer: {}, ordersRequested: [820982911946154508n], dataRequestId: 77n }));
    expect(result).toEqual({
      ok: true,
      kind: 'privacy',
      request: {
        kind: 'customer_data_request',
        tenantId: 'acme',
        requestId: 'shopify:data_request:77',
        identities: [{ kind: 'reference', namespace: 'shopify:order', value: '820982911946154508' }],
      },
    });
  });

  it('acknowledges a privacy request with nothing to act on as ignored (200), so Shopify stops retrying it', async () => {
    const { webhooks, parse } = setup();
    expect(await parse(webhooks.customersRedact({ customer: {} }))).toMatchObject({ ok: true, kind: 'ignored' });
    expect(await parse(webhooks.build('customers/redact', { shop_domain: 'acme.myshopify.com', customer: {} }))).toMatchObject({ ok: true, kind: 'ignored' });
    expect(await parse(webhooks.build('customers/redact', { shop_domain: 'acme.myshopify.com' }))).toMatchObject({ ok: true, kind: 'ignored' });
    expect(await parse(webhooks.customersDataRequest({ customer: {} }))).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('maps shop/redact to erasing the whole tenant', async () => {
    const { webhooks, parse } = setup();
    const result = await parse(webhooks.shopRedact({ eventId: 'evt-42' }));
    expect(result).toEqual({ ok: true, kind: 'privacy', request: { kind: 'tenant_redact', tenantId: 'acme', requestId: 'shopify:shop_redact:evt-42' } });
  });

  it('refuses a privacy request whose signed body names another shop than its header', async () => {
    const { webhooks, shopify } = setup();
    const request = await webhooks.build('shop/redact', { shop_domain: 'other.myshopify.com' });
    const result = await shopify.doParseWebhook(await readDelivery(request), 'acme');
    expect(result).toMatchObject({ ok: false, reason: 'malformed_body' });
  });

  it('refuses privacy deliveries with a bad signature at verification (the core answers 401)', async () => {
    const { shopify, dataset } = setup();
    const forged = createShopifyWebhookBuilder({ secret: 'wrong', url, dataset });
    for (const request of [await forged.shopRedact(), await forged.customersRedact({ customer: { id: 1n } }), await forged.customersDataRequest({ customer: { id: 1n } })]) {
      expect(await shopify.doVerifyWebhook(await readDelivery(request))).toMatchObject({ ok: false, reason: 'invalid_signature' });
    }
  });
});

describe('bad input', () => {
  it('acknowledges topics it does not map', async () => {
    const { webhooks, parse } = setup();
    expect(await parse(webhooks.build('products/update', { id: 1 }))).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('answers malformed_body for text that is not JSON, and for a JSON array', async () => {
    const { webhooks, parse } = setup();
    expect(await parse(webhooks.build('orders/create', '{"id": 82098291194615'))).toMatchObject({ ok: false, reason: 'malformed_body' });
    expect(await parse(webhooks.build('orders/create', '[]'))).toMatchObject({ ok: false, reason: 'malformed_body' });
  });

  it('answers missing_fields when a required field is absent and malformed_body when it has the wrong type', async () => {
    const { webhooks, parse, dataset } = setup();
    const missing = restOrderPayload(dataset.orders[0]!, dataset);
    delete missing.created_at;
    expect(await parse(webhooks.build('orders/create', missing))).toMatchObject({ ok: false, reason: 'missing_fields' });
    const wrong = { ...restOrderPayload(dataset.orders[0]!, dataset), line_items: 'three' };
    expect(await parse(webhooks.build('orders/create', wrong))).toMatchObject({ ok: false, reason: 'malformed_body' });
    // A privacy request must name its shop (the body is signed, the shop header is not).
    expect(await parse(webhooks.build('customers/redact', { customer: { id: 1 } }))).toMatchObject({ ok: false, reason: 'missing_fields' });
  });

  it('never throws on a body that is not UTF-8 JSON', async () => {
    const { shopify, webhooks } = setup();
    const request = await webhooks.build('orders/create', '{}');
    const delivery = { request, url: new URL(url), rawBody: new Uint8Array([0xff, 0xfe]), bodyText: '\ufffd\ufffd', receivedAt: new Date() };
    await expect(shopify.doParseWebhook(delivery, 'acme')).resolves.toMatchObject({ ok: false, reason: 'malformed_body' });
  });

  it('answers unsupported_media_type for a body that is declared as something else than JSON', async () => {
    const { shopify, webhooks } = setup();
    const signed = await webhooks.build('orders/create', '{}');
    const headers = new Headers(signed.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    const request = new Request(url, { method: 'POST', headers, body: 'a=b' });
    await expect(shopify.doParseWebhook(await readDelivery(request), 'acme')).resolves.toMatchObject({ ok: false, reason: 'unsupported_media_type' });
  });
});

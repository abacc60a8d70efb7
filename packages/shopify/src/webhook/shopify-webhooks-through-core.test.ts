import { createMemoryStore, createThroughline, type IncomingEvent, type Throughline } from '@throughline/core';
import { readDelivery } from '@throughline/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createShopify } from '../create-shopify';
import { createShopifyDataset, type ShopifyDataset } from '../testing/shopify-dataset';
import { createShopifyWebhookBuilder } from '../testing/webhook-builder';

// The adapter's answers as the core carries them out: what a merchant's app actually sees.

const secret = 'shpss_core_secret';
const url = 'https://app.example.com/webhooks/shopify';
const opened: Throughline[] = [];

afterEach(async () => {
  for (const throughline of opened.splice(0)) await throughline.close();
});

function setup(dataset: ShopifyDataset = createShopifyDataset({ seed: 31, customers: 8, orders: 30 })) {
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [createShopify({ clientSecrets: [secret], shops: { [dataset.shop]: 'acme' } })] });
  opened.push(throughline);
  const webhooks = createShopifyWebhookBuilder({ secret, url, dataset });
  async function deliver(request: Promise<Request>): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await throughline.webhooks.handle(await request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  return { dataset, throughline, webhooks, deliver };
}

/** A message from a Shopify customer, with the identifiers given, ingested directly (not a webhook). */
function customerMessage(id: string, shopifyId: string, contact: { email?: string; phone?: string }): IncomingEvent {
  return {
    id,
    tenantId: 'acme',
    occurredAt: '2026-11-27T10:00:00.000Z',
    source: { system: 'mock', externalId: id },
    channel: 'email',
    actor: { kind: 'customer' },
    identities: [
      { kind: 'platform', namespace: 'shopify:customer', value: shopifyId },
      ...(contact.email ? [{ kind: 'email' as const, value: contact.email }] : []),
      ...(contact.phone ? [{ kind: 'phone' as const, value: contact.phone }] : []),
    ],
    type: 'message.received',
    data: { messageId: id, body: 'Where is my order?', subject: null, media: [], from: null, to: null },
  };
}

describe('Shopify webhooks through the core', () => {
  it('keeps both states of an order changed twice within one second, and settles on the one Shopify sent last whatever the arrival order', async () => {
    const dataset = createShopifyDataset({ seed: 31, customers: 8, orders: 30 });
    const order = dataset.orders.find((candidate) => candidate.customerId !== null && candidate.fulfillments.length === 0)!;
    const webhooks = createShopifyWebhookBuilder({ secret, url, dataset });
    const second = new Date(Date.parse(order.updatedAt) + 60_000);
    dataset.updateOrder(order.id, second, (changed) => {
      changed.financialStatus = 'partially_refunded';
    });
    const partially = () => webhooks.ordersUpdated(order);
    const partiallyBody = await (await partially()).text();
    dataset.updateOrder(order.id, new Date(second.getTime() + 500), (changed) => {
      changed.financialStatus = 'refunded';
    });
    const refundedBody = await (await webhooks.ordersUpdated(order)).text();
    // Shopify's X-Shopify-Triggered-At has sub-second precision: it tells which state of the second came last.
    const sentAt = new Map([
      [partiallyBody, new Date(second.getTime() + 120)],
      [refundedBody, new Date(second.getTime() + 640)],
    ]);
    const sign = (body: string) => webhooks.build('orders/updated', body, { triggeredAt: sentAt.get(body)! });

    const currents: unknown[] = [];
    for (const arrival of [
      [partiallyBody, refundedBody],
      [refundedBody, partiallyBody],
    ]) {
      const { deliver, throughline } = setup(dataset);
      for (const body of arrival) expect((await deliver(sign(body))).body).toMatchObject({ ok: true, accepted: 1, duplicates: 0 });
      expect((await deliver(sign(arrival[1]!))).body).toMatchObject({ ok: true, accepted: 0, duplicates: 1 });
      const current = await throughline.tenant('acme').entities.current(`shopify:order:${order.id}`);
      currents.push(current?.id);
    }
    // The state sent last wins, whatever the arrival order.
    const refundedId = (await createShopify({ clientSecrets: [secret], shops: { [dataset.shop]: 'acme' } }).doParseWebhook(await readDelivery(await sign(refundedBody)), 'acme')) as { ok: true; kind: 'events'; events: Array<{ id: string }> };
    expect(currents).toEqual([refundedId.events[0]!.id, refundedId.events[0]!.id]);
  });

  it('erases the customer of the orders a customers/redact names, even when it names no identity of them', async () => {
    const { dataset, throughline, webhooks, deliver } = setup();
    const order = dataset.orders.find((candidate) => candidate.customerId !== null)!;
    const customer = dataset.customer(order.customerId!)!;
    expect((await deliver(webhooks.ordersCreate(order))).status).toBe(200);
    const customers = throughline.tenant('acme').customers;
    expect(await customers.findByIdentity({ kind: 'email', value: customer.email! })).toBeDefined();
    const answer = await deliver(webhooks.customersRedact({ customer: {}, ordersToRedact: [order.id] }));
    expect(answer).toEqual({ status: 200, body: { ok: true, privacy: 'customer_redact' } });
    expect(await customers.findByIdentity({ kind: 'email', value: customer.email! })).toBeUndefined();
  });

  it('reaches only the customer a privacy request names, never a household member who shares the phone', async () => {
    const { throughline, webhooks, deliver } = setup();
    const household = '+14155550199';
    const message = (id: string, shopifyId: string, email: string) => customerMessage(id, shopifyId, { email, phone: household });
    // Two Shopify customers of one household: the guard rail keeps them apart (a proposal, not a merge).
    await throughline.ingest('acme', [message('m-ana', '7001', 'ana@example.com'), message('m-ben', '7002', 'ben@example.com')]);
    const customers = throughline.tenant('acme').customers;
    const ana = (await customers.findByIdentity({ kind: 'email', value: 'ana@example.com' }))!.customer;
    const ben = (await customers.findByIdentity({ kind: 'email', value: 'ben@example.com' }))!.customer;
    expect(ana.id).not.toBe(ben.id);

    const exported: string[][] = [];
    throughline.events.on('privacy.data_requested', (request) => exported.push(request.customers.map((entry) => entry.customer.id)));
    expect((await deliver(webhooks.customersDataRequest({ customer: { id: 7002n, email: 'ben@example.com', phone: household } }))).status).toBe(200);
    // Without the Shopify id, the customer the email finds tells whose household phone it is.
    expect((await deliver(webhooks.customersDataRequest({ customer: { email: 'ben@example.com', phone: household } }))).status).toBe(200);
    expect(exported).toEqual([[ben.id], [ben.id]]);
    expect((await deliver(webhooks.customersRedact({ customer: { id: 7002n, email: 'ben@example.com', phone: household } }))).status).toBe(200);
    expect(await customers.findByIdentity({ kind: 'email', value: 'ben@example.com' })).toBeUndefined();
    expect((await customers.findByIdentity({ kind: 'email', value: 'ana@example.com' }))?.customer.id).toBe(ana.id);
  });

  it('erases a customer Shopify merged into another: the email it kept is unique to one Shopify customer', async () => {
    const { throughline, webhooks, deliver } = setup();
    const message = (id: string, shopifyId: string, email: string | null) => customerMessage(id, shopifyId, email ? { email } : {});
    // Shopify merged customer 8001 (who wrote with the email) into 8002: here they stay two records.
    await throughline.ingest('acme', [message('m-old', '8001', 'cleo@example.com'), message('m-new', '8002', null)]);
    const stored = await throughline.store.listEvents({ tenantId: 'acme', limit: 10 });
    expect(new Set(stored.map((event) => event.customerId)).size).toBe(2);
    const customers = throughline.tenant('acme').customers;
    for (const value of ['8001', '8002']) expect(await customers.findByIdentity({ kind: 'platform', namespace: 'shopify:customer', value })).toBeDefined();
    expect((await deliver(webhooks.customersRedact({ customer: { id: 8002n, email: 'cleo@example.com' } }))).status).toBe(200);
    for (const value of ['8001', '8002']) expect(await customers.findByIdentity({ kind: 'platform', namespace: 'shopify:customer', value })).toBeUndefined();
  });

  it('answers 200 to a signed customers/redact that has nothing to erase, so Shopify does not retry it', async () => {
    const { webhooks, deliver } = setup();
    const answer = await deliver(webhooks.customersRedact({ customer: {} }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true });
  });
});

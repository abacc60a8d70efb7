import { type IncomingEvent, type IncomingEventOf, incomingEventSchema, type UnreadableRecord } from '@throughline/core/adapter';
import { readDelivery } from '@throughline/core/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopify } from '../create-shopify';
import type { ShopifyBackfillProgress, ShopifyCustomerIdentities, ShopifySettings } from '../shopify-settings';
import { createShopifyDataset, type ShopifyDataset } from '../testing/shopify-dataset';
import { createShopifyHandlers, type ShopifyFakeOptions } from '../testing/shopify-handlers';
import { createShopifyWebhookBuilder } from '../testing/webhook-builder';
import { decodeBackfillCursor, encodeBackfillCursor } from './backfill-cursor';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const token = 'shpat_backfill_token';
const since = new Date('2026-10-15T00:00:00.000Z');

function setup(options: { dataset?: ShopifyDataset; fake?: Partial<ShopifyFakeOptions>; settings?: Partial<ShopifySettings> } = {}) {
  const dataset = options.dataset ?? createShopifyDataset({ seed: 21, customers: 30, orders: 300 });
  const fake = createShopifyHandlers({ dataset, accessTokens: [token], bucket: { size: 1000, restoreRate: 50_000 }, ...options.fake });
  server.use(...fake.handlers);
  const progress: ShopifyBackfillProgress[] = [];
  const shopify = createShopify({
    clientSecrets: ['shpss_x'],
    shops: { [dataset.shop]: 'acme' },
    adminAccessTokens: token,
    backfillPageSize: 25,
    onProgress: (report) => {
      progress.push(report);
    },
    ...options.settings,
  });
  return { dataset, fake, shopify, progress };
}

async function drain(shopify: ReturnType<typeof createShopify>, cursor: string | null, maxPages = 10_000) {
  const pages: Array<{ events: IncomingEvent[]; cursor: string | null; unreadable: UnreadableRecord[] }> = [];
  let next = cursor;
  for (let page = 0; page < maxPages; page++) {
    const result = await shopify.doListEvents({ tenantId: 'acme', since, cursor: next });
    pages.push({ events: result.events, cursor: result.nextCursor, unreadable: result.unreadable ?? [] });
    next = result.nextCursor;
    if (next === null) break;
  }
  return pages;
}

describe('backfill', () => {
  it('reads every order updated since the date, with its fulfilments and refunds, as valid events', async () => {
    const { dataset, shopify, progress, fake } = setup();
    const pages = await drain(shopify, null);
    const events = pages.flatMap((page) => page.events);
    for (const event of events) expect(incomingEventSchema.safeParse(event).success).toBe(true);
    const expected = dataset.orders.filter((order) => Date.parse(order.updatedAt) >= since.getTime());
    const placed = events.filter((event) => event.type === 'order.placed').map((event) => event.source.externalId);
    expect(new Set(placed)).toEqual(new Set(expected.map((order) => order.id.toString())));
    expect(placed).toHaveLength(expected.length);
    const shipments = events.filter((event) => event.type === 'fulfillment.updated').length;
    expect(shipments).toBe(expected.reduce((sum, order) => sum + order.fulfillments.length, 0));
    const refunds = events.filter((event) => event.type === 'order.refunded').length;
    expect(refunds).toBe(expected.reduce((sum, order) => sum + order.refunds.length, 0));
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(progress.every((report) => report.stream === 'orders' && report.tenantId === 'acme')).toBe(true);
    expect(progress.reduce((sum, report) => sum + report.records, 0)).toBe(expected.length);
    expect(fake.stats.throttled).toBe(0);
  });

  it('resumes from any checkpointed cursor with nothing lost and nothing duplicated', async () => {
    const { shopify } = setup();
    const full = (await drain(shopify, null)).flatMap((page) => page.events.map((event) => event.id));
    // Interrupt after three pages, keep only the checkpoint, and start again with a fresh adapter.
    const firstRun = await drain(shopify, null, 3);
    const checkpoint = firstRun.at(-1)!.cursor;
    expect(checkpoint).not.toBeNull();
    const resumed = await drain(setup().shopify, checkpoint);
    const ids = [...firstRun, ...resumed].flatMap((page) => page.events.map((event) => event.id));
    expect(ids).toHaveLength(full.length);
    expect(new Set(ids)).toEqual(new Set(full));
  });

  it('produces the same event ids as the webhooks for the same facts', async () => {
    const { dataset, shopify } = setup();
    const backfilled = new Set((await drain(shopify, null)).flatMap((page) => page.events.map((event) => event.id)));
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && Date.parse(candidate.updatedAt) >= since.getTime())!;
    const webhooks = createShopifyWebhookBuilder({ secret: 'shpss_x', url: 'https://app.example.com/hooks', dataset });
    for (const request of [await webhooks.ordersCreate(order), await webhooks.fulfillmentsUpdate(order.fulfillments[0]!, order)]) {
      const result = await shopify.doParseWebhook(await readDelivery(request), 'acme');
      if (!(result.ok && result.kind === 'events')) throw new Error('expected events');
      for (const event of result.events) expect(backfilled).toContain(event.id);
    }
  });

  it('gives every fulfilment the shipment status its webhook gives: a carrier stage, or null', async () => {
    const { dataset, shopify } = setup();
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && Date.parse(candidate.updatedAt) >= since.getTime())!;
    // One shipment of each kind: no carrier news (FULFILLED), cancelled (CANCELED), and carrier stages.
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      const template = changed.fulfillments[0]!;
      changed.fulfillments = ([null, 'in_transit', 'attempted_delivery', 'ready_for_pickup', 'delivered'] as const).map((shipmentStatus, index) => ({
        ...template,
        id: template.id + 1_000_000n + BigInt(index),
        name: `${changed.name}.${index + 1}`,
        shipmentStatus,
        status: 'success',
      }));
      changed.fulfillments.push({ ...template, id: template.id + 2_000_000n, name: `${changed.name}.9`, status: 'cancelled', shipmentStatus: null });
    });
    const backfilled = (await drain(shopify, null)).flatMap((page) => page.events).filter((event) => event.type === 'fulfillment.updated');
    const webhooks = createShopifyWebhookBuilder({ secret: 'shpss_x', url: 'https://app.example.com/hooks', dataset });
    for (const fulfillment of order.fulfillments) {
      const result = await shopify.doParseWebhook(await readDelivery(await webhooks.fulfillmentsUpdate(fulfillment, order)), 'acme');
      if (!(result.ok && result.kind === 'events')) throw new Error('expected events');
      const fromWebhook = result.events[0] as IncomingEventOf<'fulfillment.updated'>;
      const fromBackfill = backfilled.find((event) => event.source.externalId === fulfillment.id.toString()) as IncomingEventOf<'fulfillment.updated'>;
      expect(fromBackfill.data.shipmentStatus, fulfillment.name).toBe(fromWebhook.data.shipmentStatus);
      expect(fromBackfill.id, fulfillment.name).toBe(fromWebhook.id);
    }
  });

  it('takes the order number from Order.number, whatever format the shop gives order names', async () => {
    const { dataset, shopify } = setup();
    const order = dataset.orders.find((candidate) => Date.parse(candidate.updatedAt) >= since.getTime())!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      changed.name = `ACME-${changed.number}-EU`;
    });
    const placed = (await drain(shopify, null))
      .flatMap((page) => page.events)
      .find((event): event is IncomingEventOf<'order.placed'> => event.type === 'order.placed' && event.source.externalId === order.id.toString())!;
    expect(placed.data).toMatchObject({ orderName: `ACME-${order.number}-EU`, orderNumber: String(order.number) });
    expect(placed.identities).toContainEqual({ kind: 'reference', namespace: 'shopify:order-number', value: String(order.number) });
  });

  it('reads every fulfilment, tracking number and refund of an order with more than a page query holds', async () => {
    const { dataset, shopify } = setup();
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && Date.parse(candidate.updatedAt) >= since.getTime())!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      const shipment = changed.fulfillments[0]!;
      shipment.trackingNumbers = Array.from({ length: 7 }, (_, index) => `1ZTRACK${index}`);
      shipment.trackingUrls = shipment.trackingNumbers.map((number) => `https://www.ups.com/track?tracknum=${number}`);
      for (let index = 0; index < 11; index++) {
        changed.fulfillments.push({ ...shipment, id: shipment.id + 3_000_000n + BigInt(index), name: `${changed.name}.${index + 2}`, trackingNumbers: [], trackingUrls: [] });
      }
      changed.refunds = Array.from({ length: 9 }, (_, index) => ({
        id: 509562969900000000n + BigInt(index),
        orderId: changed.id,
        createdAt: changed.createdAt,
        note: null,
        amount: '1.00',
        currency: 'USD',
      }));
    });
    const pages = await drain(shopify, null);
    const events = pages.flatMap((page) => page.events).filter((event) => event.source.url?.endsWith(`/orders/${order.id}`));
    const shipments = events.filter((event): event is IncomingEventOf<'fulfillment.updated'> => event.type === 'fulfillment.updated');
    expect(shipments.map((event) => event.data.fulfillmentId).sort()).toEqual(order.fulfillments.map((fulfillment) => fulfillment.id.toString()).sort());
    expect(shipments.find((event) => event.data.fulfillmentId === order.fulfillments[0]!.id.toString())!.data.trackingNumbers).toHaveLength(7);
    expect(events.filter((event) => event.type === 'order.refunded')).toHaveLength(9);
    expect(pages.flatMap((page) => page.unreadable)).toEqual([]);
  });

  it('keeps an order it cannot read in full as unreadable, never dropping the part it could not read in silence', async () => {
    const { dataset, shopify } = setup();
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && Date.parse(candidate.updatedAt) >= since.getTime())!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      const shipment = changed.fulfillments[0]!;
      changed.fulfillments = Array.from({ length: 260 }, (_, index) => ({ ...shipment, id: shipment.id + 4_000_000n + BigInt(index), name: `${changed.name}.${index + 1}` }));
    });
    const pages = await drain(shopify, null);
    const unreadable = pages.flatMap((page) => page.unreadable);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ reason: 'incomplete_record', url: `https://${dataset.shop}/admin/api/2026-07/graphql.json` });
    expect(unreadable[0]!.message).toContain(order.name);
    expect(unreadable[0]!.record).toMatchObject({ legacyResourceId: order.id.toString() });
    // What could be read still reaches the timeline.
    expect(pages.flatMap((page) => page.events).some((event) => event.type === 'order.placed' && event.source.externalId === order.id.toString())).toBe(true);
  });

  it('keeps an order as unreadable when Shopify refuses even its read alone for its cost', async () => {
    const { dataset, shopify } = setup({ fake: { maxQueryCost: 600 } });
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && Date.parse(candidate.updatedAt) >= since.getTime())!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      const shipment = changed.fulfillments[0]!;
      changed.fulfillments = Array.from({ length: 7 }, (_, index) => ({ ...shipment, id: shipment.id + 6_000_000n + BigInt(index), name: `${changed.name}.${index + 1}` }));
    });
    const pages = await drain(shopify, null);
    expect(pages.flatMap((page) => page.unreadable)).toMatchObject([{ reason: 'incomplete_record', record: { legacyResourceId: order.id.toString() } }]);
    const shipments = pages.flatMap((page) => page.events).filter((event) => event.type === 'fulfillment.updated' && event.source.url?.endsWith(`/orders/${order.id}`));
    expect(shipments).toHaveLength(5);
  });

  it('shrinks the page when Shopify says a page would cost more than one query may', async () => {
    const { shopify, fake, dataset } = setup({ settings: { backfillPageSize: 250 } });
    const pages = await drain(shopify, null);
    const placed = pages.flatMap((page) => page.events).filter((event) => event.type === 'order.placed');
    expect(placed).toHaveLength(dataset.orders.filter((order) => Date.parse(order.updatedAt) >= since.getTime()).length);
    expect(fake.stats.maxCostExceeded).toBeGreaterThan(0);
    expect(fake.stats.maxCostExceeded).toBeLessThan(5);
  });

  it('recovers from THROTTLED answers mid-backfill without losing a page', async () => {
    const { shopify, fake, dataset } = setup({
      fake: { bucket: { size: 1000, restoreRate: 1000 }, throttledStatus: 429 },
      settings: { backfillPageSize: 5 },
    });
    const first = await shopify.doListEvents({ tenantId: 'acme', since, cursor: null });
    // Another app spends the bucket: the next page (~200 points) is refused until it refills.
    fake.bucket.drain(0);
    const rest = await drain(shopify, first.nextCursor);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    const placed = [first, ...rest].flatMap((page) => page.events).filter((event) => event.type === 'order.placed');
    expect(placed).toHaveLength(dataset.orders.filter((order) => Date.parse(order.updatedAt) >= since.getTime()).length);
  });

  it('walks customers first when onCustomerIdentities is set, then orders', async () => {
    const seen: ShopifyCustomerIdentities[] = [];
    const { dataset, shopify, progress } = setup({ settings: { onCustomerIdentities: (record) => void seen.push(record) } });
    await drain(shopify, null);
    const expected = dataset.customers.filter((customer) => Date.parse(customer.updatedAt) >= since.getTime());
    expect(seen.map((record) => record.customerId).sort()).toEqual(expected.map((customer) => customer.id.toString()).sort());
    expect(progress[0]!.stream).toBe('customers');
    expect(progress.at(-1)!.stream).toBe('orders');
  });

  it('refuses a tenant it has no shop for and a cursor it did not write', async () => {
    const { shopify } = setup();
    await expect(shopify.doListEvents({ tenantId: 'nobody', since, cursor: null })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(shopify.doListEvents({ tenantId: 'acme', since, cursor: 'page=2' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('backfill cursors', () => {
  it('round-trip any GraphQL cursor and stream', () => {
    for (const position of [
      { stream: 'orders' as const, after: null },
      { stream: 'customers' as const, after: 'eyJsYXN0X2lkIjo0NTAsImxhc3RfdmFsdWUiOiIyMDI2LTExLTI3In0=' },
      { stream: 'orders' as const, after: 'ünïcødé/+=' },
    ]) {
      const cursor = encodeBackfillCursor(position);
      expect(cursor).toMatch(/^v1\.(orders|customers)\.[A-Za-z0-9_-]*$/);
      expect(decodeBackfillCursor(cursor)).toEqual(position);
    }
  });
});

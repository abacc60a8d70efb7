import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopify } from '../create-shopify';
import { createShopifyDataset } from '../testing/shopify-dataset';
import { createShopifyHandlers } from '../testing/shopify-handlers';
import { type CustomerSnapshot, type FulfillmentSnapshot, type OrderSnapshot, orderStatusFrom, type RefundSnapshot } from '../index';
import { readOrderReference } from './get-order-status';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const dataset = createShopifyDataset({ seed: 8, customers: 15, orders: 80 });

function setup(shop = dataset) {
  server.use(...createShopifyHandlers({ dataset: shop, accessTokens: ['shpat_status'], bucket: { size: 2000, restoreRate: 1000 } }).handlers);
  return createShopify({ clientSecrets: ['shpss_x'], shops: { [shop.shop]: 'acme' }, adminAccessTokens: { [shop.shop]: 'shpat_status' } });
}

/** A shop of its own, for tests that change orders. */
function ownDataset() {
  return createShopifyDataset({ seed: 8, customers: 15, orders: 80 });
}

describe('getOrderStatus', () => {
  it('finds an order by number, name, id and global id, with shipments and tracking', async () => {
    const shopify = setup();
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && candidate.fulfillmentStatus === 'fulfilled')!;
    for (const reference of [String(order.number), order.name, order.id.toString(), `gid://shopify/Order/${order.id}`]) {
      const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: reference });
      expect(status, reference).toMatchObject({
        orderId: order.id.toString(),
        orderName: order.name,
        placedAt: order.createdAt,
        fulfillmentStatus: 'fulfilled',
        shipments: order.fulfillments.map((fulfillment) => ({
          fulfillmentId: fulfillment.id.toString(),
          carrier: fulfillment.carrier,
          trackingNumbers: fulfillment.trackingNumbers,
          trackingUrls: fulfillment.trackingUrls,
          shipmentStatus: fulfillment.shipmentStatus,
          estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
          deliveredAt: fulfillment.deliveredAt,
        })),
      });
    }
  });

  it('summarises progress and the expected delivery of shipments still on their way', async () => {
    const shopify = setup();
    const inTransit = dataset.orders.find(
      (candidate) => candidate.fulfillmentStatus === 'fulfilled' && candidate.fulfillments.every((fulfillment) => fulfillment.estimatedDeliveryAt !== null),
    )!;
    const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: inTransit.name });
    expect(status?.progress).toBe('shipped');
    expect(status?.expectedDeliveryAt).toBe(inTransit.fulfillments.map((fulfillment) => fulfillment.estimatedDeliveryAt!).sort().at(-1));
    const delivered = dataset.orders.find(
      (candidate) => candidate.fulfillmentStatus === 'fulfilled' && candidate.fulfillments.every((fulfillment) => fulfillment.deliveredAt !== null),
    )!;
    expect((await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: delivered.name }))?.progress).toBe('delivered');
    const cancelled = dataset.orders.find((candidate) => candidate.cancelledAt !== null)!;
    expect((await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: cancelled.name }))?.progress).toBe('cancelled');
    const waiting = dataset.orders.find((candidate) => candidate.fulfillments.length === 0 && candidate.cancelledAt === null)!;
    expect(await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: waiting.name })).toMatchObject({ progress: 'not_shipped', expectedDeliveryAt: null });
  });

  it('finds an order whose shop gives names a custom format by the number the customer quotes', async () => {
    const dataset = ownDataset();
    const shopify = setup(dataset);
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0)!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      changed.name = `ACME-${changed.number}-EU`;
    });
    for (const reference of [String(order.number), `#${order.number}`, `ACME-${order.number}-EU`]) {
      const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: reference });
      expect(status, reference).toMatchObject({ orderId: order.id.toString(), orderName: `ACME-${order.number}-EU`, orderNumber: String(order.number) });
    }
    // Search is fuzzy: a number that only appears inside another order's name finds nothing.
    expect(await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: String(order.number).slice(1) })).toBeNull();
  });

  it('gives a shipment with no carrier news a null shipment status, as the webhook does', async () => {
    const dataset = ownDataset();
    const shopify = setup(dataset);
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0)!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      changed.fulfillments[0]!.shipmentStatus = null;
    });
    const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: order.id.toString() });
    expect(status?.shipments[0]?.shipmentStatus).toBeNull();
  });

  it('lists every shipment of an order with more than a search page holds', async () => {
    const dataset = ownDataset();
    const shopify = setup(dataset);
    const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && candidate.cancelledAt === null)!;
    dataset.updateOrder(order.id, new Date(Date.parse(order.updatedAt) + 1000), (changed) => {
      const shipment = changed.fulfillments[0]!;
      for (let index = 0; index < 8; index++) changed.fulfillments.push({ ...shipment, id: shipment.id + 5_000_000n + BigInt(index), name: `${changed.name}.${index + 2}` });
    });
    const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: order.name });
    expect(status?.shipments.map((shipment) => shipment.fulfillmentId)).toEqual(order.fulfillments.map((fulfillment) => fulfillment.id.toString()));
  });

  it('answers null for an order the shop does not have', async () => {
    const shopify = setup();
    expect(await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: '#999999' })).toBeNull();
    expect(await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: '820982911946150000' })).toBeNull();
  });

  it("lists a customer's recent orders by Shopify customer id or email, newest first", async () => {
    const shopify = setup();
    const customer = dataset.customers.find((candidate) => dataset.orders.filter((order) => order.customerId === candidate.id).length >= 2)!;
    const expected = dataset.orders
      .filter((order) => order.customerId === customer.id)
      .sort((left, right) => Date.parse(right.createdAt) - Date.parse(left.createdAt))
      .slice(0, 5)
      .map((order) => order.name);
    const byId = await shopify.recentOrders({ tenantId: 'acme', identities: [{ kind: 'platform', namespace: 'shopify:customer', value: customer.id.toString() }] });
    expect(byId.map((order) => order.orderName)).toEqual(expected);
    const byEmail = await shopify.recentOrders({ tenantId: 'acme', identities: [{ kind: 'email', value: customer.email!.toUpperCase() }] });
    expect(byEmail.map((order) => order.orderName)).toEqual(expected);
    expect(await shopify.recentOrders({ tenantId: 'acme', identities: [{ kind: 'phone', value: '+15550100' }] })).toEqual([]);
  });

  it('needs an access token for the tenant', async () => {
    const shopify = createShopify({ clientSecrets: ['shpss_x'], shops: { [dataset.shop]: 'acme' } });
    await expect(shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: '1001' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('readOrderReference', () => {
  it('reads long numbers as ids and short ones as order numbers', () => {
    expect(readOrderReference('820982911946154508')).toEqual({ kind: 'id', id: '820982911946154508' });
    expect(readOrderReference(' 1001 ')).toEqual({ kind: 'name', name: '#1001' });
    expect(readOrderReference('#1001')).toEqual({ kind: 'name', name: '#1001' });
    expect(readOrderReference('gid://shopify/Order/42')).toEqual({ kind: 'id', id: '42' });
    expect(readOrderReference('ACME-1001')).toEqual({ kind: 'name', name: 'ACME-1001' });
  });
});

describe('orderStatusFrom', () => {
  it('reads an order snapshot built with the types the package exports', () => {
    const customer: CustomerSnapshot = {
      customerId: '207119551',
      email: 'ana@example.com',
      phone: null,
      firstName: 'Ana',
      lastName: 'Silva',
      updatedAt: '2025-11-20T10:00:00-05:00',
    };
    const shipment: FulfillmentSnapshot = {
      fulfillmentId: '255858046',
      orderId: '820982911946154508',
      orderName: '#1001',
      status: 'success',
      shipmentStatus: 'in_transit',
      carrier: 'UPS',
      trackingNumbers: ['1Z999AA10123456784'],
      trackingUrls: ['https://www.ups.com/track?tracknum=1Z999AA10123456784'],
      estimatedDeliveryAt: '2025-12-02T17:00:00-05:00',
      deliveredAt: null,
      createdAt: '2025-11-29T08:00:00-05:00',
      updatedAt: '2025-11-29T08:00:00-05:00',
    };
    const refund: RefundSnapshot = {
      refundId: '509562969',
      orderId: '820982911946154508',
      orderName: '#1001',
      createdAt: '2025-11-30T09:00:00-05:00',
      note: null,
      amount: { amount: '5.00', currency: 'USD' },
    };
    const order: OrderSnapshot = {
      orderId: '820982911946154508',
      orderName: '#1001',
      orderNumber: '1001',
      createdAt: '2025-11-28T09:15:00-05:00',
      updatedAt: '2025-11-30T09:00:00-05:00',
      cancelledAt: null,
      cancelReason: null,
      financialStatus: 'partially_refunded',
      fulfillmentStatus: 'fulfilled',
      total: { amount: '59.90', currency: 'USD' },
      itemCount: 2,
      statusUrl: 'https://acme.myshopify.com/orders/abc/authenticate?key=def',
      email: 'ana@example.com',
      phone: null,
      customer,
      fulfillments: [shipment],
      refunds: [refund],
    };
    expect(orderStatusFrom(order)).toMatchObject({
      orderId: '820982911946154508',
      orderName: '#1001',
      placedAt: '2025-11-28T14:15:00.000Z',
      progress: 'shipped',
      expectedDeliveryAt: '2025-12-02T22:00:00.000Z',
      shipments: [{ fulfillmentId: '255858046', carrier: 'UPS', estimatedDeliveryAt: '2025-12-02T22:00:00.000Z' }],
    });
  });
});

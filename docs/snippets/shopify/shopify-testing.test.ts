// #region testing
import { createMemoryStore, createThroughline } from '@throughline/core';
import { createShopify } from '@throughline/shopify';
import { createShopifyDataset, createShopifyHandlers, createShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

const secret = 'test-client-secret';
const dataset = createShopifyDataset({ seed: 7, customers: 50, orders: 500 });
const fake = createShopifyHandlers({ dataset, bucket: { size: 1000, restoreRate: 100 } });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const webhooks = createShopifyWebhookBuilder({ secret, url: 'https://app.test/webhooks', dataset });
const shopify = createShopify({ clientSecrets: [secret], shops: { [dataset.shop]: 'acme' }, adminAccessTokens: 'shpat_test' });
const throughline = createThroughline({ store: createMemoryStore(), adapters: [shopify] });

it('puts a fulfilled order on the timeline and answers its status from the Admin API', async () => {
  const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0 && candidate.customerId !== null)!;
  expect((await throughline.webhooks.handle(await webhooks.ordersFulfilled(order))).status).toBe(200);

  const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: order.name });
  expect(status?.orderId).toBe(String(order.id)); // 64-bit ids arrive as exact decimal strings
  expect(status?.shipments).toHaveLength(order.fulfillments.length);

  // The delivery landed on the customer's timeline: the order's new state and one event per fulfilment.
  const acme = throughline.tenant('acme');
  const customer = await acme.customers.findByIdentity({ kind: 'platform', namespace: 'shopify:customer', value: String(order.customerId) });
  const types = (await acme.timeline.forCustomer(customer!.customer.id)).events.map((event) => event.type);
  expect(types).toContain('order.updated');
  expect(types.filter((type) => type === 'fulfillment.updated')).toHaveLength(order.fulfillments.length);
});
// #endregion testing

it('a drained bucket answers THROTTLED, and the client waits for the refill and retries', async () => {
  fake.bucket.drain();
  const before = fake.stats.throttled;
  const status = await shopify.getOrderStatus({ tenantId: 'acme', orderNumberOrId: dataset.orders[0]!.name });
  expect(status?.orderName).toBe(dataset.orders[0]!.name);
  expect(fake.stats.throttled).toBeGreaterThan(before);
});

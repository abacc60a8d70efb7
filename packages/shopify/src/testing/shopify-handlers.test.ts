import { parseJsonLossless } from '@throughline/core/adapter-utils';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopifyDataset } from './shopify-dataset';
import { createShopifyHandlers } from './shopify-handlers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const dataset = createShopifyDataset({ seed: 4, customers: 5, orders: 30 });
const base = `https://${dataset.shop}/admin/api/2026-07`;
const headers = { 'x-shopify-access-token': 'shpat_fake' };

describe('the fake Admin API', () => {
  it('serves REST orders with 64-bit ids as bare numbers and the call-limit header', async () => {
    server.use(...createShopifyHandlers({ dataset, accessTokens: ['shpat_fake'] }).handlers);
    const order = dataset.orders[0]!;
    const response = await fetch(`${base}/orders/${order.id}.json`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-shopify-shop-api-call-limit')).toBe('1/40');
    const text = await response.text();
    expect(text).toContain(`"id":${order.id}`);
    expect((parseJsonLossless(text) as { order: { id: string } }).order.id).toBe(order.id.toString());
  });

  it("answers Shopify's REST error bodies: 404 Not Found, 401 for a bad token, 429 past the bucket", async () => {
    server.use(...createShopifyHandlers({ dataset, accessTokens: ['shpat_fake'], restBucket: { size: 3, leakRate: 0.001 } }).handlers);
    const missing = await fetch(`${base}/orders/1.json`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: 'Not Found' });
    const unknownPath = await fetch(`${base}/nothing-here.json`, { headers });
    expect(await unknownPath.json()).toEqual({ errors: 'Not Found' });
    const unauthorised = await fetch(`${base}/orders/${dataset.orders[0]!.id}.json`, { headers: { 'x-shopify-access-token': 'wrong' } });
    expect(unauthorised.status).toBe(401);
    expect(((await unauthorised.json()) as { errors: string }).errors).toMatch(/Invalid API key or access token/);
    for (let index = 0; index < 2; index++) await fetch(`${base}/orders/${dataset.orders[0]!.id}.json`, { headers });
    const throttled = await fetch(`${base}/orders/${dataset.orders[0]!.id}.json`, { headers });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2.0');
  });

  it('charges the actual cost, not the requested one, and reports the bucket', async () => {
    const fake = createShopifyHandlers({ dataset, bucket: { size: 1000, restoreRate: 0.001 } });
    server.use(...fake.handlers);
    const query = '{ orders(first: 10, query: "name:#1001") { nodes { id customer { id } } } }';
    const response = await fetch(`${base}/graphql.json`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data: { orders: { nodes: unknown[] } }; extensions: { cost: Record<string, unknown> } };
    expect(body.data.orders.nodes).toHaveLength(1);
    // Requested: 2 + 10 × (order 1 + customer 1); actual: 2 + 1 × 2.
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 22, actualQueryCost: 4, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 996 } });
  });

  it('refuses connections without first, and queries outside the schema', async () => {
    server.use(...createShopifyHandlers({ dataset }).handlers);
    const post = (query: string) =>
      fetch(`${base}/graphql.json`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(
        (response) => response.json() as Promise<{ errors?: Array<{ message: string }> }>,
      );
    expect((await post('{ orders { nodes { id } } }')).errors?.[0]?.message).toBe('you must provide one of first or last');
    expect((await post('{ orders(first: 1) { nodes { email_address } } }')).errors?.[0]?.message).toMatch(/email_address/);
  });
});

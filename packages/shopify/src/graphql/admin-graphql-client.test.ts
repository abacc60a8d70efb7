import { ApiCallError } from '@throughline/core/adapter';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopifyDataset } from '../testing/shopify-dataset';
import { createShopifyHandlers, type ShopifyFake, type ShopifyFakeOptions } from '../testing/shopify-handlers';
import { createAdminGraphqlClient } from './admin-graphql-client';
import { backfillOrdersQuery } from './admin-queries';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const dataset = createShopifyDataset({ seed: 5, customers: 20, orders: 120 });
const token = 'shpat_secret_token_value';

function fake(options: Partial<ShopifyFakeOptions> = {}): ShopifyFake {
  const shop = createShopifyHandlers({ dataset, accessTokens: [token], ...options });
  server.use(...shop.handlers);
  return shop;
}

function client(accessToken = token) {
  const waits: Array<{ kind: string; waitMs: number }> = [];
  const graphql = createAdminGraphqlClient({
    shop: dataset.shop,
    accessToken,
    apiVersion: '2026-07',
    onWait: (kind, waitMs) => waits.push({ kind, waitMs }),
  });
  return { graphql, waits };
}

const smallPage = { first: 4, after: null, query: null };

describe('the Admin GraphQL client', () => {
  it('reads the cost report of every answer', async () => {
    fake({ bucket: { size: 1000, restoreRate: 100 } });
    const { graphql } = client();
    const answer = await graphql.query<{ orders: { nodes: unknown[] } }>({ query: backfillOrdersQuery, variables: smallPage });
    expect(answer.data.orders.nodes).toHaveLength(4);
    expect(answer.cost?.requestedQueryCost).toBeGreaterThan(answer.cost!.actualQueryCost!);
    expect(answer.cost?.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 100 });
    expect(graphql.throttleStatus()?.currentlyAvailable).toBe(answer.cost?.throttleStatus?.currentlyAvailable);
  });

  it('paces itself on throttleStatus so a burst of queries is never throttled', async () => {
    // Each query needs ~170 points up front and spends ~35; the bucket holds 200 and restores 200 a second,
    // so from the second query on the client must wait for points (an unpaced client is throttled).
    const shop = fake({ bucket: { size: 200, restoreRate: 200 } });
    const { graphql, waits } = client();
    for (let index = 0; index < 8; index++) await graphql.query({ query: backfillOrdersQuery, variables: smallPage });
    expect(shop.stats.throttled).toBe(0);
    expect(waits.filter((wait) => wait.kind === 'pace').length).toBeGreaterThan(0);
    expect(graphql.stats()).toMatchObject({ requests: 8, throttled: 0 });
  });

  it.each([200, 429] as const)('waits for the refill and retries a THROTTLED answer sent with HTTP %i', async (status) => {
    // One order costs ~43 points up front; an empty bucket restoring 100 a second needs ~0.4 s to hold it.
    const shop = fake({ bucket: { size: 1000, restoreRate: 100 }, throttledStatus: status });
    shop.bucket.drain(0);
    const { graphql, waits } = client();
    const answer = await graphql.query<{ orders: { nodes: unknown[] } }>({ query: backfillOrdersQuery, variables: { ...smallPage, first: 1 } });
    expect(answer.data.orders.nodes).toHaveLength(1);
    expect(shop.stats.throttled).toBe(1);
    expect(graphql.stats().throttled).toBe(1);
    expect(waits.filter((wait) => wait.kind === 'throttled')).toHaveLength(1);
  });

  it('gives up after the configured number of THROTTLED answers', async () => {
    const shop = fake({ bucket: { size: 1000, restoreRate: 0.001 } });
    shop.bucket.drain(0);
    const graphql = createAdminGraphqlClient({ shop: dataset.shop, accessToken: token, apiVersion: '2026-07', maxThrottleRetries: 0 });
    await expect(graphql.query({ query: backfillOrdersQuery, variables: smallPage })).rejects.toMatchObject({ platformCode: 'THROTTLED', isRetryable: true });
  });

  it('reports a query above the single-query limit as MAX_COST_EXCEEDED', async () => {
    fake();
    const { graphql } = client();
    const error = await graphql.query({ query: backfillOrdersQuery, variables: { first: 250, after: null, query: null } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ platformCode: 'MAX_COST_EXCEEDED', isRetryable: false });
  });

  it('reports GraphQL validation errors without retrying', async () => {
    const shop = fake();
    const { graphql } = client();
    await expect(graphql.query({ query: '{ shop { notAField } }' })).rejects.toMatchObject({ isRetryable: false, status: 200 });
    expect(shop.stats.graphqlRequests).toBe(1);
  });

  it('retries a query Shopify answered with a server error', async () => {
    const shop = fake();
    shop.failNextRequests(1, 503);
    const { graphql } = client();
    const answer = await graphql.query<{ orders: { nodes: unknown[] } }>({ query: backfillOrdersQuery, variables: smallPage });
    expect(answer.data.orders.nodes).toHaveLength(4);
    expect(shop.stats.graphqlRequests).toBe(2);
  });

  it.each([500, 502, 503, 504] as const)('never resends a mutation answered %i: it may have run', async (status) => {
    const shop = fake();
    shop.failNextRequests(1, status);
    const { graphql } = client();
    const mutation = /* GraphQL */ `
      # Refunds the order once.
      mutation ThroughlineRefund($input: RefundInput!) {
        refundCreate(input: $input) { refund { id } userErrors { field message } }
      }
    `;
    const error = await graphql.query({ query: mutation, variables: { input: { orderId: 'gid://shopify/Order/1' } } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ status, isRetryable: false });
    expect(shop.stats.graphqlRequests).toBe(1);
  });

  it('fails with 401 on a wrong token and never shows the token', async () => {
    fake();
    const wrong = 'shpat_wrong_token_value';
    const error = (await client(wrong).graphql.query({ query: '{ shop { name } }' }).catch((caught: unknown) => caught)) as ApiCallError;
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error.status).toBe(401);
    expect(`${error.message} ${error.responseBody} ${error.url}`).not.toContain(wrong);
  });
});

import {
  type ChannelAdapterV1,
  type EventPage,
  type IdentityClaim,
  type ListEventsOptions,
  ValidationError,
  type WebhookDelivery,
  type WebhookParseResult,
  type WebhookVerification,
} from '@throughline/core/adapter';
import { createSignatureVerifier } from '@throughline/core/adapter-utils';
import { listShopifyEvents } from './backfill/list-shopify-events';
import { type AdminGraphqlClient, createAdminGraphqlClient } from './graphql/admin-graphql-client';
import { getOrderStatus, recentOrders } from './order-status/get-order-status';
import type { OrderStatus } from './order-status/order-status';
import { resolveShopifySettings, type ShopifySettings } from './shopify-settings';
import { parseShopifyWebhook } from './webhook/parse-shopify-webhook';
import { ShopifyHeaderReader } from './webhook/shopify-webhook-headers';
import { verifyShopifyWebhook } from './webhook/verify-shopify-webhook';

/** The Shopify adapter: the `ChannelAdapterV1` contract plus order lookups for the automation layer. */
export interface ShopifyAdapter extends ChannelAdapterV1 {
  readonly id: 'shopify';
  /** Lists one backfill page: customers (when `onCustomerIdentities` is set), then orders with fulfilments and refunds. */
  doListEvents(options: ListEventsOptions): Promise<EventPage>;
  /**
   * Looks an order up by id (`820982911946154508`, `gid://shopify/Order/…`), number (`1001`) or name (`#1001`).
   * @returns the order's status, fulfilments and tracking, or null when the shop has no such order
   * @throws {ValidationError} when the tenant has no shop or no access token
   * @throws {ApiCallError} when Shopify refuses the query
   */
  getOrderStatus(options: { tenantId: string; orderNumberOrId: string; signal?: AbortSignal }): Promise<OrderStatus | null>;
  /**
   * The customer's latest orders, found by Shopify customer id or email.
   * @throws {ValidationError} when the tenant has no shop or no access token
   * @throws {ApiCallError} when Shopify refuses the query
   */
  recentOrders(options: { tenantId: string; identities: ReadonlyArray<IdentityClaim>; limit?: number }): Promise<OrderStatus[]>;
  /**
   * The cost-aware Admin GraphQL client of a tenant's shop, for queries of your own.
   * @throws {ValidationError} when the tenant has no shop or no access token
   */
  adminClient(tenantId: string): AdminGraphqlClient;
}

/**
 * Creates the Shopify adapter: verifies and maps order, fulfilment, refund, customer and privacy webhooks,
 * backfills through the Admin GraphQL API at the shop's restore rate, and answers order-status lookups.
 *
 * @param settings - client secrets, shops allow-list, access tokens, API version, fetch, hooks
 * @returns the adapter
 * @throws {ValidationError} when the settings are invalid (secrets never appear in the message)
 * @example
 * ```ts
 * const shopify = createShopify({
 *   clientSecrets: [process.env.SHOPIFY_CLIENT_SECRET!],
 *   shops: { 'acme.myshopify.com': 'acme' },
 *   adminAccessTokens: { 'acme.myshopify.com': process.env.SHOPIFY_ADMIN_TOKEN! },
 * });
 * ```
 */
export function createShopify(settings: ShopifySettings): ShopifyAdapter {
  const resolved = resolveShopifySettings(settings);
  const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: resolved.clientSecrets, encoding: 'base64' });
  const clients = new Map<string, AdminGraphqlClient>();
  const pageSizes = new Map<string, { value: number }>();

  function shopOf(tenantId: string): string {
    const shop = resolved.shopByTenant.get(tenantId);
    if (shop === undefined) {
      throw new ValidationError(`Shopify has no shop for tenant ${tenantId}`, [{ path: ['tenantId'], message: 'not in the shops setting' }]);
    }
    return shop;
  }

  function adminClient(tenantId: string): AdminGraphqlClient {
    const shop = shopOf(tenantId);
    let client = clients.get(shop);
    if (client === undefined) {
      const accessToken = resolved.accessTokenFor(shop);
      if (accessToken === undefined) {
        throw new ValidationError(`Shopify has no Admin API access token for ${shop}`, [
          { path: ['adminAccessTokens', shop], message: 'required for backfill and order lookups' },
        ]);
      }
      client = createAdminGraphqlClient({
        shop,
        accessToken,
        apiVersion: resolved.apiVersion,
        fetch: resolved.fetch,
        maxThrottleRetries: resolved.maxThrottleRetries,
        onWait: resolved.onThrottle ? (kind, waitMs) => resolved.onThrottle?.({ tenantId, kind, waitMs }) : undefined,
      });
      clients.set(shop, client);
    }
    return client;
  }

  return {
    specificationVersion: 'v1',
    id: 'shopify',
    capabilities: { channels: [], webhooks: true, backfill: true, send: false },

    matchesWebhook(request: Request): boolean {
      const headers = new ShopifyHeaderReader(request.headers);
      return headers.hmac !== null || headers.get('topic') !== null;
    },

    doVerifyWebhook(delivery: WebhookDelivery): Promise<WebhookVerification> {
      return verifyShopifyWebhook(delivery, verifier, resolved.shops);
    },

    async doParseWebhook(delivery: WebhookDelivery, tenantId: string): Promise<WebhookParseResult> {
      return parseShopifyWebhook(delivery, tenantId, { onCustomerIdentities: resolved.onCustomerIdentities });
    },

    async doListEvents(options: ListEventsOptions): Promise<EventPage> {
      const shop = shopOf(options.tenantId);
      let pageSize = pageSizes.get(shop);
      if (pageSize === undefined) {
        pageSize = { value: resolved.backfillPageSize };
        pageSizes.set(shop, pageSize);
      }
      return listShopifyEvents(options, {
        shop,
        apiVersion: resolved.apiVersion,
        client: adminClient(options.tenantId),
        pageSize,
        onProgress: resolved.onProgress,
        onCustomerIdentities: resolved.onCustomerIdentities,
      });
    },

    async getOrderStatus(options) {
      return getOrderStatus(adminClient(options.tenantId), options.orderNumberOrId, options.signal);
    },

    async recentOrders(options) {
      return recentOrders(adminClient(options.tenantId), options.identities, options.limit);
    },

    adminClient,
  };
}

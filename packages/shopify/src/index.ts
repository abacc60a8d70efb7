export { type BackfillPosition, type BackfillStream, decodeBackfillCursor, encodeBackfillCursor } from './backfill/backfill-cursor';
export { createShopify, type ShopifyAdapter } from './create-shopify';
export {
  type AdminGraphqlClient,
  type AdminGraphqlClientOptions,
  type AdminGraphqlStats,
  createAdminGraphqlClient,
  type GraphqlAnswer,
  type GraphqlRequest,
} from './graphql/admin-graphql-client';
export { type QueryCost, readQueryCost, type ThrottleStatus } from './graphql/throttle-status';
export { identitiesFromCustomer } from './map/identities-from-customer';
export type { CustomerSnapshot, FulfillmentSnapshot, OrderSnapshot, RefundSnapshot } from './map/order-snapshot';
export { type OrderReference, orderStatusFrom, readOrderReference } from './order-status/get-order-status';
export type { OrderProgress, OrderStatus, ShipmentStatus } from './order-status/order-status';
export {
  type ShopifyBackfillProgress,
  type ShopifyCustomerIdentities,
  type ShopifySettings,
  type ShopifyThrottleNotice,
  shopifySettingsSchema,
} from './shopify-settings';
export { type ShopifyWebhookTopic, shopifyWebhookTopics } from './webhook/parse-shopify-webhook';
export { readShopifyHeaders, type ShopifyWebhookHeaders } from './webhook/shopify-webhook-headers';

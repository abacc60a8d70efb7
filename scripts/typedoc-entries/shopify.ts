/**
 * Throughline Shopify adapter: signed order, fulfilment, refund and privacy webhooks, a cost-aware Admin GraphQL client, resumable backfill and order status for automation.
 * @module @throughline/shopify
 */
export * from '../../packages/shopify/src/index';

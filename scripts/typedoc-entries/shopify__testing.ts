/**
 * The Shopify testing kit: a seeded shop, signed webhook builders for every topic and msw handlers that behave like the Admin API.
 * @module @throughline/shopify/testing
 */
export * from '../../packages/shopify/src/testing/index';

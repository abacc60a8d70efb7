export { adminSchema } from './admin-schema';
export { stringifyWithBigInts } from './json-with-big-ints';
export { FakeLeakyBucket, type FakeThrottleStatus } from './leaky-bucket';
export { actualQueryCost, requestedQueryCost } from './query-cost';
export { type RestPayload, restCustomerPayload, restFulfillmentPayload, restOrderPayload, restRefundPayload } from './rest-payloads';
export {
  createShopifyDataset,
  type FakeCustomer,
  type FakeFulfillment,
  type FakeOrder,
  type FakeRefund,
  fakeIdBase,
  type ShopifyDataset,
  type ShopifyDatasetOptions,
} from './shopify-dataset';
export { createShopifyHandlers, type ShopifyFake, type ShopifyFakeOptions, type ShopifyFakeStats } from './shopify-handlers';
export {
  createShopifyWebhookBuilder,
  type ShopifyDeliveryOptions,
  type ShopifyHeaderFamily,
  type ShopifyWebhookBuilder,
  type ShopifyWebhookBuilderOptions,
} from './webhook-builder';

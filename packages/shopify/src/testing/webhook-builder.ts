import { createSignatureVerifier, type SignatureVerifier } from '@throughline/core/adapter-utils';
import { stringifyWithBigInts } from './json-with-big-ints';
import { type RestPayload, restCustomerPayload, restFulfillmentPayload, restOrderPayload, restRefundPayload } from './rest-payloads';
import type { FakeCustomer, FakeFulfillment, FakeOrder, FakeRefund, ShopifyDataset } from './shopify-dataset';

/** Which header names a delivery carries: classic `X-Shopify-*` webhooks, or unprefixed `Shopify-*` Events deliveries. */
export type ShopifyHeaderFamily = 'x-shopify' | 'shopify';

/** Defaults for every delivery a builder makes. */
export interface ShopifyWebhookBuilderOptions {
  /** The app client secret the deliveries are signed with. */
  secret: string;
  /** Where the requests are aimed. */
  url: string | URL;
  /** Shop domain header; the dataset's shop by default. */
  shop?: string;
  /** The dataset orders are read from (customers, status page); needed by the order helpers. */
  dataset?: ShopifyDataset;
  /** `X-Shopify-API-Version` (default `2026-07`). */
  apiVersion?: string;
  /** Which header family deliveries carry (default `x-shopify`). */
  headerFamily?: ShopifyHeaderFamily;
}

/** Per-delivery overrides. */
export interface ShopifyDeliveryOptions {
  /** `X-Shopify-Event-Id`; derived from the topic, the resource and the body by default (stable across calls). */
  eventId?: string;
  /** `X-Shopify-Webhook-Id`; derived from the event id by default. */
  webhookId?: string;
  /** `X-Shopify-Triggered-At`; the payload's `updated_at` (or `created_at`) by default. */
  triggeredAt?: Date | string;
  /** Which header family this delivery carries. */
  headerFamily?: ShopifyHeaderFamily;
  /** Signs with another secret (rotation tests). */
  secret?: string;
  /** Another shop domain header (unknown-tenant tests). */
  shop?: string;
  /** Changes the body after signing (tampering tests). */
  tamper?: (body: string) => string;
  /** Leaves the signature header out. */
  unsigned?: boolean;
}

/** Builds signed Shopify webhook requests, one helper per topic the adapter maps. */
export interface ShopifyWebhookBuilder {
  /**
   * Builds a signed delivery of any topic with any body.
   * @param topic - such as `orders/create` (unknown topics too)
   * @param payload - an object (bigints become bare JSON numbers) or raw text
   * @param options - header and signature overrides
   */
  build(topic: string, payload: RestPayload | string, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `orders/create` for an order. */
  ordersCreate(order: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `orders/updated` for an order. */
  ordersUpdated(order: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `orders/cancelled` for an order. */
  ordersCancelled(order: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `orders/fulfilled` for an order, with its fulfilments. */
  ordersFulfilled(order: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `orders/partially_fulfilled` for an order, with its fulfilments. */
  ordersPartiallyFulfilled(order: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `fulfillments/create` for a fulfilment (its order gives the email and destination). */
  fulfillmentsCreate(fulfillment: FakeFulfillment, order?: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `fulfillments/update` for a fulfilment. */
  fulfillmentsUpdate(fulfillment: FakeFulfillment, order?: FakeOrder, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `refunds/create` for a refund. */
  refundsCreate(refund: FakeRefund, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `customers/create` for a customer. */
  customersCreate(customer: FakeCustomer, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `customers/update` for a customer. */
  customersUpdate(customer: FakeCustomer, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `customers/data_request`; any of the customer's id, email and phone may be left out. */
  customersDataRequest(
    request: { customer: { id?: bigint; email?: string; phone?: string }; ordersRequested?: bigint[]; dataRequestId?: bigint },
    options?: ShopifyDeliveryOptions,
  ): Promise<Request>;
  /** `customers/redact`. */
  customersRedact(request: { customer: { id?: bigint; email?: string; phone?: string }; ordersToRedact?: bigint[] }, options?: ShopifyDeliveryOptions): Promise<Request>;
  /** `shop/redact`. */
  shopRedact(options?: ShopifyDeliveryOptions): Promise<Request>;
}

function slug(topic: string): string {
  return topic.replace(/[^a-z0-9]+/gi, '-');
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Creates a builder of signed webhook deliveries (base64 HMAC-SHA256 of the exact body bytes), aimed at a URL,
 * deterministic (no clock or randomness inside) and fast enough for peak-day simulations.
 *
 * @param options - secret, URL, shop and defaults
 * @returns the builder
 * @example
 * ```ts
 * const webhooks = createShopifyWebhookBuilder({ secret, url: 'https://app.test/webhooks/shopify', dataset });
 * const request = await webhooks.ordersCreate(dataset.orders[0]!);
 * ```
 */
export function createShopifyWebhookBuilder(options: ShopifyWebhookBuilderOptions): ShopifyWebhookBuilder {
  const signers = new Map<string, SignatureVerifier>();
  const encoder = new TextEncoder();
  const defaultShop = options.shop ?? options.dataset?.shop ?? 'acme.myshopify.com';

  function signer(secret: string): SignatureVerifier {
    let verifier = signers.get(secret);
    if (!verifier) {
      verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: [secret], encoding: 'base64' });
      signers.set(secret, verifier);
    }
    return verifier;
  }

  async function build(topic: string, payload: RestPayload | string, delivery: ShopifyDeliveryOptions = {}): Promise<Request> {
    const body = typeof payload === 'string' ? payload : stringifyWithBigInts(payload);
    const bytes = encoder.encode(body);
    const signature = await signer(delivery.secret ?? options.secret).sign(bytes);
    const record = typeof payload === 'string' ? {} : payload;
    const resourceId = record.id === undefined || record.id === null ? '' : String(record.id);
    const stamp = String(record.updated_at ?? record.created_at ?? '');
    // One event, one id: a redelivery of the same body keeps it, another state of the resource in the same second does not.
    const eventId =
      delivery.eventId ??
      (resourceId && stamp ? `evt-${slug(topic)}-${resourceId}-${Date.parse(stamp)}-${fnv1a(body)}` : `evt-${slug(topic)}-${fnv1a(body)}`);
    const triggeredAt =
      delivery.triggeredAt instanceof Date ? delivery.triggeredAt.toISOString() : (delivery.triggeredAt ?? (stamp || '2026-01-01T00:00:00.000Z'));
    const prefix = (delivery.headerFamily ?? options.headerFamily ?? 'x-shopify') === 'x-shopify' ? 'X-Shopify-' : 'Shopify-';
    const headers = new Headers({ 'content-type': 'application/json' });
    if (!delivery.unsigned) headers.set(`${prefix}Hmac-Sha256`, signature);
    headers.set(`${prefix}Topic`, topic);
    headers.set(`${prefix}Shop-Domain`, delivery.shop ?? defaultShop);
    headers.set(`${prefix}API-Version`, options.apiVersion ?? '2026-07');
    headers.set(`${prefix}Webhook-Id`, delivery.webhookId ?? `wh-${eventId}`);
    headers.set(`${prefix}Event-Id`, eventId);
    headers.set(`${prefix}Triggered-At`, triggeredAt);
    return new Request(options.url, { method: 'POST', headers, body: delivery.tamper ? delivery.tamper(body) : bytes });
  }

  function orderPayload(order: FakeOrder): RestPayload {
    if (!options.dataset) throw new Error('createShopifyWebhookBuilder needs a dataset to build order payloads');
    return restOrderPayload(order, options.dataset);
  }

  function privacyCustomer(customer: { id?: bigint; email?: string; phone?: string }): RestPayload {
    return { id: customer.id ?? null, email: customer.email ?? null, phone: customer.phone ?? null };
  }

  return {
    build,
    ordersCreate: (order, delivery) => build('orders/create', orderPayload(order), delivery),
    ordersUpdated: (order, delivery) => build('orders/updated', orderPayload(order), delivery),
    ordersCancelled: (order, delivery) => build('orders/cancelled', orderPayload(order), delivery),
    ordersFulfilled: (order, delivery) => build('orders/fulfilled', orderPayload(order), delivery),
    ordersPartiallyFulfilled: (order, delivery) => build('orders/partially_fulfilled', orderPayload(order), delivery),
    fulfillmentsCreate: (fulfillment, order, delivery) => build('fulfillments/create', restFulfillmentPayload(fulfillment, order), delivery),
    fulfillmentsUpdate: (fulfillment, order, delivery) => build('fulfillments/update', restFulfillmentPayload(fulfillment, order), delivery),
    refundsCreate: (refund, delivery) => build('refunds/create', restRefundPayload(refund), delivery),
    customersCreate: (customer, delivery) => build('customers/create', restCustomerPayload(customer), delivery),
    customersUpdate: (customer, delivery) => build('customers/update', restCustomerPayload(customer), delivery),
    customersDataRequest: (request, delivery) => {
      const shop = delivery?.shop ?? defaultShop;
      return build(
        'customers/data_request',
        {
          shop_id: 954889,
          shop_domain: shop,
          orders_requested: request.ordersRequested ?? [],
          customer: privacyCustomer(request.customer),
          data_request: { id: request.dataRequestId ?? 9999n },
        },
        delivery,
      );
    },
    customersRedact: (request, delivery) =>
      build(
        'customers/redact',
        {
          shop_id: 954889,
          shop_domain: delivery?.shop ?? defaultShop,
          customer: privacyCustomer(request.customer),
          orders_to_redact: request.ordersToRedact ?? [],
        },
        delivery,
      ),
    shopRedact: (delivery) => build('shop/redact', { shop_id: 954889, shop_domain: delivery?.shop ?? defaultShop }, delivery),
  };
}

import { deriveEventId, type IncomingEvent, type PrivacyRequest, type WebhookDelivery, type WebhookParseResult } from '@throughline/core/adapter';
import { parseJsonLossless, sha256Hex } from '@throughline/core/adapter-utils';
import type { z } from 'zod';
import { type ShopifyMappingContext, fulfillmentEvent, orderPayloadEvents, refundEvent } from '../map/map-order-events';
import { customerIdentitiesRecord } from '../map/identities-from-customer';
import { toVersion } from '../map/instants';
import { stampState } from '../map/state-stamp';
import { customerDataRequest, customerRedactRequest, shopRedactRequest } from '../map/map-privacy-request';
import { customerFromRest, fulfillmentFromRest, orderFromRest, refundFromRest } from '../map/rest-snapshots';
import {
  customerDataRequestSchema,
  customerRedactSchema,
  restCustomerSchema,
  restFulfillmentSchema,
  restOrderSchema,
  restRefundSchema,
  shopRedactSchema,
} from '../shopify-api-types';
import type { ShopifyCustomerIdentities } from '../shopify-settings';
import { readShopifyHeaders, type ShopifyWebhookHeaders } from './shopify-webhook-headers';

/** Topics the adapter maps, and what each becomes. */
export const shopifyWebhookTopics = {
  /** A new order. */
  'orders/create': 'order.placed',
  /** Any change to an order. */
  'orders/updated': 'order.updated',
  /** An order was cancelled. */
  'orders/cancelled': 'order.cancelled',
  /** Every item of an order shipped. */
  'orders/fulfilled': 'order.updated + fulfillment.updated',
  /** Some items of an order shipped. */
  'orders/partially_fulfilled': 'order.updated + fulfillment.updated',
  /** A fulfilment (shipment) was created. */
  'fulfillments/create': 'fulfillment.updated',
  /** A fulfilment's tracking or shipment status changed. */
  'fulfillments/update': 'fulfillment.updated',
  /** A refund was issued. */
  'refunds/create': 'order.refunded',
  /** A customer record was created. */
  'customers/create': 'identities (onCustomerIdentities)',
  /** A customer record changed. */
  'customers/update': 'identities (onCustomerIdentities)',
  /** A customer asked the merchant for their data (privacy, mandatory for apps). */
  'customers/data_request': 'privacy: customer_data_request',
  /** A customer's data must be erased (privacy, mandatory for apps). */
  'customers/redact': 'privacy: customer_redact',
  /** The shop uninstalled the app 48 hours ago: erase its data (privacy, mandatory for apps). */
  'shop/redact': 'privacy: tenant_redact',
} as const;

/** A topic the adapter maps. */
export type ShopifyWebhookTopic = keyof typeof shopifyWebhookTopics;

/** What parsing needs beyond the delivery. */
export interface ParseShopifyWebhookOptions {
  /** Receives the identities a `customers/*` delivery proves. */
  onCustomerIdentities?: ((record: ShopifyCustomerIdentities) => void | Promise<void>) | undefined;
}

type Failure = Extract<WebhookParseResult, { ok: false }>;

function isTopic(topic: string): topic is ShopifyWebhookTopic {
  return Object.hasOwn(shopifyWebhookTopics, topic);
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function read<S extends z.ZodType>(schema: S, body: unknown, topic: string): { ok: true; value: z.output<S> } | Failure {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.map(String).join('.') || '(root)';
  const missing = result.error.issues.every((candidate) => valueAt(body, candidate.path) === undefined);
  return {
    ok: false,
    reason: missing ? 'missing_fields' : 'malformed_body',
    message: `${topic} payload: ${where}: ${missing ? 'required field is missing' : issue.message}`,
  };
}

/**
 * Turns a verified Shopify delivery into timeline events, a privacy request, or an acknowledgement;
 * never throws for bad input.
 *
 * @param delivery - the verified delivery
 * @param tenantId - the tenant verification named
 * @param options - hooks
 * @returns the parse result
 */
export async function parseShopifyWebhook(
  delivery: WebhookDelivery,
  tenantId: string,
  options: ParseShopifyWebhookOptions = {},
): Promise<WebhookParseResult> {
  const headers = readShopifyHeaders(delivery.request.headers);
  if (headers.topic === null) return { ok: false, reason: 'missing_fields', message: 'X-Shopify-Topic is missing' };
  const topic = headers.topic.toLowerCase();
  if (!isTopic(topic)) return { ok: true, kind: 'ignored', reason: `Shopify topic ${topic} is not mapped` };
  const contentType = delivery.request.headers.get('content-type');
  if (contentType !== null && !/json/i.test(contentType)) {
    return { ok: false, reason: 'unsupported_media_type', message: `Expected a JSON body, got ${contentType}` };
  }
  let body: unknown;
  try {
    // Shopify's resource ids are 64-bit: nearly every payload holds one.
    body = parseJsonLossless(delivery.bodyText, { expectUnsafeIntegers: true });
  } catch {
    return { ok: false, reason: 'malformed_body', message: `${topic} body is not JSON` };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, reason: 'malformed_body', message: `${topic} body is not a JSON object` };
  }
  const context: ShopifyMappingContext = { tenantId, shop: headers.shop ?? '', triggeredAt: headers.triggeredAt };
  return mapTopic(topic, body, context, headers, delivery, options);
}

async function mapTopic(
  topic: ShopifyWebhookTopic,
  body: unknown,
  context: ShopifyMappingContext,
  headers: ShopifyWebhookHeaders,
  delivery: WebhookDelivery,
  options: ParseShopifyWebhookOptions,
): Promise<WebhookParseResult> {
  switch (topic) {
    case 'orders/create':
    case 'orders/updated':
    case 'orders/cancelled':
    case 'orders/fulfilled':
    case 'orders/partially_fulfilled': {
      const order = read(restOrderSchema, body, topic);
      if (!order.ok) return order;
      const change = topic === 'orders/create' ? 'placed' : topic === 'orders/cancelled' ? 'cancelled' : 'updated';
      return events(orderPayloadEvents(orderFromRest(order.value), change, context));
    }
    case 'fulfillments/create':
    case 'fulfillments/update': {
      const fulfillment = read(restFulfillmentSchema, body, topic);
      if (!fulfillment.ok) return fulfillment;
      const snapshot = fulfillmentFromRest(fulfillment.value);
      if (snapshot === null) return { ok: false, reason: 'missing_fields', message: `${topic} payload: order_id is missing` };
      const email = fulfillment.value.email?.trim();
      return events([fulfillmentEvent(snapshot, { identities: email ? [{ kind: 'email', value: email }] : [] }, context)]);
    }
    case 'refunds/create': {
      const refund = read(restRefundSchema, body, topic);
      if (!refund.ok) return refund;
      return events([refundEvent(refundFromRest(refund.value), { identities: [] }, context)]);
    }
    case 'customers/create':
    case 'customers/update': {
      const customer = read(restCustomerSchema, body, topic);
      if (!customer.ok) return customer;
      const record = customerIdentitiesRecord(customerFromRest(customer.value), context.tenantId);
      await options.onCustomerIdentities?.(record);
      return events([customerUpdatedEvent(record, topic === 'customers/create' ? 'created' : 'updated', context)]);
    }
    case 'customers/data_request':
    case 'customers/redact':
    case 'shop/redact':
      return privacy(topic, body, context, headers, delivery);
  }
}

/**
 * A `customer.updated` event: the customer record's identities and profile, so identity
 * resolution learns them before the customer's first order or message. Keyed by `updated_at` and a
 * fingerprint of the identities and profile (two states of one second are two events).
 */
function customerUpdatedEvent(
  record: ShopifyCustomerIdentities,
  change: 'created' | 'updated',
  context: { tenantId: string; triggeredAt?: string | null },
): IncomingEvent {
  const timestamp = toVersion(record.updatedAt) ?? toVersion(context.triggeredAt) ?? 0;
  const { fingerprint, version } = stampState(timestamp, { identities: record.identities, profile: record.profile }, toVersion(context.triggeredAt));
  return {
    type: 'customer.updated',
    id: deriveEventId('shopify', 'customer', record.customerId, timestamp, fingerprint),
    tenantId: context.tenantId,
    occurredAt: new Date(timestamp).toISOString(),
    source: { system: 'shopify', externalId: record.customerId },
    channel: null,
    actor: { kind: 'system' },
    identities: record.identities,
    ...(Object.keys(record.profile).length > 0 ? { profile: record.profile } : {}),
    entity: { key: `shopify:customer:${record.customerId}`, version },
    data: { externalId: record.customerId, change, tags: [] },
  };
}

function events(list: IncomingEvent[]): WebhookParseResult {
  return { ok: true, kind: 'events', events: list };
}

async function privacy(
  topic: 'customers/data_request' | 'customers/redact' | 'shop/redact',
  body: unknown,
  context: ShopifyMappingContext,
  headers: ShopifyWebhookHeaders,
  delivery: WebhookDelivery,
): Promise<WebhookParseResult> {
  const shop = read(shopRedactSchema, body, topic);
  if (!shop.ok) return shop;
  // The body is signed, the shop header is not: a privacy request must name the shop it was delivered for.
  if (shop.value.shop_domain.trim().toLowerCase() !== context.shop) {
    return { ok: false, reason: 'malformed_body', message: `${topic} payload names another shop than its delivery` };
  }
  const deliveryId = headers.eventId ?? headers.webhookId ?? (await sha256Hex(delivery.rawBody));
  let request: PrivacyRequest | null;
  if (topic === 'customers/data_request') {
    const payload = read(customerDataRequestSchema, body, topic);
    if (!payload.ok) return payload;
    request = customerDataRequest(payload.value, context.tenantId, deliveryId);
  } else if (topic === 'customers/redact') {
    const payload = read(customerRedactSchema, body, topic);
    if (!payload.ok) return payload;
    request = customerRedactRequest(payload.value, context.tenantId, deliveryId);
  } else {
    request = shopRedactRequest(context.tenantId, deliveryId);
  }
  // A signed request with nothing to act on is acknowledged: an error answer makes Shopify retry it for hours.
  if (request === null) return { ok: true, kind: 'ignored', reason: `${topic} names no customer id, email, phone or order` };
  return { ok: true, kind: 'privacy', request };
}

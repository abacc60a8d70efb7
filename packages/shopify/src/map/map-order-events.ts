import { deriveEventId, type IdentityClaim, type IncomingEvent, type OrderEventData } from '@throughline/core/adapter';
import { toInstant, toVersion } from './instants';
import { stampState } from './state-stamp';
import {
  customerProfile,
  type FulfillmentSnapshot,
  orderIdentities,
  orderNumberReference,
  orderReference,
  type OrderSnapshot,
  type RefundSnapshot,
} from './order-snapshot';

/** Where mapped events belong and what the delivery's headers add. */
export interface ShopifyMappingContext {
  tenantId: string;
  /** The shop's myshopify.com domain, for links to the Shopify admin. */
  shop: string;
  /** `X-Shopify-Triggered-At`: the version when a payload has no `updated_at`. */
  triggeredAt?: string | null;
}

/** Which order event an order payload stands for. */
export type OrderChange = 'placed' | 'updated' | 'cancelled';

type EnvelopeExtras = Pick<IncomingEvent, 'identities' | 'profile'>;

function adminUrl(shop: string, orderId: string): string {
  return `https://admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, '')}/orders/${orderId}`;
}

function orderClaims(order: OrderSnapshot): IdentityClaim[] {
  const claims = [...orderIdentities(order), orderReference(order.orderId)];
  if (order.orderNumber) claims.push(orderNumberReference(order.orderNumber));
  return claims;
}

function withReference(identities: IdentityClaim[], orderId: string): IdentityClaim[] {
  const present = identities.some((claim) => claim.kind === 'reference' && claim.namespace === 'shopify:order' && claim.value === orderId);
  return present ? identities : [...identities, orderReference(orderId)];
}

function who(identities: IdentityClaim[], profile: ReturnType<typeof customerProfile>): EnvelopeExtras {
  return Object.keys(profile).length > 0 ? { identities, profile } : { identities };
}

function orderData(order: OrderSnapshot): OrderEventData {
  return {
    orderId: order.orderId,
    orderName: order.orderName,
    orderNumber: order.orderNumber,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    total: order.total,
    itemCount: order.itemCount,
    statusUrl: order.statusUrl,
    cancelledAt: toInstant(order.cancelledAt),
    cancelReason: order.cancelReason,
  };
}

/** The order's state that an `order.*` event carries and that changes (its data without the order's fixed names): what tells two states of one second apart. */
function orderState({ orderId: _orderId, orderName: _orderName, orderNumber: _orderNumber, statusUrl: _statusUrl, ...state }: OrderEventData) {
  return state;
}

/** The shipment's state a `fulfillment.updated` event carries, in the fields a webhook and the Admin API both give. */
function fulfillmentState(fulfillment: FulfillmentSnapshot) {
  return {
    status: fulfillment.status,
    // A cancelled shipment keeps its last carrier status in a webhook but has none from the Admin API.
    shipmentStatus: fulfillment.status === 'cancelled' ? null : fulfillment.shipmentStatus,
    carrier: fulfillment.carrier,
    trackingNumbers: fulfillment.trackingNumbers,
    trackingUrls: fulfillment.trackingUrls,
  };
}

/**
 * One order event (`order.placed`, `order.updated` or `order.cancelled`) for an order snapshot.
 * Ids come from the order's own facts, so a webhook and a backfill of the same state produce the same id:
 * `placed` and `cancelled` happen once per order; `updated` is keyed by `updated_at` and a fingerprint of
 * the state (Shopify's timestamps have one-second precision, so two states can share `updated_at`).
 * The entity version is `updated_at` in ms with a tiebreak inside that second (when Shopify sent the
 * state, then the fingerprint), so an older snapshot never overwrites a newer one and of two states of
 * one second the one sent last wins, in any arrival order.
 *
 * @param order - the order as it stood
 * @param change - which event the snapshot stands for
 * @param context - tenant, shop and delivery headers
 * @param extras - the customer's identities and profile (computed once per order by callers that emit several events)
 * @returns the event
 */
export function orderEvent(
  order: OrderSnapshot,
  change: OrderChange,
  context: ShopifyMappingContext,
  extras: EnvelopeExtras = who(orderClaims(order), customerProfile(order.customer)),
): IncomingEvent {
  const timestamp = toVersion(order.updatedAt) ?? toVersion(context.triggeredAt) ?? toVersion(order.createdAt) ?? 0;
  const data = orderData(order);
  const { fingerprint, version } = stampState(timestamp, orderState(data), toVersion(context.triggeredAt));
  let id: string;
  let occurredAt: string;
  if (change === 'placed') {
    id = deriveEventId('shopify', 'order', order.orderId, 'placed');
    occurredAt = toInstant(order.createdAt) ?? new Date(timestamp).toISOString();
  } else if (change === 'cancelled') {
    id = deriveEventId('shopify', 'order', order.orderId, 'cancelled');
    occurredAt = toInstant(order.cancelledAt) ?? new Date(timestamp).toISOString();
  } else {
    id = deriveEventId('shopify', 'order', order.orderId, 'updated', timestamp, fingerprint);
    occurredAt = new Date(timestamp).toISOString();
  }
  const event: IncomingEvent = {
    type: change === 'placed' ? 'order.placed' : change === 'cancelled' ? 'order.cancelled' : 'order.updated',
    id,
    tenantId: context.tenantId,
    occurredAt,
    source: { system: 'shopify', externalId: order.orderId, url: adminUrl(context.shop, order.orderId) },
    channel: null,
    actor: { kind: change === 'placed' ? 'customer' : 'system' },
    identities: extras.identities,
    entity: { key: `shopify:order:${order.orderId}`, version },
    data,
  };
  if (extras.profile) event.profile = extras.profile;
  return event;
}

/**
 * A `fulfillment.updated` event, keyed by fulfilment id, `updated_at` and a fingerprint of the shipment's
 * state; the entity version is `updated_at` with the same tiebreak as order events.
 * @param fulfillment - the shipment
 * @param extras - identities and profile of the order's customer, when known
 * @param context - tenant, shop and delivery headers
 * @returns the event
 */
export function fulfillmentEvent(
  fulfillment: FulfillmentSnapshot,
  extras: EnvelopeExtras,
  context: ShopifyMappingContext,
): IncomingEvent {
  const timestamp =
    toVersion(fulfillment.updatedAt) ?? toVersion(context.triggeredAt) ?? toVersion(fulfillment.createdAt) ?? 0;
  const { fingerprint, version } = stampState(timestamp, fulfillmentState(fulfillment), toVersion(context.triggeredAt));
  return {
    type: 'fulfillment.updated',
    id: deriveEventId('shopify', 'fulfillment', fulfillment.fulfillmentId, timestamp, fingerprint),
    tenantId: context.tenantId,
    occurredAt: new Date(timestamp).toISOString(),
    source: { system: 'shopify', externalId: fulfillment.fulfillmentId, url: adminUrl(context.shop, fulfillment.orderId) },
    channel: null,
    actor: { kind: 'system' },
    identities: withReference(extras.identities, fulfillment.orderId),
    ...(extras.profile ? { profile: extras.profile } : {}),
    entity: { key: `shopify:fulfillment:${fulfillment.fulfillmentId}`, version },
    data: {
      orderId: fulfillment.orderId,
      orderName: fulfillment.orderName,
      fulfillmentId: fulfillment.fulfillmentId,
      status: fulfillment.status,
      shipmentStatus: fulfillment.shipmentStatus,
      carrier: fulfillment.carrier,
      trackingNumbers: fulfillment.trackingNumbers,
      trackingUrls: fulfillment.trackingUrls,
      estimatedDeliveryAt: toInstant(fulfillment.estimatedDeliveryAt),
    },
  };
}

/**
 * An `order.refunded` event, keyed by the refund id (a refund never changes).
 * @param refund - the refund
 * @param extras - identities and profile of the order's customer, when known
 * @param context - tenant and shop
 * @returns the event
 */
export function refundEvent(refund: RefundSnapshot, extras: EnvelopeExtras, context: ShopifyMappingContext): IncomingEvent {
  const createdAt = toInstant(refund.createdAt) ?? new Date(0).toISOString();
  return {
    type: 'order.refunded',
    id: deriveEventId('shopify', 'refund', refund.refundId),
    tenantId: context.tenantId,
    occurredAt: createdAt,
    source: { system: 'shopify', externalId: refund.refundId, url: adminUrl(context.shop, refund.orderId) },
    channel: null,
    actor: { kind: 'system' },
    identities: withReference(extras.identities, refund.orderId),
    ...(extras.profile ? { profile: extras.profile } : {}),
    data: {
      orderId: refund.orderId,
      orderName: refund.orderName,
      refundId: refund.refundId,
      amount: refund.amount,
      note: refund.note,
    },
  };
}

/**
 * Every event an order payload stands for: the order event itself, then one event per fulfilment and
 * refund it carries (their ids match the `fulfillments/*` and `refunds/create` deliveries, so the core drops repeats).
 *
 * @param order - the order snapshot
 * @param change - which order event the payload stands for
 * @param context - tenant, shop and delivery headers
 * @returns the events, order event first
 */
export function orderPayloadEvents(order: OrderSnapshot, change: OrderChange, context: ShopifyMappingContext): IncomingEvent[] {
  const extras = who(orderClaims(order), customerProfile(order.customer));
  return [
    orderEvent(order, change, context, extras),
    ...order.fulfillments.map((fulfillment) => fulfillmentEvent(fulfillment, extras, context)),
    ...order.refunds.map((refund) => refundEvent(refund, extras, context)),
  ];
}

/**
 * The events a backfilled order stands for: `order.placed`, `order.cancelled` when it was cancelled,
 * `order.updated` when it changed after creation, and its fulfilments and refunds.
 *
 * @param order - the order as the Admin API returns it now
 * @param context - tenant and shop
 * @returns the events
 */
export function backfilledOrderEvents(order: OrderSnapshot, context: ShopifyMappingContext): IncomingEvent[] {
  const extras = who(orderClaims(order), customerProfile(order.customer));
  const events = orderPayloadEvents(order, 'placed', context);
  const extra: IncomingEvent[] = [];
  if (order.cancelledAt) extra.push(orderEvent(order, 'cancelled', context, extras));
  if (order.updatedAt && toVersion(order.updatedAt) !== toVersion(order.createdAt)) {
    extra.push(orderEvent(order, 'updated', context, extras));
  }
  return [events[0]!, ...extra, ...events.slice(1)];
}

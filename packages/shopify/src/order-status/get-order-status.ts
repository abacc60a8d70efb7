import type { IdentityClaim } from '@throughline/core/adapter';
import type { AdminGraphqlClient } from '../graphql/admin-graphql-client';
import { type GraphqlOrder, orderByIdSchema, ordersPageSchema } from '../graphql/admin-graphql-types';
import { orderByIdQuery, ordersSearchQuery } from '../graphql/admin-queries';
import { readFullOrder } from '../graphql/read-full-order';
import { orderFromGraphql } from '../map/graphql-snapshots';
import { toInstant } from '../map/instants';
import { type OrderSnapshot, orderIdentities } from '../map/order-snapshot';
import type { OrderProgress, OrderStatus, ShipmentStatus } from './order-status';

/**
 * Turns an order snapshot into the status the automation layer answers from.
 * @param order - the order, as the adapter maps a webhook payload or a GraphQL node, or an `OrderSnapshot` built by the caller
 * @returns the status
 * @example
 * ```ts
 * const status = orderStatusFrom(order);
 * if (status.progress === 'shipped') console.log(status.shipments[0]?.trackingUrls[0]);
 * ```
 */
export function orderStatusFrom(order: OrderSnapshot): OrderStatus {
  const shipments: ShipmentStatus[] = order.fulfillments.map((fulfillment) => ({
    fulfillmentId: fulfillment.fulfillmentId,
    status: fulfillment.status,
    shipmentStatus: fulfillment.shipmentStatus,
    carrier: fulfillment.carrier,
    trackingNumbers: fulfillment.trackingNumbers,
    trackingUrls: fulfillment.trackingUrls,
    estimatedDeliveryAt: toInstant(fulfillment.estimatedDeliveryAt),
    deliveredAt: toInstant(fulfillment.deliveredAt),
    updatedAt: toInstant(fulfillment.updatedAt),
  }));
  const live = shipments.filter((shipment) => shipment.status !== 'cancelled' && shipment.status !== 'error' && shipment.status !== 'failure');
  const delivered = (shipment: ShipmentStatus) => shipment.deliveredAt !== null || shipment.shipmentStatus === 'delivered';
  let progress: OrderProgress;
  if (order.cancelledAt) progress = 'cancelled';
  else if (order.fulfillmentStatus === 'fulfilled') progress = live.length > 0 && live.every(delivered) ? 'delivered' : 'shipped';
  else if (order.fulfillmentStatus === 'partial' || live.length > 0) progress = 'partially_shipped';
  else progress = 'not_shipped';
  const estimates = live
    .filter((shipment) => !delivered(shipment) && shipment.estimatedDeliveryAt)
    .map((shipment) => shipment.estimatedDeliveryAt!)
    .sort();
  return {
    orderId: order.orderId,
    orderName: order.orderName,
    orderNumber: order.orderNumber,
    placedAt: toInstant(order.createdAt) ?? order.createdAt,
    updatedAt: toInstant(order.updatedAt),
    progress,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelledAt: toInstant(order.cancelledAt),
    cancelReason: order.cancelReason,
    total: order.total,
    itemCount: order.itemCount,
    statusUrl: order.statusUrl,
    shipments,
    expectedDeliveryAt: estimates.at(-1) ?? null,
    identities: orderIdentities(order),
  };
}

/** How an order reference reads: a global id, a numeric id, or an order name/number. */
export type OrderReference =
  | {
      /** Shopify's order id. */
      kind: 'id';
      /** The id as a decimal string. */
      id: string;
    }
  | {
      /** An order name or number. */
      kind: 'name';
      /** The name, `#` included for numbers: `#1001`. */
      name: string;
    };

/**
 * Reads what a customer or agent typed as an order reference. Order ids are long (10+ digits);
 * shorter numbers are order numbers (`1001` → `#1001`), which a lookup also matches against `Order.number`.
 * @param value - `gid://shopify/Order/…`, `820982911946154508`, `#1001`, `1001` or a custom name
 * @returns the reference
 * @example
 * ```ts
 * readOrderReference('1001'); // { kind: 'name', name: '#1001' }
 * readOrderReference('gid://shopify/Order/820982911946154508'); // { kind: 'id', id: '820982911946154508' }
 * ```
 */
export function readOrderReference(value: string): OrderReference {
  const text = value.trim();
  const gid = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(text);
  if (gid) return { kind: 'id', id: gid[1]! };
  if (/^\d{10,}$/.test(text)) return { kind: 'id', id: text };
  if (/^\d+$/.test(text)) return { kind: 'name', name: `#${text}` };
  return { kind: 'name', name: text };
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A search term for an order reference: the exact name, and for an order number its usual spellings too. */
function searchFor(name: string): { query: string; number: number | null } {
  const digits = /^#?(\d{1,9})$/.exec(name)?.[1];
  if (digits === undefined) return { query: `name:${quote(name)}`, number: null };
  // `name:` is the only documented name filter (https://shopify.dev/docs/api/admin-graphql/latest/queries/orders);
  // the bare number also searches the default fields, so a custom name (`ACME-1001-EU`) is found by its number.
  return { query: `name:${quote(`#${digits}`)} OR name:${quote(digits)} OR ${quote(digits)}`, number: Number(digits) };
}

/**
 * Looks an order up by id, number or name. A number (`1001`, `#1001`) matches the order named so or
 * numbered so (`Order.number`), whatever format the shop gives names; other names must match exactly.
 * An order whose shipments or refunds fill the search's lists is read again alone, so none is left out.
 * @param client - the shop's GraphQL client
 * @param orderNumberOrId - what the customer or agent gave
 * @param signal - aborts the lookup
 * @returns the order's status, or null when the shop has no such order
 * @throws {ApiCallError} when Shopify refuses the query
 */
export async function getOrderStatus(client: AdminGraphqlClient, orderNumberOrId: string, signal?: AbortSignal): Promise<OrderStatus | null> {
  const reference = readOrderReference(orderNumberOrId);
  if (reference.kind === 'id') {
    const answer = await client.query<unknown>({ query: orderByIdQuery, variables: { id: `gid://shopify/Order/${reference.id}` }, signal });
    const { order } = orderByIdSchema.parse(answer.data);
    return order ? statusOf(client, order, signal) : null;
  }
  const search = searchFor(reference.name);
  const answer = await client.query<unknown>({ query: ordersSearchQuery, variables: { first: 10, query: search.query }, signal });
  const nodes = ordersPageSchema.parse(answer.data).orders.nodes;
  // Search is fuzzy: keep only an exact name, then an exact number.
  const name = reference.name.toLowerCase();
  const match =
    nodes.find((node) => node.name.toLowerCase() === name || (search.number !== null && node.name === String(search.number))) ??
    nodes.find((node) => search.number !== null && node.number === search.number);
  return match ? statusOf(client, match, signal) : null;
}

async function statusOf(client: AdminGraphqlClient, node: GraphqlOrder, signal?: AbortSignal): Promise<OrderStatus> {
  return orderStatusFrom(orderFromGraphql((await readFullOrder(client, node, signal)).order));
}

/**
 * The customer's most recent orders, found by Shopify customer id or email.
 * @param client - the shop's GraphQL client
 * @param identities - the customer's identities (platform `shopify:customer` ids and emails are used)
 * @param limit - how many orders, newest first
 * @returns the orders' statuses; empty when no usable identity is given
 */
export async function recentOrders(client: AdminGraphqlClient, identities: ReadonlyArray<IdentityClaim>, limit = 5): Promise<OrderStatus[]> {
  const terms: string[] = [];
  for (const identity of identities) {
    if (identity.kind === 'platform' && identity.namespace === 'shopify:customer' && /^\d+$/.test(identity.value)) {
      terms.push(`customer_id:${identity.value}`);
    } else if (identity.kind === 'email') {
      terms.push(`email:${quote(identity.value.trim().toLowerCase())}`);
    }
  }
  if (terms.length === 0) return [];
  const first = Math.min(Math.max(1, limit), 50);
  const answer = await client.query<unknown>({ query: ordersSearchQuery, variables: { first, query: [...new Set(terms)].join(' OR ') } });
  const statuses: OrderStatus[] = [];
  for (const node of ordersPageSchema.parse(answer.data).orders.nodes) statuses.push(await statusOf(client, node));
  return statuses;
}

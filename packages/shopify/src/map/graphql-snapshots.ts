import type { GraphqlCustomer, GraphqlOrder } from '../graphql/admin-graphql-types';
import { toMoney } from './money';
import type { CustomerSnapshot, FulfillmentSnapshot, OrderSnapshot, RefundSnapshot } from './order-snapshot';
import { cleanDistinct, sanitiseText, sanitiseTrackingUrl } from './sanitise-tracking';
import { shipmentStatusFromDisplay } from './shipment-status';

// GraphQL writes enums in upper case (PARTIALLY_FULFILLED); webhooks (REST) in lower case (partial).
// Both are read into REST's vocabulary so a backfill and a webhook describe the same state alike.
// Statuses REST has no word for (work under way, nothing fulfilled yet) are its null.
const fulfillmentStatusFromDisplay: Record<string, string | null> = {
  FULFILLED: 'fulfilled',
  PARTIALLY_FULFILLED: 'partial',
  UNFULFILLED: null,
  RESTOCKED: 'restocked',
  IN_PROGRESS: null,
  ON_HOLD: null,
  OPEN: null,
  PENDING_FULFILLMENT: null,
  REQUEST_DECLINED: null,
  SCHEDULED: null,
};

function lower(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/**
 * Reads a GraphQL customer into the common snapshot.
 * @param customer - the customer node
 * @returns the snapshot
 */
export function customerFromGraphql(customer: GraphqlCustomer): CustomerSnapshot {
  return {
    customerId: customer.legacyResourceId,
    email: customer.defaultEmailAddress?.emailAddress ?? null,
    phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
    firstName: customer.firstName ?? null,
    lastName: customer.lastName ?? null,
    updatedAt: customer.updatedAt ?? null,
  };
}

/**
 * Reads a GraphQL order into the common snapshot, with its fulfilments and refunds.
 * @param order - the order node
 * @returns the snapshot
 */
export function orderFromGraphql(order: GraphqlOrder): OrderSnapshot {
  const orderId = order.legacyResourceId;
  const orderName = order.name;
  const display = order.displayFulfillmentStatus ?? null;
  const fulfillments: FulfillmentSnapshot[] = (order.fulfillments ?? []).map((fulfillment) => ({
    fulfillmentId: fulfillment.legacyResourceId,
    orderId,
    orderName,
    status: lower(fulfillment.status) ?? 'unknown',
    shipmentStatus: shipmentStatusFromDisplay(fulfillment.displayStatus),
    carrier: sanitiseText(fulfillment.trackingInfo?.find((info) => info.company)?.company),
    trackingNumbers: cleanDistinct((fulfillment.trackingInfo ?? []).map((info) => info.number), (value) => sanitiseText(value, 64)),
    trackingUrls: cleanDistinct((fulfillment.trackingInfo ?? []).map((info) => info.url), sanitiseTrackingUrl),
    estimatedDeliveryAt: fulfillment.estimatedDeliveryAt ?? null,
    deliveredAt: fulfillment.deliveredAt ?? null,
    createdAt: fulfillment.createdAt ?? null,
    updatedAt: fulfillment.updatedAt ?? null,
  }));
  const refunds: RefundSnapshot[] = (order.refunds ?? []).map((refund) => ({
    refundId: refund.legacyResourceId,
    orderId,
    orderName,
    createdAt: refund.createdAt ?? order.updatedAt ?? order.createdAt,
    note: sanitiseText(refund.note, 2000),
    amount: refund.totalRefundedSet
      ? toMoney(refund.totalRefundedSet.shopMoney.amount, refund.totalRefundedSet.shopMoney.currencyCode)
      : null,
  }));
  return {
    orderId,
    orderName,
    // `number` is the order number whatever prefix or suffix the shop gives names (`ACME-1001-EU`).
    orderNumber: order.number === null || order.number === undefined ? null : String(order.number),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt ?? null,
    cancelledAt: order.cancelledAt ?? null,
    cancelReason: lower(order.cancelReason),
    financialStatus: lower(order.displayFinancialStatus),
    fulfillmentStatus:
      display === null ? null : display in fulfillmentStatusFromDisplay ? (fulfillmentStatusFromDisplay[display] ?? null) : display.toLowerCase(),
    total: order.totalPriceSet ? toMoney(order.totalPriceSet.shopMoney.amount, order.totalPriceSet.shopMoney.currencyCode) : null,
    itemCount: Math.max(0, order.subtotalLineItemsQuantity ?? 0),
    statusUrl: sanitiseTrackingUrl(order.statusPageUrl),
    email: order.email ?? null,
    phone: order.phone ?? null,
    customer: order.customer ? customerFromGraphql(order.customer) : null,
    fulfillments,
    refunds,
  };
}

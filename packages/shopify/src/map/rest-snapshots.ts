import type { RestCustomer, RestFulfillment, RestOrder, RestRefund } from '../shopify-api-types';
import { toMoney, sumDecimals } from './money';
import type { CustomerSnapshot, FulfillmentSnapshot, OrderSnapshot, RefundSnapshot } from './order-snapshot';
import { cleanDistinct, sanitiseText, sanitiseTrackingUrl } from './sanitise-tracking';

function lower(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/**
 * Reads a REST customer into the common snapshot (the phone is `customer.phone`, never an address's).
 * @param customer - the payload's customer
 * @returns the snapshot
 */
export function customerFromRest(customer: RestCustomer): CustomerSnapshot {
  return {
    customerId: customer.id,
    email: customer.email ?? null,
    // Only the customer's own phone, which Shopify keeps unique per shop: an address phone may be a gift
    // recipient's, a reception desk's or a parcel locker's, and would tie strangers to this customer.
    phone: customer.phone ?? null,
    firstName: customer.first_name ?? null,
    lastName: customer.last_name ?? null,
    updatedAt: customer.updated_at ?? null,
  };
}

/**
 * Reads a REST fulfilment into the common snapshot, sanitising carrier and tracking fields.
 * @param fulfillment - the payload's fulfilment
 * @param order - the order it belongs to, when the payload is an order
 * @returns the snapshot, or null when it names no order
 */
export function fulfillmentFromRest(
  fulfillment: RestFulfillment,
  order?: { orderId: string; orderName: string | null },
): FulfillmentSnapshot | null {
  const orderId = order?.orderId ?? fulfillment.order_id ?? null;
  if (orderId === null) return null;
  // A fulfilment's name is the order name with a sequence suffix: `#1001.1`.
  const orderName = order?.orderName ?? (fulfillment.name ? fulfillment.name.replace(/\.\d+$/, '') : null);
  return {
    fulfillmentId: fulfillment.id,
    orderId,
    orderName,
    status: lower(fulfillment.status) ?? 'unknown',
    shipmentStatus: lower(fulfillment.shipment_status),
    carrier: sanitiseText(fulfillment.tracking_company),
    trackingNumbers: cleanDistinct([fulfillment.tracking_number, ...(fulfillment.tracking_numbers ?? [])], (value) =>
      sanitiseText(value, 64),
    ),
    trackingUrls: cleanDistinct([fulfillment.tracking_url, ...(fulfillment.tracking_urls ?? [])], sanitiseTrackingUrl),
    estimatedDeliveryAt: fulfillment.estimated_delivery_at ?? null,
    deliveredAt: null,
    createdAt: fulfillment.created_at ?? null,
    updatedAt: fulfillment.updated_at ?? null,
  };
}

/**
 * Reads a REST refund into the common snapshot; the amount is the exact sum of its successful refund transactions.
 * @param refund - the payload's refund
 * @param orderName - the order's name, when known
 * @returns the snapshot
 */
export function refundFromRest(refund: RestRefund, orderName: string | null = null): RefundSnapshot {
  const transactions = (refund.transactions ?? []).filter(
    (transaction) =>
      (transaction.kind ?? 'refund') === 'refund' &&
      (transaction.status ?? 'success') === 'success' &&
      typeof transaction.amount === 'string' &&
      /^-?\d+(\.\d+)?$/.test(transaction.amount),
  );
  const currency = transactions.find((transaction) => transaction.currency)?.currency ?? null;
  const sameCurrency = transactions.every((transaction) => !transaction.currency || transaction.currency === currency);
  const amount =
    transactions.length > 0 && sameCurrency
      ? toMoney(sumDecimals(transactions.map((transaction) => transaction.amount as string)), currency)
      : null;
  return {
    refundId: refund.id,
    orderId: refund.order_id,
    orderName,
    createdAt: refund.created_at,
    note: sanitiseText(refund.note, 2000),
    amount,
  };
}

/**
 * Reads a REST order (an `orders/*` payload) into the common snapshot, with its fulfilments and refunds.
 * @param order - the payload
 * @returns the snapshot
 */
export function orderFromRest(order: RestOrder): OrderSnapshot {
  const orderName = order.name?.trim() || (order.order_number ? `#${order.order_number}` : `#${order.id}`);
  const context = { orderId: order.id, orderName };
  return {
    orderId: order.id,
    orderName,
    orderNumber: order.order_number ?? null,
    createdAt: order.created_at,
    updatedAt: order.updated_at ?? null,
    cancelledAt: order.cancelled_at ?? null,
    cancelReason: lower(order.cancel_reason),
    financialStatus: lower(order.financial_status),
    fulfillmentStatus: lower(order.fulfillment_status),
    total: toMoney(order.total_price, order.currency),
    itemCount: (order.line_items ?? []).reduce((sum, item) => sum + Math.max(0, item.quantity ?? 0), 0),
    statusUrl: sanitiseTrackingUrl(order.order_status_url),
    email: order.email ?? order.contact_email ?? null,
    phone: order.phone ?? null,
    customer: order.customer ? customerFromRest(order.customer) : null,
    fulfillments: (order.fulfillments ?? [])
      .map((fulfillment) => fulfillmentFromRest(fulfillment, context))
      .filter((fulfillment): fulfillment is FulfillmentSnapshot => fulfillment !== null),
    refunds: (order.refunds ?? []).map((refund) => refundFromRest(refund, orderName)),
  };
}

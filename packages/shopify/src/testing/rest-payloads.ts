import type { FakeCustomer, FakeFulfillment, FakeOrder, FakeRefund, ShopifyDataset } from './shopify-dataset';

// REST resource shapes, as webhooks deliver them: https://shopify.dev/docs/api/webhooks

/** A JSON object whose ids are bigints (written as bare numbers by `stringifyWithBigInts`). */
export type RestPayload = Record<string, unknown>;

/**
 * A customer as `customers/create|update` sends it.
 * @param customer - the fake customer
 * @returns the payload
 * @example
 * ```ts
 * // Sign a payload the builder has no helper for: here, one edited before sending.
 * await webhooks.build('customers/update', { ...restCustomerPayload(customer), tags: 'vip' });
 * ```
 */
export function restCustomerPayload(customer: FakeCustomer): RestPayload {
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    phone: customer.phone,
    state: 'enabled',
    verified_email: true,
    created_at: customer.createdAt,
    updated_at: customer.updatedAt,
    tags: '',
    admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`,
  };
}

/**
 * A fulfilment as `fulfillments/create|update` sends it (and as `order.fulfillments[]` holds it).
 * @param fulfillment - the fake fulfilment
 * @param order - its order, for the customer's email
 * @returns the payload
 * @example
 * ```ts
 * // Sign a payload the builder has no helper for: here, one edited before sending.
 * await webhooks.build('fulfillments/update', { ...restFulfillmentPayload(fulfillment, order), shipment_status: 'failure' });
 * ```
 */
export function restFulfillmentPayload(fulfillment: FakeFulfillment, order?: FakeOrder): RestPayload {
  return {
    id: fulfillment.id,
    order_id: fulfillment.orderId,
    name: fulfillment.name,
    status: fulfillment.status,
    shipment_status: fulfillment.shipmentStatus,
    service: 'manual',
    tracking_company: fulfillment.carrier,
    tracking_number: fulfillment.trackingNumbers[0] ?? null,
    tracking_numbers: fulfillment.trackingNumbers,
    tracking_url: fulfillment.trackingUrls[0] ?? null,
    tracking_urls: fulfillment.trackingUrls,
    email: order?.email ?? null,
    created_at: fulfillment.createdAt,
    updated_at: fulfillment.updatedAt,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${fulfillment.id}`,
  };
}

/**
 * A refund as `refunds/create` sends it: the amount sits in its refund transactions.
 * @param refund - the fake refund
 * @returns the payload
 * @example
 * ```ts
 * // Sign a payload the builder has no helper for: here, one edited before sending.
 * await webhooks.build('refunds/create', { ...restRefundPayload(refund), note: 'Damaged in transit' });
 * ```
 */
export function restRefundPayload(refund: FakeRefund): RestPayload {
  return {
    id: refund.id,
    order_id: refund.orderId,
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    restock: false,
    refund_line_items: [],
    transactions: [
      { id: refund.id + 1n, kind: 'refund', status: 'success', amount: refund.amount, currency: refund.currency, gateway: 'shopify_payments' },
    ],
    admin_graphql_api_id: `gid://shopify/Refund/${refund.id}`,
  };
}

/**
 * An order as `orders/*` sends it, with its customer, line items, fulfilments and refunds.
 * @param order - the fake order
 * @param dataset - the shop, for the customer and the status page
 * @returns the payload
 * @example
 * ```ts
 * // Sign a payload the builder has no helper for: here, one edited before sending.
 * await webhooks.build('orders/updated', { ...restOrderPayload(order, dataset), note: 'Leave at the door' });
 * ```
 */
export function restOrderPayload(order: FakeOrder, dataset: ShopifyDataset): RestPayload {
  const customer = order.customerId === null ? undefined : dataset.customer(order.customerId);
  return {
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    name: order.name,
    order_number: order.number,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.createdAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelReason,
    closed_at: null,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    currency: order.currency,
    presentment_currency: order.currency,
    total_price: order.totalPrice,
    subtotal_price: order.totalPrice,
    total_tax: '0.00',
    tags: order.tags.join(', '),
    note: null,
    order_status_url: `https://${dataset.shop}/${order.id % 100000n}/orders/${order.id.toString(16)}/authenticate?key=${order.number}`,
    customer: customer ? restCustomerPayload(customer) : null,
    line_items: order.lineItems.map((item) => ({ id: item.id, title: item.title, quantity: item.quantity, price: item.price })),
    fulfillments: order.fulfillments.map((fulfillment) => restFulfillmentPayload(fulfillment, order)),
    refunds: order.refunds.map(restRefundPayload),
    shipping_address: null,
    billing_address: null,
  };
}

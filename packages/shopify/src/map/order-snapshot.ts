import type { IdentityClaim, Money } from '@throughline/core/adapter';

/** A customer as an order or a customer record shows it, in one shape whether read from REST or GraphQL. */
export interface CustomerSnapshot {
  /** Shopify's customer id, as a decimal string. */
  customerId: string;
  /** The customer's email address as Shopify holds it (not normalised). */
  email: string | null;
  /** The customer's phone number as Shopify holds it (not normalised). */
  phone: string | null;
  /** The customer's first name. */
  firstName: string | null;
  /** The customer's last name. */
  lastName: string | null;
  /** When Shopify last updated the customer, as Shopify wrote the timestamp. */
  updatedAt: string | null;
}

/** A shipment, in one shape whether read from a webhook (REST) or the Admin GraphQL API. */
export interface FulfillmentSnapshot {
  /** Shopify's fulfilment id, as a decimal string. */
  fulfillmentId: string;
  /** The order it ships, as a decimal string. */
  orderId: string;
  /** The order's name, such as `#1001`, when known. */
  orderName: string | null;
  /** Lower-case fulfilment status (`success`, `cancelled`, …). */
  status: string;
  /** Lower-case shipment status (`in_transit`, `delivered`, …), open-ended; null when the carrier said nothing. */
  shipmentStatus: string | null;
  /** The carrier's name, such as `UPS`, when known. */
  carrier: string | null;
  /** Tracking numbers, sanitised and without duplicates. */
  trackingNumbers: string[];
  /** Tracking links: absolute http(s) URLs only, without duplicates. */
  trackingUrls: string[];
  /** When the carrier expects to deliver, when it said. */
  estimatedDeliveryAt: string | null;
  /** When the carrier delivered, once it did (GraphQL only: webhooks do not carry it). */
  deliveredAt: string | null;
  /** When the fulfilment was created. */
  createdAt: string | null;
  /** When Shopify last updated the fulfilment. */
  updatedAt: string | null;
}

/** A refund, in one shape whether read from a webhook or GraphQL. */
export interface RefundSnapshot {
  /** Shopify's refund id, as a decimal string. */
  refundId: string;
  /** The refunded order, as a decimal string. */
  orderId: string;
  /** The order's name, such as `#1001`, when known. */
  orderName: string | null;
  /** When the refund was made. */
  createdAt: string;
  /** The note the merchant left on the refund, sanitised. */
  note: string | null;
  /** The amount refunded, as an exact decimal with its currency; null when it cannot be told. */
  amount: Money | null;
}

/**
 * An order as it stood at `updatedAt`, in one shape whether read from a webhook or GraphQL: what
 * `orderStatusFrom` reads. Timestamps are as Shopify wrote them (any offset); `orderStatusFrom`
 * turns them into UTC instants.
 */
export interface OrderSnapshot {
  /** Shopify's order id, as a decimal string. */
  orderId: string;
  /** The name the customer sees, such as `#1001`. */
  orderName: string;
  /** The order number without `#`, such as `1001`, when the order has one. */
  orderNumber: string | null;
  /** When the order was placed. */
  createdAt: string;
  /** When Shopify last updated the order. */
  updatedAt: string | null;
  /** When the order was cancelled; null while it is not. */
  cancelledAt: string | null;
  /** Why it was cancelled (`customer`, `inventory`, `fraud`, …), lower case. */
  cancelReason: string | null;
  /** Lower-case financial status as REST writes it (`paid`, `partially_refunded`, …). */
  financialStatus: string | null;
  /** `fulfilled`, `partial`, other lower-case values, or null when unfulfilled (REST's vocabulary). */
  fulfillmentStatus: string | null;
  /** What the customer paid, as an exact decimal with its currency. */
  total: Money | null;
  /** Units ordered. */
  itemCount: number;
  /** The customer-facing order status page (absolute http(s) URL only). */
  statusUrl: string | null;
  /** The email address the order was placed with. */
  email: string | null;
  /** The phone number the order was placed with. */
  phone: string | null;
  /** The customer the order belongs to; null for an order without one. */
  customer: CustomerSnapshot | null;
  /** Every fulfilment of the order, in Shopify's order. */
  fulfillments: FulfillmentSnapshot[];
  /** Every refund of the order. */
  refunds: RefundSnapshot[];
}

/**
 * The reference that links an order's later events (refunds, shipments) to the order's customer,
 * even when those deliveries carry no personal identifier.
 * @param orderId - the Shopify order id
 * @returns a reference claim
 */
export function orderReference(orderId: string): IdentityClaim {
  return { kind: 'reference', namespace: 'shopify:order', value: orderId };
}

/**
 * The reference that finds an order's customer from the number a customer quotes (`#1042` → `1042`).
 * @param orderNumber - the order number
 * @returns a reference claim
 */
export function orderNumberReference(orderNumber: string): IdentityClaim {
  return { kind: 'reference', namespace: 'shopify:order-number', value: orderNumber.replace(/^#/, '') };
}

/**
 * Every identifier an order proves about its customer: the Shopify customer id, the order's and the customer's email and phone.
 * @param order - the order
 * @returns identity claims, raw (the core normalises email and phone), without duplicates
 */
export function orderIdentities(order: Pick<OrderSnapshot, 'customer' | 'email' | 'phone'>): IdentityClaim[] {
  const claims: IdentityClaim[] = [];
  if (order.customer) claims.push(...customerIdentities(order.customer));
  addClaim(claims, 'email', order.email);
  addClaim(claims, 'phone', order.phone);
  return claims;
}

/**
 * The identifiers a customer record proves.
 * @param customer - the customer
 * @returns identity claims: platform id, email, phone
 */
export function customerIdentities(customer: CustomerSnapshot): IdentityClaim[] {
  const claims: IdentityClaim[] = [{ kind: 'platform', namespace: 'shopify:customer', value: customer.customerId }];
  addClaim(claims, 'email', customer.email);
  addClaim(claims, 'phone', customer.phone);
  return claims;
}

function addClaim(claims: IdentityClaim[], kind: 'email' | 'phone', value: string | null): void {
  const trimmed = value?.trim();
  if (!trimmed) return;
  if (claims.some((claim) => claim.kind === kind && claim.value === trimmed)) return;
  claims.push({ kind, value: trimmed });
}

/**
 * The profile facts a customer record gives.
 * @param customer - the customer, or null
 * @returns first, last and full name when known
 */
export function customerProfile(customer: CustomerSnapshot | null): { firstName?: string; lastName?: string; name?: string } {
  const profile: { firstName?: string; lastName?: string; name?: string } = {};
  const first = customer?.firstName?.trim();
  const last = customer?.lastName?.trim();
  if (first) profile.firstName = first;
  if (last) profile.lastName = last;
  const name = [first, last].filter(Boolean).join(' ');
  if (name) profile.name = name;
  return profile;
}

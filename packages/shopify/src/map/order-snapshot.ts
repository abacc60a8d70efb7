import type { IdentityClaim, Money } from '@throughline/core/adapter';

/** A customer as an order or a customer record shows it, in one shape whether read from REST or GraphQL. */
export interface CustomerSnapshot {
  customerId: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  updatedAt: string | null;
}

/** A shipment, in one shape whether read from a webhook (REST) or the Admin GraphQL API. */
export interface FulfillmentSnapshot {
  fulfillmentId: string;
  orderId: string;
  orderName: string | null;
  /** Lower-case fulfilment status (`success`, `cancelled`, …). */
  status: string;
  /** Lower-case shipment status (`in_transit`, `delivered`, …), open-ended; null when the carrier said nothing. */
  shipmentStatus: string | null;
  carrier: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** A refund, in one shape whether read from a webhook or GraphQL. */
export interface RefundSnapshot {
  refundId: string;
  orderId: string;
  orderName: string | null;
  createdAt: string;
  note: string | null;
  amount: Money | null;
}

/** An order as it stood at `updatedAt`, in one shape whether read from a webhook or GraphQL. */
export interface OrderSnapshot {
  orderId: string;
  orderName: string;
  orderNumber: string | null;
  createdAt: string;
  updatedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Lower-case financial status as REST writes it (`paid`, `partially_refunded`, …). */
  financialStatus: string | null;
  /** `fulfilled`, `partial`, other lower-case values, or null when unfulfilled (REST's vocabulary). */
  fulfillmentStatus: string | null;
  total: Money | null;
  itemCount: number;
  statusUrl: string | null;
  email: string | null;
  phone: string | null;
  customer: CustomerSnapshot | null;
  fulfillments: FulfillmentSnapshot[];
  refunds: RefundSnapshot[];
}

/**
 * Every identifier an order proves about its customer: the Shopify customer id, the order's and the customer's email and phone.
 * @param order - the order
 * @returns identity claims, raw (the core normalises email and phone), without duplicates
 */
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

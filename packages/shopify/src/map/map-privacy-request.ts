import type { IdentityClaim, PrivacyRequest } from '@throughline/core/adapter';
import type { z } from 'zod';
import type { customerDataRequestSchema, customerRedactSchema } from '../shopify-api-types';
import { orderReference } from './order-snapshot';

type PrivacyCustomer = z.output<typeof customerDataRequestSchema>['customer'];

function privacyIdentities(customer: PrivacyCustomer): IdentityClaim[] {
  // Any of id, email and phone may be missing: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
  const claims: IdentityClaim[] = [];
  if (customer?.id) claims.push({ kind: 'platform', namespace: 'shopify:customer', value: customer.id });
  if (customer?.email?.trim()) claims.push({ kind: 'email', value: customer.email.trim() });
  if (customer?.phone?.trim()) claims.push({ kind: 'phone', value: customer.phone.trim() });
  return claims;
}

/**
 * The customer's identities plus a `shopify:order` reference per order the request names: every
 * order event carries that reference, so the core finds the customer through the orders even when
 * Shopify sends no id, email or phone.
 */
function identitiesWithOrders(customer: PrivacyCustomer, orderIds: ReadonlyArray<string>): IdentityClaim[] {
  return [...privacyIdentities(customer), ...orderIds.map(orderReference)];
}

/**
 * Maps `customers/data_request` to a request to export everything held about the customer.
 * @param payload - the parsed payload
 * @param tenantId - the shop's tenant
 * @param fallbackId - the delivery's event id, used when the payload carries no request id
 * @returns the privacy request, or null when the payload names neither an identity nor an order (nothing to export)
 */
export function customerDataRequest(
  payload: z.output<typeof customerDataRequestSchema>,
  tenantId: string,
  fallbackId: string,
): PrivacyRequest | null {
  const identities = identitiesWithOrders(payload.customer, [...new Set(payload.orders_requested ?? [])]);
  if (identities.length === 0) return null;
  const requestId = payload.data_request?.id ? `shopify:data_request:${payload.data_request.id}` : `shopify:data_request:${fallbackId}`;
  return { kind: 'customer_data_request', tenantId, requestId, identities };
}

/**
 * Maps `customers/redact` to a request to erase the customer's personal data and the listed orders.
 * A request that names orders but no identity is still carried out: the orders' references lead to
 * their customer.
 * @param payload - the parsed payload
 * @param tenantId - the shop's tenant
 * @param requestId - the delivery's event id
 * @returns the privacy request, or null when the payload names neither an identity nor an order (nothing to erase)
 */
export function customerRedactRequest(
  payload: z.output<typeof customerRedactSchema>,
  tenantId: string,
  requestId: string,
): PrivacyRequest | null {
  const orderIds = [...new Set(payload.orders_to_redact ?? [])];
  const identities = identitiesWithOrders(payload.customer, orderIds);
  if (identities.length === 0) return null;
  return { kind: 'customer_redact', tenantId, requestId: `shopify:customers_redact:${requestId}`, identities, orderIds };
}

/**
 * Maps `shop/redact` (sent 48 hours after uninstall) to a request to erase the whole tenant.
 * @param tenantId - the shop's tenant
 * @param requestId - the delivery's event id
 * @returns the privacy request
 */
export function shopRedactRequest(tenantId: string, requestId: string): PrivacyRequest {
  return { kind: 'tenant_redact', tenantId, requestId: `shopify:shop_redact:${requestId}` };
}

import { parseJsonLossless } from '@throughline/core/adapter-utils';
import { restCustomerSchema } from '../shopify-api-types';
import type { ShopifyCustomerIdentities } from '../shopify-settings';
import { toInstant } from './instants';
import { type CustomerSnapshot, customerIdentities, customerProfile } from './order-snapshot';
import { customerFromRest } from './rest-snapshots';

/**
 * The record `onCustomerIdentities` receives for a customer, whether read from a webhook or the backfill.
 * @param customer - the customer snapshot
 * @param tenantId - the shop's tenant
 * @returns the identities, the profile and `updatedAt` as a UTC instant (Shopify writes the shop's offset)
 */
export function customerIdentitiesRecord(customer: CustomerSnapshot, tenantId: string): ShopifyCustomerIdentities {
  return {
    tenantId,
    customerId: customer.customerId,
    updatedAt: toInstant(customer.updatedAt),
    identities: customerIdentities(customer),
    profile: customerProfile(customer),
  };
}

/**
 * Reads the identities and profile a Shopify customer payload (`customers/create|update`, REST JSON) proves.
 * @param payload - the JSON text (parsed losslessly) or an already parsed object
 * @param tenantId - the shop's tenant
 * @returns the identities (Shopify customer id, email, phone, raw), or null when the payload is not a customer
 * @example
 * ```ts
 * identitiesFromCustomer('{"id":820982911946154508,"email":"bob@example.com"}', 'acme')?.identities;
 * ```
 */
export function identitiesFromCustomer(payload: unknown, tenantId: string): ShopifyCustomerIdentities | null {
  let value = payload;
  if (typeof payload === 'string') {
    try {
      value = parseJsonLossless(payload);
    } catch {
      return null;
    }
  }
  const parsed = restCustomerSchema.safeParse(value);
  if (!parsed.success) return null;
  return customerIdentitiesRecord(customerFromRest(parsed.data), tenantId);
}

import type { CustomerView } from '@throughline/core';

/**
 * The name an agent sees for a customer: the profile's name, else first and last name, else the
 * first email or phone they hold, else their id.
 * @param view - the customer with their identities
 * @returns a plain-text name
 */
export function customerDisplayName(view: CustomerView): string {
  const { profile } = view.customer;
  if (profile.name?.trim()) return profile.name.trim();
  const parts = [profile.firstName, profile.lastName].filter((part): part is string => Boolean(part?.trim()));
  if (parts.length > 0) return parts.join(' ');
  const contact = view.identities.find((identity) => identity.kind === 'email') ?? view.identities.find((identity) => identity.kind === 'phone');
  return contact ? contact.key.slice(contact.key.indexOf(':') + 1) : view.customer.id;
}

import type { CustomerView, IdentityNormaliser, TenantApi } from '@throughline/core';
import { BadRequestError } from '../api/console-api-error';
import type { SearchMatch, SearchMatchKind, SearchResponse } from '../api/console-api-types';
import { customerDisplayName } from './customer-display-name';
import { normaliseOrderNumber, type OrderNumberIndex } from './order-number-index';

/** The longest search term accepted. */
const maxTermLength = 200;

/** What a customer search is built on. */
export interface CustomerSearchOptions {
  tenant: TenantApi;
  /** The same normaliser settings (default region) as the Throughline instance, to read phone numbers alike. */
  normaliser: IdentityNormaliser;
  orders: OrderNumberIndex;
}

/** Finds customers by email, phone number or order number. */
export interface CustomerSearch {
  /**
   * Searches one term.
   * @param term - an email, a phone number in any format (`07700 900123`, `whatsapp:+44…`) or an order number (`#1042`)
   * @returns the term, how it was read and the customers found (none is not an error)
   * @throws {BadRequestError} when the term is empty, too long, or neither an email, a phone nor an order number
   */
  search(term: string): Promise<SearchResponse>;
}

/**
 * Creates the console's customer search: emails and phones go through the identity index
 * (normalised as ingest normalises them); order numbers through the order-number index.
 *
 * @param options - tenant API, normaliser and order index
 * @returns the search
 * @example
 * ```ts
 * const search = createCustomerSearch({ tenant, normaliser: new IdentityNormaliser('GB'), orders });
 * const { matches } = await search.search('07700 900123');
 * ```
 */
export function createCustomerSearch(options: CustomerSearchOptions): CustomerSearch {
  const { tenant, normaliser, orders } = options;

  async function byOrder(orderNumber: string): Promise<CustomerView[]> {
    const views = await Promise.all((await orders.lookup(orderNumber)).map((customerId) => tenant.customers.get(customerId)));
    return views.filter((view): view is CustomerView => view !== undefined);
  }

  return {
    async search(rawTerm) {
      const term = rawTerm.trim();
      if (term.length === 0) throw new BadRequestError('Type an email, a phone number or an order number to search');
      if (term.length > maxTermLength) throw new BadRequestError(`A search term has at most ${maxTermLength} characters`);

      const found: Array<{ view: CustomerView; matchedBy: SearchMatchKind; matchedValue: string }> = [];
      const readAs: SearchMatchKind[] = [];

      if (term.includes('@') && !/^(whatsapp|sms|tel):/i.test(term)) {
        const email = normaliser.normalise({ kind: 'email', value: term });
        if (!email.ok) throw new BadRequestError(email.reason);
        readAs.push('email');
        const view = await tenant.customers.findByIdentity({ kind: 'email', value: term });
        if (view) found.push({ view, matchedBy: 'email', matchedValue: email.key });
      } else {
        const orderNumber = normaliseOrderNumber(term);
        if (orderNumber) {
          readAs.push('order');
          for (const view of await byOrder(orderNumber)) found.push({ view, matchedBy: 'order', matchedValue: `#${orderNumber}` });
        }
        const phone = normaliser.normalise({ kind: 'phone', value: term });
        if (phone.ok) {
          readAs.push('phone');
          const view = await tenant.customers.findByIdentity({ kind: 'phone', value: term });
          if (view) found.push({ view, matchedBy: 'phone', matchedValue: phone.key });
        }
        if (readAs.length === 0) throw new BadRequestError(`"${term}" is not an email, a phone number or an order number`);
      }

      const seen = new Set<string>();
      const matches: SearchMatch[] = [];
      for (const { view, matchedBy, matchedValue } of found) {
        if (seen.has(view.customer.id)) continue;
        seen.add(view.customer.id);
        matches.push({ customerId: view.customer.id, displayName: customerDisplayName(view), matchedBy, matchedValue });
      }
      return { query: term, readAs, matches };
    },
  };
}

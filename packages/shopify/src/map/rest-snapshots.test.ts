import { describe, expect, it } from 'vitest';
import { restCustomerSchema } from '../shopify-api-types';
import { customerFromRest } from './rest-snapshots';

describe('customerFromRest', () => {
  it("claims the customer's own phone, never the phone of their default address", () => {
    // A customer who gave no phone, shipping to an office whose reception number is on the address.
    const payload = { id: 111, email: 'ana@example.com', phone: null, default_address: { phone: '+1 415-555-0134', address1: '1 Market St' } };
    expect(customerFromRest(restCustomerSchema.parse(payload))).toMatchObject({ email: 'ana@example.com', phone: null });
    expect(customerFromRest(restCustomerSchema.parse({ ...payload, phone: '+1 502-459-2181' })).phone).toBe('+1 502-459-2181');
  });
});

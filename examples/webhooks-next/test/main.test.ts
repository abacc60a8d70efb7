import { describe, expect, it } from 'vitest';
import { main } from '../src/main';

describe('webhooks in a Next.js route handler', () => {
  it('puts a Shopify order and an SMS from the same phone on one customer', async () => {
    const result = await main({ log: () => {} });
    expect(result.statuses).toEqual([200, 200]);
    expect(result.customerIds[0]).not.toBe('none');
    expect(result.customerIds[1]).toBe(result.customerIds[0]);
    expect(result.timeline).toContain('order.placed via shopify');
    expect(result.timeline).toContain('message.received via sms');
  });
});

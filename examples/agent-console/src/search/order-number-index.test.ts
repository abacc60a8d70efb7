import { createMemoryStore, createThroughline, type IncomingEvent } from '@throughline/core';
import { describe, expect, it } from 'vitest';
import { normaliseOrderNumber, OrderNumberIndex } from './order-number-index';

function order(id: string, tenantId: string, name: string, email: string): IncomingEvent {
  return {
    id,
    tenantId,
    occurredAt: '2026-11-27T09:00:00.000Z',
    source: { system: 'shopify', externalId: id },
    channel: null,
    actor: { kind: 'customer' },
    identities: [{ kind: 'email', value: email }],
    type: 'order.placed',
    data: { orderId: id, orderName: name, orderNumber: name.replace('#', ''), financialStatus: 'paid', fulfillmentStatus: null, total: null, itemCount: 1, statusUrl: null, cancelledAt: null, cancelReason: null },
  };
}

describe('normaliseOrderNumber', () => {
  it('reads #1042, 1042 and padded input alike, and refuses what cannot be an order number', () => {
    expect(['#1042', '1042', '  #1042 '].map(normaliseOrderNumber)).toEqual(['1042', '1042', '1042']);
    expect(normaliseOrderNumber('#EU-1042')).toBe('eu-1042');
    for (const term of ['', '#', 'where is it', 'a@b.com', '+44 7700 900123', 'x'.repeat(41)]) expect(normaliseOrderNumber(term), term).toBeNull();
  });
});

describe('OrderNumberIndex', () => {
  it('finds the customers of an order in its own tenant only, by name, number or id', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [] });
    await throughline.ingest('acme', [order('9001', 'acme', '#1042', 'ana@example.com')]);
    await throughline.ingest('other', [order('9002', 'other', '#1043', 'zed@example.com')]);
    const index = new OrderNumberIndex({ store: throughline.store, tenantId: 'acme' });
    const ana = await throughline.tenant('acme').customers.findByIdentity({ kind: 'email', value: 'ana@example.com' });
    expect(await index.lookup('1042')).toEqual([ana?.customer.id]);
    expect(await index.lookup('9001')).toEqual([ana?.customer.id]);
    expect(await index.lookup('1043')).toEqual([]);
  });

  it('rescans on a miss at most once per interval', async () => {
    let now = 0;
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [] });
    const index = new OrderNumberIndex({ store: throughline.store, tenantId: 'acme', now: () => now, rescanAfterMs: 1_000 });
    expect(await index.lookup('1042')).toEqual([]);
    await throughline.ingest('acme', [order('9001', 'acme', '#1042', 'ana@example.com')]);
    now = 500;
    expect(await index.lookup('1042')).toEqual([]);
    now = 1_000;
    expect(await index.lookup('1042')).toHaveLength(1);
  });
});

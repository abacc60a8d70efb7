import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrderStatusAnswerer } from './create-order-status-answerer';
import type { OrderFacts } from './order-facts';
import { renderTemplate } from './render-template';
import { sanitiseTrackingText, sanitiseTrackingUrl } from './sanitise-tracking';

const now = new Date('2026-11-27T10:00:00Z');
const order = (overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId: 'gid://shopify/Order/1',
  customerId: 'cus_1',
  orderName: '#1001',
  placedAt: '2026-11-20T10:00:00Z',
  fulfilmentStatus: 'fulfilled',
  shipmentStatus: 'in_transit',
  carrier: 'DHL Express',
  trackingNumber: '1Z999AA10123456784',
  trackingUrl: 'https://track.example/1Z999AA10123456784',
  estimatedDelivery: '2026-11-28T12:00:00Z',
  ...overrides,
});
const answerer = createOrderStatusAnswerer();

describe('createOrderStatusAnswerer', () => {
  it('answers in the customer language with the carrier, tracking link and estimate', () => {
    const decision = answerer.decide({ candidates: [order()], customerId: 'cus_1', language: 'de', now });
    expect(decision.kind).toBe('answer');
    if (decision.kind !== 'answer') return;
    expect(decision.body).toContain('Ihre Bestellung #1001 ist unterwegs mit DHL Express.');
    expect(decision.body).toContain('https://track.example/1Z999AA10123456784');
    expect(decision.body).toContain('28. November');
    expect(decision.facts).toMatchObject({ orderName: '#1001', trackingUrl: 'https://track.example/1Z999AA10123456784', templateKey: 'in_transit' });
  });

  it('leaves out sections whose facts are missing', () => {
    const decision = answerer.decide({
      candidates: [order({ carrier: null, trackingUrl: null, estimatedDelivery: null })],
      customerId: 'cus_1',
      language: 'en',
      now,
    });
    expect(decision).toMatchObject({ kind: 'answer', body: 'Your order #1001 is on its way. Tracking number: 1Z999AA10123456784.' });
  });

  it.each([
    [{ shipmentStatus: 'delayed' }, 'shipment_delayed'],
    [{ shipmentStatus: 'failure' }, 'shipment_failed'],
    [{ shipmentStatus: 'held_by_customs' }, 'unknown_shipment_status'],
    [{ cancelledAt: '2026-11-21T00:00:00Z' }, 'order_cancelled'],
    [{ estimatedDelivery: '2026-11-22T00:00:00Z' }, 'shipment_overdue'],
  ] as const)('hands over instead of guessing for %j', (overrides, detail) => {
    expect(answerer.decide({ candidates: [order(overrides)], customerId: 'cus_1', language: 'en', now })).toMatchObject({
      kind: 'handoff',
      reason: 'unanswerable',
      detail,
    });
  });

  it('hands over when several open orders could be meant, and picks the one open order otherwise', () => {
    const second = order({ orderId: 'o2', orderName: '#1002', shipmentStatus: null, fulfilmentStatus: null });
    expect(answerer.decide({ candidates: [order(), second], customerId: 'cus_1', language: 'en', now })).toMatchObject({
      kind: 'handoff',
      detail: 'several_orders',
    });
    const delivered = order({ orderId: 'o3', orderName: '#0999', shipmentStatus: 'delivered' });
    expect(answerer.decide({ candidates: [delivered, second], customerId: 'cus_1', language: 'en', now })).toMatchObject({
      kind: 'answer',
      templateKey: 'not_shipped',
    });
  });

  it('answers a quoted number only for the customer who owns the order', () => {
    const question = { candidates: [order()], orderNumber: '1001', language: 'en', now };
    expect(answerer.decide({ ...question, customerId: 'cus_1' }).kind).toBe('answer');
    expect(answerer.decide({ ...question, customerId: 'cus_2' })).toMatchObject({ kind: 'handoff', detail: 'order_of_another_customer', candidates: [] });
    expect(answerer.decide({ ...question, orderNumber: '4040', customerId: 'cus_1' })).toMatchObject({ detail: 'order_not_found' });
    expect(answerer.decide({ candidates: [], customerId: 'cus_1', language: 'en', now })).toMatchObject({ detail: 'no_order_found' });
  });

  it('uses merchant templates over the built-in ones and rejects unknown placeholders', () => {
    const custom = createOrderStatusAnswerer({ templates: { en: { in_transit: 'Shipped! {trackingUrl}' } } });
    expect(custom.decide({ candidates: [order()], customerId: 'cus_1', language: 'en', now })).toMatchObject({
      body: 'Shipped! https://track.example/1Z999AA10123456784',
    });
    expect(custom.decide({ candidates: [order()], customerId: 'cus_1', language: 'fr', now })).toMatchObject({ language: 'fr' });
    expect(() => createOrderStatusAnswerer({ templates: { en: { in_transit: 'Hi {customerEmail}' } } })).toThrow(/invalid/);
  });

  it('falls back to the default language for languages without templates', () => {
    expect(answerer.decide({ candidates: [order()], customerId: 'cus_1', language: 'sv', now })).toMatchObject({ language: 'en' });
  });

  it('never lets tracking strings break out of one line or inject links', () => {
    const hostile = order({
      carrier: 'DHL\n\nClick https://evil.example\u202E',
      trackingNumber: '123\r\n456\u0000',
      trackingUrl: 'javascript:alert(1)',
    });
    const decision = answerer.decide({ candidates: [hostile], customerId: 'cus_1', language: 'en', now });
    if (decision.kind !== 'answer') throw new Error('expected an answer');
    expect(decision.body).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(decision.body).not.toContain('javascript:');
  });
});

describe('sanitisers', () => {
  it('keep any text on one printable line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const cleaned = sanitiseTrackingText(value);
        if (cleaned !== null) expect(cleaned).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
      }),
    );
  });

  it('keep only http(s) links without credentials', () => {
    expect(sanitiseTrackingUrl('https://track.example/a?b=1')).toBe('https://track.example/a?b=1');
    expect(sanitiseTrackingUrl('https://user:pw@track.example/')).toBeNull();
    expect(sanitiseTrackingUrl('ftp://track.example/')).toBeNull();
    expect(sanitiseTrackingUrl('https://track.example/a b')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (value) => {
        const url = sanitiseTrackingUrl(value);
        if (url !== null) expect(url).toMatch(/^https?:\/\//);
      }),
    );
  });

  it('render values literally, never as template syntax', () => {
    expect(renderTemplate('A {carrier}[[ B {trackingUrl}]]', { carrier: '{trackingUrl} [[x]]', trackingUrl: '' })).toBe('A {trackingUrl} [[x]]');
  });
});

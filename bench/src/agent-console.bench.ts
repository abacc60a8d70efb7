import { createMemoryStore, createThroughline, IdentityNormaliser, type IncomingEvent } from '@throughline/core';
import { createConsoleApi } from '../../examples/agent-console/src/api/console-api';
import { consoleSlaSettings } from '../../examples/agent-console/src/console-sla-settings';
import { createCustomerSearch } from '../../examples/agent-console/src/search/customer-search';
import { OrderNumberIndex } from '../../examples/agent-console/src/search/order-number-index';
import type { BenchResult } from './bench-result';

const customers = 2_000;
const start = Date.parse('2026-11-27T08:00:00.000Z');

/** Per customer: an order, a shipment and a WhatsApp message opening a case (SLA clocks on). */
function eventsOf(index: number): IncomingEvent[] {
  const at = (offsetMs: number) => new Date(start + index * 1_000 + offsetMs).toISOString();
  const email = `customer${index}@example.com`;
  const phone = `+1415555${String(index).padStart(4, '0')}`;
  const orderId = String(5_824_190_000_000 + index);
  const base = { tenantId: 'acme', actor: { kind: 'customer' as const }, identities: [{ kind: 'email' as const, value: email }, { kind: 'phone' as const, value: phone }] };
  return [
    { ...base, id: `o${index}`, occurredAt: at(0), source: { system: 'shopify', externalId: orderId }, channel: null, type: 'order.placed', data: { orderId, orderName: `#${10_000 + index}`, orderNumber: String(10_000 + index), financialStatus: 'paid', fulfillmentStatus: null, total: { amount: '42.00', currency: 'USD' }, itemCount: 2, statusUrl: null, cancelledAt: null, cancelReason: null } },
    { ...base, id: `f${index}`, occurredAt: at(3_600_000), source: { system: 'shopify', externalId: `f${index}` }, channel: null, actor: { kind: 'system' }, type: 'fulfillment.updated', data: { orderId, orderName: `#${10_000 + index}`, fulfillmentId: `f${index}`, status: 'success', shipmentStatus: 'in_transit', carrier: 'UPS', trackingNumbers: [`1Z${index}`], trackingUrls: [], estimatedDeliveryAt: null } },
    { ...base, id: `m${index}`, occurredAt: at(7_200_000), source: { system: 'twilio', externalId: `m${index}` }, channel: 'whatsapp', identities: [{ kind: 'phone', value: `whatsapp:${phone}` }], type: 'message.received', data: { messageId: `m${index}`, body: 'Where is my order?', subject: null, media: [], from: `whatsapp:${phone}`, to: null } },
  ];
}

async function rate(iterations: number, work: (iteration: number) => Promise<void>): Promise<number> {
  for (let iteration = 0; iteration < Math.min(50, iterations); iteration++) await work(iteration);
  const started = performance.now();
  for (let iteration = 0; iteration < iterations; iteration++) await work(iteration);
  return iterations / ((performance.now() - started) / 1_000);
}

/**
 * The agent console's API over a memory store of 2,000 customers (6,000 source events plus SLA
 * events): building the order-number index, then searches, a timeline page, an open case with
 * its clocks folded, and the due-soon queue, called as Web requests without HTTP.
 * @returns the measures
 */
export async function run(): Promise<BenchResult[]> {
  const now = start + customers * 1_000 + 3 * 3_600_000;
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock: { now: () => now, setTimeout: () => 0, clearTimeout: () => {} }, sla: { ...consoleSlaSettings, timers: false }, validateEvents: false });
  for (let index = 0; index < customers; index += 100) {
    await throughline.ingest('acme', Array.from({ length: 100 }, (_, offset) => eventsOf(index + offset)).flat());
  }
  const tenant = throughline.tenant('acme');
  const orders = new OrderNumberIndex({ store: throughline.store, tenantId: 'acme', now: () => now });
  const scanStarted = performance.now();
  await orders.rescan();
  const scanMs = performance.now() - scanStarted;
  const api = createConsoleApi({ tenant, search: createCustomerSearch({ tenant, normaliser: new IdentityNormaliser('US'), orders }), now: () => now });
  const call = async (path: string): Promise<unknown> => {
    const response = await api(new Request(`http://console${path}`));
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const customerId = ((await call('/api/search?q=%2310042')) as { matches: Array<{ customerId: string }> }).matches[0]!.customerId;

  const results: BenchResult[] = [{ name: `order-number index: first scan of ${customers} customers`, value: scanMs, unit: 'ms' }];
  results.push({ name: 'search by order number (#10042…)', opsPerSecond: await rate(2_000, (i) => call(`/api/search?q=%23${10_000 + (i % customers)}`).then(() => {})) });
  results.push({ name: 'search by email', opsPerSecond: await rate(2_000, (i) => call(`/api/search?q=customer${i % customers}%40example.com`).then(() => {})) });
  results.push({ name: 'search by phone (national format)', opsPerSecond: await rate(2_000, (i) => call(`/api/search?q=(415)%20555-${String(i % customers).padStart(4, '0')}`).then(() => {})) });
  results.push({ name: 'timeline page of 30', opsPerSecond: await rate(2_000, () => call(`/api/customers/${customerId}/timeline`).then(() => {})) });
  results.push({ name: 'open case with SLA clocks folded', opsPerSecond: await rate(1_000, () => call(`/api/customers/${customerId}/open-case`).then(() => {})) });
  results.push({ name: 'due-soon queue (20 cases)', opsPerSecond: await rate(500, () => call('/api/due-soon').then(() => {})) });
  await throughline.close();
  return results;
}

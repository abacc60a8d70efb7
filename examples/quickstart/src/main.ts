/**
 * The smallest end-to-end run: a webhook server on Node's http module, three signed deliveries
 * from the mock platform over real HTTP (a web form, a WhatsApp, a call, one of them delivered
 * twice), and the one customer's timeline printed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { toNodeHandler } from '@throughline/core/node';
import { createMockAdapter, signMockDelivery } from '@throughline/core/testing/fakes';

const secret = 'quickstart-secret';
const throughline = createThroughline({
  store: createMemoryStore(),
  adapters: [createMockAdapter({ secrets: [secret], accounts: { acme: 'acme' } })],
  defaultRegion: 'GB',
});
const server = createServer(toNodeHandler(throughline.webhooks.handle));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/mock`;

const deliveries = [
  { id: 'web-1', at: '2026-11-27T09:02:00Z', channel: 'web', type: 'message.received', identities: [{ kind: 'email', value: 'Ana.Silva@Example.com' }, { kind: 'phone', value: '07700 900123' }], data: { messageId: 'web-1', body: 'Where is my order #1042?', subject: 'Order #1042', media: [], from: null, to: null } },
  { id: 'wa-1', at: '2026-11-27T10:15:00Z', channel: 'whatsapp', type: 'message.received', identities: [{ kind: 'phone', value: 'whatsapp:+447700900123' }], data: { messageId: 'wa-1', body: 'Hello? Still no news about my parcel', subject: null, media: [], from: 'whatsapp:+447700900123', to: null } },
  { id: 'call-1', at: '2026-11-27T11:40:00Z', channel: 'voice', type: 'call.started', identities: [{ kind: 'phone', value: '+44 7700 900123' }], data: { callId: 'call-1', direction: 'inbound', from: '+447700900123', to: '+442071838750' } },
];
for (const [index, item] of [...deliveries, deliveries[1]!].entries()) {
  const { id, at, channel, type, identities, data } = item;
  const request = await signMockDelivery({
    url,
    secret,
    account: 'acme',
    body: { account: 'acme', deliveryId: `delivery-${index}`, events: [{ id, occurredAt: at, source: { system: 'mock', externalId: id }, channel, actor: { kind: 'customer' }, identities, type, data } as never] },
  });
  const response = await fetch(request);
  console.log(`POST ${type.padEnd(17)} via ${channel.padEnd(8)} → ${response.status} ${await response.text()}`);
}

const acme = throughline.tenant('acme');
const ana = await acme.customers.findByIdentity({ kind: 'email', value: 'ana.silva@example.com' });
if (!ana) throw new Error('the customer was not found');
console.log(`\nOne customer: ${ana.customer.id}, identities ${ana.identities.map((identity) => identity.key).join(', ')}`);
const openCase = await acme.cases.openCaseOf(ana.customer.id);
console.log(`One open case: ${openCase?.id} (${openCase?.contactCount} contacts, ${openCase?.repeatContactCount} repeat) opened on ${openCase?.channel}\n`);
for (const event of (await acme.timeline.forCustomer(ana.customer.id)).events) {
  console.log(`${event.occurredAt}  ${(event.channel ?? '-').padEnd(9)} ${event.type.padEnd(17)} ${event.repeatContact ? '(repeat contact)' : ''}`);
}
server.close();

/**
 * Webhooks on Node's http module: a Throughline webhook server with the Shopify adapter, fed
 * signed deliveries from the Shopify testing kit over real HTTP (one of them twice, one forged),
 * then the customer's timeline read back.
 *
 * Run: `pnpm --filter @throughline-examples/webhooks-node start` (add `--listen` to keep serving).
 */
import { pathToFileURL } from 'node:url';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { createShopify } from '@throughline/shopify';
import { createShopifyDataset, createShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { startWebhookServer } from './webhook-server';

/** What the run saw: each delivery's HTTP status and the customer's timeline. */
export interface WebhooksNodeResult {
  statuses: Array<{ delivery: string; status: number }>;
  customerId: string;
  timeline: string[];
}

const shop = 'acme.myshopify.com';

/**
 * Starts the server, posts the deliveries, prints what happened and stops.
 * @param options - the port, the secret and where to print
 * @returns the statuses and the timeline
 */
export async function main(options: { port?: number; secret?: string; log?: (line: string) => void } = {}): Promise<WebhooksNodeResult> {
  const log = options.log ?? console.log;
  const secret = options.secret ?? process.env.SHOPIFY_CLIENT_SECRET ?? 'example-client-secret';
  const throughline = createThroughline({
    store: createMemoryStore(),
    adapters: [createShopify({ clientSecrets: [secret], shops: { [shop]: 'acme' } })],
  });
  throughline.events.on('webhook.rejected', ({ reason }) => log(`rejected: ${reason}`));
  const running = await startWebhookServer(throughline, options.port ?? 0);
  log(`Throughline listens on ${running.origin}/webhooks/shopify`);

  try {
    const dataset = createShopifyDataset({ seed: 7, shop, customers: 3, orders: 6 });
    const order = dataset.orders.find((candidate) => candidate.email !== null && candidate.fulfillments.length > 0);
    if (!order) throw new Error('the seeded shop has no fulfilled order with an email');
    const webhooks = createShopifyWebhookBuilder({ secret, url: `${running.origin}/webhooks/shopify`, dataset });
    const deliveries: Array<[string, Promise<Request>]> = [
      ['orders/create', webhooks.ordersCreate(order)],
      ['orders/create (again)', webhooks.ordersCreate(order)],
      ['orders/create (forged)', webhooks.ordersCreate(order, { secret: 'not-the-secret' })],
      // The order payload already carried this shipment: the same event id, so nothing new.
      ['fulfillments/update', webhooks.fulfillmentsUpdate(order.fulfillments[0]!, order)],
    ];
    const statuses: WebhooksNodeResult['statuses'] = [];
    for (const [delivery, request] of deliveries) {
      const response = await fetch(await request);
      statuses.push({ delivery, status: response.status });
      log(`POST ${delivery.padEnd(24)} → ${response.status} ${await response.text()}`);
    }

    const acme = throughline.tenant('acme');
    const found = await acme.customers.findByIdentity({ kind: 'email', value: order.email! });
    if (!found) throw new Error(`no customer holds ${order.email}`);
    const page = await acme.timeline.forCustomer(found.customer.id, { limit: 20 });
    const timeline = page.events.map((event) => `${event.occurredAt} ${event.type}`);
    log(`\nCustomer ${found.customer.id} (${found.identities.map((identity) => identity.key).join(', ')}):`);
    for (const line of timeline) log(`  ${line}`);
    return { statuses, customerId: found.customer.id, timeline };
  } finally {
    await running.close();
    await throughline.close();
  }
}

/** Serves until interrupted, for pointing a tunnel (or the Shopify CLI) at it. */
async function listen(): Promise<void> {
  const secret = process.env.SHOPIFY_CLIENT_SECRET;
  if (!secret) throw new Error('Set SHOPIFY_CLIENT_SECRET to your app client secret');
  const throughline = createThroughline({
    store: createMemoryStore(),
    adapters: [createShopify({ clientSecrets: [secret], shops: { [process.env.SHOPIFY_SHOP ?? shop]: 'acme' } })],
  });
  throughline.events.on('timeline.appended', (event) => console.log(`${event.type} for ${event.customerId}`));
  const running = await startWebhookServer(throughline, Number(process.env.PORT ?? 3000));
  console.log(`Listening on ${running.origin}/webhooks/shopify`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await (process.argv.includes('--listen') ? listen() : main());
}

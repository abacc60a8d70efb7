/**
 * A Next.js-style route handler without Next: this runner builds the requests Shopify and Twilio
 * would send (signed by their testing kits) and calls the route's `POST` export with them, as the
 * Next server would. A Shopify order and an SMS from the same phone end up on one customer.
 *
 * Run: `pnpm --filter @throughline-examples/webhooks-next start`
 */
import { pathToFileURL } from 'node:url';
import { createShopifyDataset, createShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { createTwilioWebhookBuilder } from '@throughline/twilio/testing';
import { POST } from './app/api/webhooks/[platform]/route';
import { getThroughline, settings } from './throughline';

/** What the run saw. */
export interface WebhooksNextResult {
  statuses: number[];
  /** Customer ids the order and the SMS resolved to. */
  customerIds: string[];
  timeline: string[];
}

/**
 * Sends a Shopify order and an SMS from its customer's phone through the route handler.
 * @param options - where to print
 * @returns statuses, the customers and the timeline
 */
export async function main(options: { log?: (line: string) => void } = {}): Promise<WebhooksNextResult> {
  const log = options.log ?? console.log;
  const origin = 'https://shop-support.example.com';
  const dataset = createShopifyDataset({ seed: 11, shop: settings.shop, customers: 4, orders: 8 });
  const order = dataset.orders.find((candidate) => candidate.customerId !== null && dataset.customer(candidate.customerId)?.phone);
  const phone = order?.customerId ? dataset.customer(order.customerId)?.phone : null;
  if (!order || !phone) throw new Error('the seeded shop has no order from a customer with a phone');

  const shopify = createShopifyWebhookBuilder({ secret: settings.shopifyClientSecret, url: `${origin}/api/webhooks/shopify`, dataset });
  const twilio = createTwilioWebhookBuilder({ authToken: settings.twilioAuthToken, accountSid: settings.twilioAccountSid, url: `${origin}/api/webhooks/twilio` });
  // Shopify keeps the phone as the shopper typed it; Twilio sends E.164. Both normalise to one key.
  const sms = await twilio.inboundSms({ from: phone.replace(/[^\d+]/g, ''), to: '+15005550006', body: `Where is order ${order.name}?` });
  const requests = [await shopify.ordersCreate(order), sms];
  const statuses: number[] = [];
  for (const request of requests) {
    const response = await POST(request);
    statuses.push(response.status);
    log(`POST ${new URL(request.url).pathname} → ${response.status}`);
  }

  const acme = getThroughline().tenant('acme');
  const byOrder = await acme.customers.findByIdentity({ kind: 'platform', namespace: 'shopify:customer', value: String(order.customerId) });
  const byPhone = await acme.customers.findByIdentity({ kind: 'phone', value: phone });
  const customerIds = [byOrder?.customer.id ?? 'none', byPhone?.customer.id ?? 'none'];
  log(`Shopify customer ${order.customerId} and ${phone} → ${[...new Set(customerIds)].join(', ')}`);
  const page = byPhone ? await acme.timeline.forCustomer(byPhone.customer.id) : { events: [] };
  const timeline = page.events.map((event) => `${event.type} via ${event.channel ?? event.source.system}`);
  for (const line of timeline) log(`  ${line}`);
  return { statuses, customerIds, timeline };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

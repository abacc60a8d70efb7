/**
 * Webhooks on Hono: Throughline's entry point mounted in a Hono app served by `@hono/node-server`,
 * fed a signed SMS and then a WhatsApp message from the same phone (the Twilio testing kit signs
 * them exactly like Twilio), then the customer read back through the app's own route.
 *
 * Run: `pnpm --filter @throughline-examples/webhooks-hono start`
 */
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { createMemoryStore, createThroughline, type SupportCase, type TimelineEvent } from '@throughline/core';
import { createTwilio } from '@throughline/twilio';
import { createTwilioWebhookBuilder, twilioSid } from '@throughline/twilio/testing';
import { createApp } from './app';

/** What the run saw. */
export interface WebhooksHonoResult {
  statuses: number[];
  openCase: SupportCase | null;
  timeline: TimelineEvent[];
}

const accountSid = twilioSid('AC', 1);
const shopNumber = '+15005550006';
const customerNumber = '+14155550100';

/**
 * Serves the app, posts the deliveries, reads the customer back and stops.
 * @param options - the auth token and where to print
 * @returns statuses, the open case and the timeline
 */
export async function main(options: { authToken?: string; log?: (line: string) => void } = {}): Promise<WebhooksHonoResult> {
  const log = options.log ?? console.log;
  const authToken = options.authToken ?? process.env.TWILIO_AUTH_TOKEN ?? 'example-auth-token';
  const throughline = createThroughline({
    store: createMemoryStore(),
    adapters: [createTwilio({ accountSid, authTokens: [authToken], accounts: { [accountSid]: 'acme' } })],
  });
  const server = serve({ fetch: createApp(throughline).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  log(`Hono serves Throughline on ${origin}/webhooks/twilio`);

  try {
    // Twilio signs the exact URL it calls, so the builder is given the URL the app sees.
    const webhooks = createTwilioWebhookBuilder({ authToken, accountSid, url: `${origin}/webhooks/twilio` });
    const requests = [
      await webhooks.inboundSms({ from: customerNumber, to: shopNumber, body: 'Hi, where is my order #1042?' }),
      await webhooks.inboundWhatsApp({ from: customerNumber, to: shopNumber, body: 'Any news on #1042?', profileName: 'Ana' }),
    ];
    const statuses: number[] = [];
    for (const request of requests) {
      const response = await fetch(request);
      statuses.push(response.status);
      log(`POST /webhooks/twilio → ${response.status}`);
    }
    const answer = await fetch(`${origin}/tenants/acme/customers?phone=${encodeURIComponent(customerNumber)}`);
    const body = (await answer.json()) as { openCase: SupportCase | null; timeline: TimelineEvent[] };
    log(`Open case ${body.openCase?.id}: ${body.openCase?.contactCount} contacts, ${body.openCase?.repeatContactCount} on another channel`);
    for (const event of body.timeline) log(`  ${event.occurredAt} ${event.channel} ${event.type}${event.repeatContact ? ' (repeat contact)' : ''}`);
    return { statuses, openCase: body.openCase, timeline: body.timeline };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await throughline.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

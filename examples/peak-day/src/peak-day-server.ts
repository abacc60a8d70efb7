/**
 * The demo's back end, as a shop would run it: one Throughline instance with the Shopify, Zendesk
 * and Twilio adapters on a SQLite file, behind a Node `http` server. The platforms' APIs (Shopify
 * order lookups, Twilio sends) are the testing kits' msw fakes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createThroughline, type Throughline } from '@throughline/core';
import { toNodeHandler } from '@throughline/core/node';
import { createShopify, type ShopifyAdapter } from '@throughline/shopify';
import { createShopifyDataset, createShopifyHandlers, type ShopifyDataset } from '@throughline/shopify/testing';
import { createSqliteStore } from '@throughline/store-sqlite';
import { createTwilio } from '@throughline/twilio';
import { createTwilioFake, type TwilioFake } from '@throughline/twilio/testing';
import { createZendesk } from '@throughline/zendesk';
import { setupServer } from 'msw/node';
import { defaultRegion, shopifyAccount, tenantId, twilioAccount, zendeskAccount } from './peak-day-accounts';
import { type SimulatedClock, simulatedAtHeader } from './simulated-clock';
import { sla } from './sla-settings';

/** A running demo back end. */
export interface PeakDayServer {
  throughline: Throughline;
  shopify: ShopifyAdapter;
  /** The fake shop the Shopify API fake serves (orders are added as the day goes). */
  dataset: ShopifyDataset;
  /** The fake Twilio account (messages the agents sent). */
  twilio: TwilioFake;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** `fetch` as it was before msw patched it: webhook deliveries go over the real network stack. */
  directFetch: typeof fetch;
  /** Stops the server and the fakes and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the back end on a free local port.
 * @param options - the SQLite file and the simulated clock
 * @returns the running server
 * @example
 * const server = await startPeakDayServer({ databaseFile: 'day.sqlite', clock: createSimulatedClock(start) });
 */
export async function startPeakDayServer(options: { databaseFile: string; clock: SimulatedClock }): Promise<PeakDayServer> {
  const { clock } = options;
  const now = () => new Date(clock.now());
  const dataset = createShopifyDataset({ customers: 0, orders: 0, shop: shopifyAccount.shop, currency: shopifyAccount.currency });
  const shopifyFake = createShopifyHandlers({ dataset, accessTokens: [shopifyAccount.adminAccessToken] });
  const twilio = createTwilioFake({ accountSid: twilioAccount.accountSid, authToken: twilioAccount.authToken, now });
  const directFetch = globalThis.fetch;
  const api = setupServer(...shopifyFake.handlers, ...twilio.handlers);
  // Local webhook traffic is not the platforms' API: let it through untouched.
  api.listen({ onUnhandledRequest: 'bypass' });

  const shopify = createShopify({
    clientSecrets: [shopifyAccount.clientSecret],
    shops: { [shopifyAccount.shop]: tenantId },
    adminAccessTokens: { [shopifyAccount.shop]: shopifyAccount.adminAccessToken },
  });
  const throughline = createThroughline({
    store: createSqliteStore({ filename: options.databaseFile }),
    // Twilio before Zendesk: replies on WhatsApp and SMS go through Twilio, web-form replies through Zendesk.
    adapters: [
      shopify,
      createTwilio({
        accountSid: twilioAccount.accountSid,
        authTokens: [twilioAccount.authToken],
        accounts: { [twilioAccount.accountSid]: tenantId },
        messaging: { whatsappFrom: `whatsapp:${twilioAccount.whatsappNumber}`, from: twilioAccount.supportNumber },
        now,
      }),
      createZendesk({
        subdomain: zendeskAccount.subdomain,
        webhookSecrets: [zendeskAccount.webhookSecret],
        accounts: { [String(zendeskAccount.accountId)]: tenantId },
        // The signature's replay window is checked against simulated time.
        clock,
      }),
    ],
    clock,
    defaultRegion,
    // No in-process timer: the runner calls `sla.tick(now)` as simulated time moves.
    sla: { ...sla, timers: false },
  });

  const handle = toNodeHandler(throughline.webhooks.handle);
  const server: Server = createServer((request, response) => {
    const at = Number(request.headers[simulatedAtHeader]);
    if (Number.isFinite(at)) clock.runAt(at, () => handle(request, response));
    else handle(request, response);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    throughline,
    shopify,
    dataset,
    twilio,
    origin: `http://127.0.0.1:${port}`,
    directFetch,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      api.close();
      await throughline.close();
    },
  };
}

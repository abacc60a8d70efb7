import { createMemoryStore, createThroughline, type Throughline } from '@throughline/core';
import { createShopify } from '@throughline/shopify';
import { createTwilio } from '@throughline/twilio';

/** Settings read from the environment, with example values so the runner works out of the box. */
export const settings = {
  shop: process.env.SHOPIFY_SHOP ?? 'acme.myshopify.com',
  shopifyClientSecret: process.env.SHOPIFY_CLIENT_SECRET ?? 'example-client-secret',
  twilioAccountSid: process.env.TWILIO_ACCOUNT_SID ?? `AC${'0'.repeat(31)}1`,
  twilioAuthToken: process.env.TWILIO_AUTH_TOKEN ?? 'example-auth-token',
};

const cache = globalThis as typeof globalThis & { throughline?: Throughline };

/**
 * The app's one Throughline instance, kept on `globalThis` so the dev server's module reloads
 * reuse it. On serverless hosts use a durable store (`@throughline/store-postgres`) instead of the
 * memory store, and `throughline.sla.tick(now)` from a cron instead of in-process timers.
 *
 * @returns the instance
 */
export function getThroughline(): Throughline {
  cache.throughline ??= createThroughline({
    store: createMemoryStore(),
    adapters: [
      createShopify({ clientSecrets: [settings.shopifyClientSecret], shops: { [settings.shop]: 'acme' } }),
      createTwilio({ accountSid: settings.twilioAccountSid, authTokens: [settings.twilioAuthToken], accounts: { [settings.twilioAccountSid]: 'acme' } }),
    ],
  });
  return cache.throughline;
}

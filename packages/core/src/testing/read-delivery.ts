import type { WebhookDelivery } from '../adapter/channel-adapter';

/**
 * Reads a request into the delivery shape the pipeline hands to adapters.
 * @param request - a webhook request
 * @returns the delivery, with the body read once
 * @example
 * ```ts
 * // Call an adapter's contract methods directly, as the pipeline would.
 * const delivery = await readDelivery(await webhooks.ordersCreate(order));
 * const verification = await shopify.doVerifyWebhook(delivery);
 * ```
 */
export async function readDelivery(request: Request): Promise<WebhookDelivery> {
  const rawBody = new Uint8Array(await request.arrayBuffer());
  return { request, url: new URL(request.url), rawBody, bodyText: new TextDecoder().decode(rawBody), receivedAt: new Date() };
}

// app/api/webhooks/[platform]/route.ts: Shopify posts to /api/webhooks/shopify, Twilio to
// /api/webhooks/twilio. Throughline routes by the last path segment naming an adapter.
import { getThroughline } from '../../../../throughline';

/** Node runtime: the stores and `node:crypto` HMAC live there. */
export const runtime = 'nodejs';
/** Never cache a webhook. */
export const dynamic = 'force-dynamic';

/**
 * Receives every platform's webhooks; answers 200 only once the delivery is stored.
 * @param request - the platform's request, body unread
 * @returns Throughline's answer (401 forged, 400 malformed, 413 too large)
 */
export async function POST(request: Request): Promise<Response> {
  return getThroughline().webhooks.handle(request);
}

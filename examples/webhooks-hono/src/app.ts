import type { Throughline } from '@throughline/core';
import { Hono } from 'hono';

/**
 * A Hono app with Throughline's webhook entry point and one read route. Hono speaks Web
 * `Request`/`Response`, so the webhook route hands the raw request over untouched: the body
 * bytes the platform signed reach the adapter as they were sent.
 *
 * @param throughline - the instance to serve
 * @returns the app (`app.fetch` runs on Node, Bun, Deno and workers alike)
 */
export function createApp(throughline: Throughline): Hono {
  const app = new Hono();
  app.post('/webhooks/:platform', (context) => throughline.webhooks.handle(context.req.raw));
  app.get('/tenants/:tenantId/customers', async (context) => {
    const phone = context.req.query('phone');
    if (!phone) return context.json({ error: 'phone_required' }, 400);
    const tenant = throughline.tenant(context.req.param('tenantId'));
    const found = await tenant.customers.findByIdentity({ kind: 'phone', value: phone });
    if (!found) return context.json({ error: 'not_found' }, 404);
    const openCase = await tenant.cases.openCaseOf(found.customer.id);
    const page = await tenant.timeline.forCustomer(found.customer.id, { limit: 20 });
    return context.json({ customer: found.customer, openCase: openCase ?? null, timeline: page.events, nextCursor: page.nextCursor });
  });
  return app;
}

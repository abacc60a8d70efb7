// #region integration
import type { Throughline } from '@throughline/core';
import type { ShopifyAdapter } from '@throughline/shopify';

/**
 * Answers "where is order #1042?" on the customer's channel from Shopify's order status, but only
 * to a customer who holds one of the order's identities.
 * @param throughline - the instance
 * @param shopify - the Shopify adapter (for order lookups)
 * @returns a function that stops answering
 */
export function answerOrderQuestions(throughline: Throughline, shopify: ShopifyAdapter): () => void {
  return throughline.events.on('timeline.appended', (event) => {
    if (event.type !== 'message.received' || event.caseId === null) return;
    const number = /#(\d+)/.exec(event.data.body)?.[1];
    if (!number) return;
    const { tenantId, caseId, customerId } = event;
    const acme = throughline.tenant(tenantId);
    void (async () => {
      const order = await shopify.getOrderStatus({ tenantId, orderNumberOrId: number });
      const owners = order ? await Promise.all(order.identities.map((claim) => acme.customers.findByIdentity(claim))) : [];
      const body = owners.some((owner) => owner?.customer.id === customerId)
        ? `Order ${order!.orderName}: ${order!.progress.replace('_', ' ')}${order!.shipments[0]?.trackingUrls[0] ? `, tracking ${order!.shipments[0].trackingUrls[0]}` : ''}.`
        : `We could not find order #${number} for you; an agent will get back to you.`;
      await acme.cases.reply(caseId, { body });
    })().catch((error: unknown) => console.error('order answer failed', error));
  });
}
// #endregion integration

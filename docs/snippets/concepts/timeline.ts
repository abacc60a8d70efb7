import type { TenantApi } from '@throughline/core';

/**
 * Prints a customer's timeline, one line per event, reading each event's typed data.
 * @param acme - the tenant
 * @param customerId - the customer
 * @returns the printed lines
 */
export async function describeTimeline(acme: TenantApi, customerId: string): Promise<string[]> {
  const lines: string[] = [];
  // #region narrow
  const page = await acme.timeline.forCustomer(customerId, { limit: 100 });
  for (const event of page.events) {
    switch (event.type) {
      case 'order.placed':
        lines.push(`${event.data.orderName} placed, ${event.data.total?.amount} ${event.data.total?.currency}`);
        break;
      case 'fulfillment.updated':
        lines.push(`${event.data.orderName} ${event.data.shipmentStatus ?? event.data.status} with ${event.data.carrier}`);
        break;
      case 'message.received':
        lines.push(`${event.channel}: "${event.data.body}"${event.repeatContact ? ' (asked again)' : ''}`);
        break;
      case 'sla.breached':
        lines.push(`${event.data.metric} breached on case ${event.caseId}`);
        break;
      default:
        lines.push(event.type);
    }
  }
  // #endregion narrow
  return lines;
}

/**
 * Reads an order's latest state and the customer's WhatsApp messages.
 * @param acme - the tenant
 * @param customerId - the customer
 * @param orderId - a Shopify order id
 * @returns the order's financial status and the number of WhatsApp messages
 */
export async function filterTimeline(acme: TenantApi, customerId: string, orderId: string): Promise<{ financialStatus: string | null; whatsapp: number }> {
  // #region filter
  const whatsapp = await acme.timeline.forCustomer(customerId, { channels: ['whatsapp'], types: ['message.received', 'message.sent'] });

  // The newest version of an entity wins, whatever order its updates arrived in.
  const order = await acme.entities.current(`shopify:order:${orderId}`);
  const financialStatus = order?.type === 'order.updated' || order?.type === 'order.placed' ? order.data.financialStatus : null;
  // #endregion filter
  return { financialStatus, whatsapp: whatsapp.events.length };
}

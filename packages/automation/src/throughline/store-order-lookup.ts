import type { StoreReader, TimelineEvent } from '@throughline/core';
import type { OrderFacts } from '../answer/order-facts';
import type { OrderLookup } from '../runtime/automation-ports';

const orderTypes = ['order.placed', 'order.updated', 'order.cancelled', 'fulfillment.updated'] as const;

function factsFrom(events: TimelineEvent[]): OrderFacts[] {
  const orders = new Map<string, { order: TimelineEvent; placedAt: string; shipment: TimelineEvent | null }>();
  // Newest first: the first event seen of an order or shipment is its current state.
  for (const event of events) {
    if (event.type === 'fulfillment.updated') {
      const entry = orders.get(event.data.orderId);
      if (entry && entry.shipment === null) entry.shipment = event;
      else if (!entry) orders.set(event.data.orderId, { order: event, placedAt: event.occurredAt, shipment: event });
      continue;
    }
    if (event.type !== 'order.placed' && event.type !== 'order.updated' && event.type !== 'order.cancelled') continue;
    const entry = orders.get(event.data.orderId);
    if (!entry) orders.set(event.data.orderId, { order: event, placedAt: event.occurredAt, shipment: null });
    else {
      if (entry.order.type === 'fulfillment.updated') entry.order = event;
      entry.placedAt = event.occurredAt;
    }
  }
  const facts: OrderFacts[] = [];
  for (const [orderId, { order, placedAt, shipment }] of orders) {
    if (order.type !== 'order.placed' && order.type !== 'order.updated' && order.type !== 'order.cancelled') continue;
    const shipmentData = shipment?.type === 'fulfillment.updated' ? shipment.data : null;
    facts.push({
      orderId,
      customerId: order.customerId,
      orderName: order.data.orderName,
      placedAt,
      fulfilmentStatus: order.data.fulfillmentStatus ?? shipmentData?.status ?? null,
      shipmentStatus: shipmentData?.shipmentStatus ?? null,
      carrier: shipmentData?.carrier ?? null,
      trackingNumber: shipmentData?.trackingNumbers[0] ?? null,
      trackingUrl: shipmentData?.trackingUrls[0] ?? null,
      estimatedDelivery: shipmentData?.estimatedDeliveryAt ?? null,
      cancelledAt: order.data.cancelledAt,
    });
  }
  return facts.sort((a, b) => b.placedAt.localeCompare(a.placedAt));
}

/**
 * Order facts read from the Throughline store: orders and their latest shipment, through the
 * unified customer (so a WhatsApp sender finds the orders placed under their email), and an order
 * number quoted by a customer through the `shopify:order-number` reference identity.
 *
 * @param store - the store
 * @param options - reference namespaces that hold order numbers
 * @returns an `OrderLookup`
 * @example
 * ```ts
 * const orders = createStoreOrderLookup(throughline.store);
 * ```
 */
export function createStoreOrderLookup(store: StoreReader, options: { orderNumberNamespaces?: ReadonlyArray<string> } = {}): OrderLookup {
  const namespaces = options.orderNumberNamespaces ?? ['shopify:order-number'];
  const recentOrders: OrderLookup['recentOrders'] = async ({ tenantId, customerId }) =>
    factsFrom(await store.listEvents({ tenantId, customerId, types: orderTypes, limit: 500 }));
  return {
    recentOrders,
    async findOrder({ tenantId, orderNumber }) {
      const number = orderNumber.replace(/^#/, '');
      const [identity] = await store.findIdentities(tenantId, namespaces.map((namespace) => `ref:${namespace}:${number}`));
      if (!identity) return null;
      const orders = await recentOrders({ tenantId, customerId: identity.customerId });
      return orders.find((order) => order.orderName.replace(/^#/, '') === number) ?? null;
    },
  };
}

import type { IdentityClaim, Money } from '@throughline/core/adapter';

/** Where an order stands, in one word the automation layer can phrase. */
export type OrderProgress = 'cancelled' | 'delivered' | 'shipped' | 'partially_shipped' | 'not_shipped';

/** A shipment of an order, as the automation layer shows it to a customer. */
export interface ShipmentStatus {
  fulfillmentId: string;
  /** `success`, `cancelled`, … (lower case). */
  status: string;
  /** `in_transit`, `out_for_delivery`, `delivered`, `delayed`, … (open-ended, lower case); null when the carrier said nothing. */
  shipmentStatus: string | null;
  carrier: string | null;
  /** Sanitised: no control characters, capped length. */
  trackingNumbers: string[];
  /** Only absolute http(s) URLs. */
  trackingUrls: string[];
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  updatedAt: string | null;
}

/** An order's status for "where is my order" answers. */
export interface OrderStatus {
  orderId: string;
  orderName: string;
  orderNumber: string | null;
  placedAt: string;
  updatedAt: string | null;
  progress: OrderProgress;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  total: Money | null;
  itemCount: number;
  /** The customer-facing order status page. */
  statusUrl: string | null;
  shipments: ShipmentStatus[];
  /** The latest estimated delivery among shipments not yet delivered; null when no carrier gave one. */
  expectedDeliveryAt: string | null;
  /** Who the order belongs to: check the asker holds one of these before answering. */
  identities: IdentityClaim[];
}

import type { IdentityClaim, Money } from '@throughline/core/adapter';

/** Where an order stands, in one word the automation layer can phrase. */
export type OrderProgress = 'cancelled' | 'delivered' | 'shipped' | 'partially_shipped' | 'not_shipped';

/** A shipment of an order, as the automation layer shows it to a customer. */
export interface ShipmentStatus {
  /** Shopify's id of the fulfilment. */
  fulfillmentId: string;
  /** `success`, `cancelled`, … (lower case). */
  status: string;
  /** `in_transit`, `out_for_delivery`, `delivered`, `delayed`, … (open-ended, lower case); null when the carrier said nothing. */
  shipmentStatus: string | null;
  /** The carrier's name, such as `UPS`, when known. */
  carrier: string | null;
  /** Sanitised: no control characters, capped length. */
  trackingNumbers: string[];
  /** Only absolute http(s) URLs. */
  trackingUrls: string[];
  /** When the carrier expects to deliver (ISO-8601), when it said. */
  estimatedDeliveryAt: string | null;
  /** When the carrier delivered (ISO-8601), once it did. */
  deliveredAt: string | null;
  /** When Shopify last updated the fulfilment (ISO-8601). */
  updatedAt: string | null;
}

/** An order's status for "where is my order" answers. */
export interface OrderStatus {
  /** Shopify's order id, as a decimal string. */
  orderId: string;
  /** The name the customer sees, such as `#1001`. */
  orderName: string;
  /** The order number without `#`, such as `1001`. */
  orderNumber: string | null;
  /** When the order was placed (ISO-8601). */
  placedAt: string;
  /** When Shopify last updated the order (ISO-8601). */
  updatedAt: string | null;
  /** Where the order stands, in one word. */
  progress: OrderProgress;
  /** Shopify's payment status (`paid`, `partially_refunded`, …), lower case. */
  financialStatus: string | null;
  /** Shopify's fulfilment status (`fulfilled`, `partial`, …), lower case; null before anything shipped. */
  fulfillmentStatus: string | null;
  /** When the order was cancelled (ISO-8601); null while it is not. */
  cancelledAt: string | null;
  /** Why it was cancelled (`customer`, `inventory`, `fraud`, …), lower case. */
  cancelReason: string | null;
  /** What the customer paid, as an exact decimal with its currency. */
  total: Money | null;
  /** Units ordered. */
  itemCount: number;
  /** The customer-facing order status page. */
  statusUrl: string | null;
  /** Every fulfilment, in Shopify's order. */
  shipments: ShipmentStatus[];
  /** The latest estimated delivery among shipments not yet delivered; null when no carrier gave one. */
  expectedDeliveryAt: string | null;
  /** Who the order belongs to: check the asker holds one of these before answering. */
  identities: IdentityClaim[];
}

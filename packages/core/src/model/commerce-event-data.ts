import { z } from 'zod';
import { instantSchema, moneySchema } from './primitives';

/** Facts about an order as it stands after the event. */
export const orderEventDataSchema = z.object({
  /** The platform's order id (for Shopify a decimal string, exact beyond 2^53). */
  orderId: z.string(),
  /** Shop-facing order name, such as `#1001`. */
  orderName: z.string(),
  /** The order number without the `#`, such as `1001`, when the platform has one. */
  orderNumber: z.string().nullable(),
  /** Payment state as the platform words it (`paid`, `pending`, `refunded`, …), lower case. */
  financialStatus: z.string().nullable(),
  /** Fulfilment state as the platform words it (`fulfilled`, `partial`, …); null before anything shipped. */
  fulfillmentStatus: z.string().nullable(),
  /** What the customer paid, as an exact decimal with its currency. */
  total: moneySchema.nullable(),
  /** Units ordered, summed over the line items. */
  itemCount: z.number().int().nonnegative(),
  /** The customer-facing order status page. */
  statusUrl: z.string().nullable(),
  /** Set once the order is cancelled. */
  cancelledAt: instantSchema.nullable(),
  /** Why the order was cancelled (`customer`, `inventory`, `fraud`, …), as the platform words it. */
  cancelReason: z.string().nullable(),
});
/** Facts about an order. */
export type OrderEventData = z.infer<typeof orderEventDataSchema>;

/** A refund against an order. */
export const refundEventDataSchema = z.object({
  /** The platform's id of the refunded order. */
  orderId: z.string(),
  /** Shop-facing name of the refunded order, such as `#1001`, when known. */
  orderName: z.string().nullable(),
  /** The platform's id of the refund. */
  refundId: z.string(),
  /** The amount refunded, as an exact decimal with its currency. */
  amount: moneySchema.nullable(),
  /** The note the merchant gave with the refund. */
  note: z.string().nullable(),
});
/** A refund against an order. */
export type RefundEventData = z.infer<typeof refundEventDataSchema>;

/** A shipment's state: carrier, tracking and shipment status (open-ended values). */
export const fulfillmentEventDataSchema = z.object({
  /** The platform's id of the order shipped. */
  orderId: z.string(),
  /** Shop-facing name of the order, such as `#1001`, when known. */
  orderName: z.string().nullable(),
  /** The platform's id of the fulfilment (one shipment). */
  fulfillmentId: z.string(),
  /** The fulfilment's own state (`success`, `cancelled`, `pending`, …), lower case. */
  status: z.string(),
  /** `in_transit`, `out_for_delivery`, `delivered`, `delayed`, `failure`, …; null when the carrier said nothing. */
  shipmentStatus: z.string().nullable(),
  /** The carrier's name, such as `UPS`. */
  carrier: z.string().nullable(),
  /** Tracking numbers, sanitised. */
  trackingNumbers: z.array(z.string()),
  /** Tracking links; only absolute http(s) URLs. */
  trackingUrls: z.array(z.string()),
  /** When the carrier expects to deliver. */
  estimatedDeliveryAt: instantSchema.nullable(),
});
/** A shipment's state. */
export type FulfillmentEventData = z.infer<typeof fulfillmentEventDataSchema>;

/** What a platform said about a customer record (created or updated): identities and profile travel on the envelope. */
export const customerUpdatedDataSchema = z.object({
  /** The platform's own id of the customer record. */
  externalId: z.string(),
  /** Whether the record was created (first seen) or updated. */
  change: z.enum(['created', 'updated']),
  /** The platform's tags on the customer record. */
  tags: z.array(z.string()),
});
/** What a platform said about a customer record. */
export type CustomerUpdatedData = z.infer<typeof customerUpdatedDataSchema>;

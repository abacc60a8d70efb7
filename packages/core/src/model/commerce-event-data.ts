import { z } from 'zod';
import { instantSchema, moneySchema } from './primitives';

/** Facts about an order as it stands after the event. */
export const orderEventDataSchema = z.object({
  orderId: z.string(),
  /** Shop-facing order name, such as `#1001`. */
  orderName: z.string(),
  orderNumber: z.string().nullable(),
  financialStatus: z.string().nullable(),
  fulfillmentStatus: z.string().nullable(),
  total: moneySchema.nullable(),
  itemCount: z.number().int().nonnegative(),
  statusUrl: z.string().nullable(),
  /** Set once the order is cancelled. */
  cancelledAt: instantSchema.nullable(),
  cancelReason: z.string().nullable(),
});
/** Facts about an order. */
export type OrderEventData = z.infer<typeof orderEventDataSchema>;

/** A refund against an order. */
export const refundEventDataSchema = z.object({
  orderId: z.string(),
  orderName: z.string().nullable(),
  refundId: z.string(),
  amount: moneySchema.nullable(),
  note: z.string().nullable(),
});
/** A refund against an order. */
export type RefundEventData = z.infer<typeof refundEventDataSchema>;

/** A shipment's state: carrier, tracking and shipment status (open-ended values). */
export const fulfillmentEventDataSchema = z.object({
  orderId: z.string(),
  orderName: z.string().nullable(),
  fulfillmentId: z.string(),
  status: z.string(),
  /** `in_transit`, `out_for_delivery`, `delivered`, `delayed`, `failure`, …; null when the carrier said nothing. */
  shipmentStatus: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumbers: z.array(z.string()),
  trackingUrls: z.array(z.string()),
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
  tags: z.array(z.string()),
});
/** What a platform said about a customer record. */
export type CustomerUpdatedData = z.infer<typeof customerUpdatedDataSchema>;

/** What the shop knows about one order's delivery: the facts an order-status answer may use. */
export interface OrderFacts {
  /** The shop's order id (Shopify `admin_graphql_api_id` or numeric id as a string). */
  readonly orderId: string;
  /** The customer the order belongs to, after identity resolution. */
  readonly customerId: string;
  /** Shop-facing name, such as `#1001`. */
  readonly orderName: string;
  /** When the order was placed (ISO 8601). */
  readonly placedAt: string;
  /** Shopify's `fulfillment_status`: `fulfilled`, `partial`, `unfulfilled`/null, … (open-ended). */
  readonly fulfilmentStatus: string | null;
  /** The latest shipment's `shipment_status`: `in_transit`, `delivered`, `delayed`, `failure`, … (open-ended). */
  readonly shipmentStatus: string | null;
  /** Carrier name as the shop recorded it (untrusted text). */
  readonly carrier: string | null;
  /** Tracking number (untrusted text). */
  readonly trackingNumber: string | null;
  /** Tracking link (untrusted text). */
  readonly trackingUrl: string | null;
  /** The carrier's delivery estimate (ISO 8601). */
  readonly estimatedDelivery: string | null;
  /** Set when the order was cancelled (ISO 8601). */
  readonly cancelledAt?: string | null;
}

import { z } from 'zod';

// Webhook payloads are the REST resource representation:
// https://shopify.dev/docs/apps/build/webhooks/delivery-structure#payload

/** An id as `parseJsonLossless` leaves it: a string beyond 2^53, a number below. */
export const shopifyIdSchema = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

/** A decimal amount: Shopify sends money as strings, but older payloads can carry numbers. */
const decimalSchema = z.union([z.string(), z.number()]).transform(String);

const timestampSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO-8601 timestamp');

/** A customer as embedded in an order or sent by `customers/*`. */
export const restCustomerSchema = z.object({
  id: shopifyIdSchema,
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  created_at: timestampSchema.nullish(),
  updated_at: timestampSchema.nullish(),
});
/** A customer in REST form. */
export type RestCustomer = z.infer<typeof restCustomerSchema>;

/** A fulfilment in REST form (`fulfillments/*` and `order.fulfillments[]`). */
export const restFulfillmentSchema = z.object({
  id: shopifyIdSchema,
  order_id: shopifyIdSchema.nullish(),
  name: z.string().nullish(),
  status: z.string().nullish(),
  shipment_status: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_numbers: z.array(z.string().nullable()).nullish(),
  tracking_url: z.string().nullish(),
  tracking_urls: z.array(z.string().nullable()).nullish(),
  estimated_delivery_at: timestampSchema.nullish(),
  email: z.string().nullish(),
  destination: z.object({ phone: z.string().nullish() }).nullish(),
  created_at: timestampSchema.nullish(),
  updated_at: timestampSchema.nullish(),
});
/** A fulfilment in REST form. */
export type RestFulfillment = z.infer<typeof restFulfillmentSchema>;

/** A refund transaction. */
const restTransactionSchema = z.object({
  id: shopifyIdSchema.nullish(),
  kind: z.string().nullish(),
  status: z.string().nullish(),
  amount: decimalSchema.nullish(),
  currency: z.string().nullish(),
});

/** A refund in REST form (`refunds/create` and `order.refunds[]`). */
export const restRefundSchema = z.object({
  id: shopifyIdSchema,
  order_id: shopifyIdSchema,
  created_at: timestampSchema,
  processed_at: timestampSchema.nullish(),
  note: z.string().nullish(),
  transactions: z.array(restTransactionSchema).nullish(),
});
/** A refund in REST form. */
export type RestRefund = z.infer<typeof restRefundSchema>;

/** An order in REST form (`orders/*`). */
export const restOrderSchema = z.object({
  id: shopifyIdSchema,
  name: z.string().nullish(),
  order_number: z.union([z.number(), z.string()]).transform(String).nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  phone: z.string().nullish(),
  customer: restCustomerSchema.nullish(),
  created_at: timestampSchema,
  updated_at: timestampSchema.nullish(),
  cancelled_at: timestampSchema.nullish(),
  cancel_reason: z.string().nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  currency: z.string().nullish(),
  total_price: decimalSchema.nullish(),
  order_status_url: z.string().nullish(),
  line_items: z.array(z.object({ quantity: z.number().int().nullish() })).nullish(),
  fulfillments: z.array(restFulfillmentSchema).nullish(),
  refunds: z.array(restRefundSchema).nullish(),
  billing_address: z.object({ phone: z.string().nullish() }).nullish(),
  shipping_address: z.object({ phone: z.string().nullish() }).nullish(),
  tags: z.string().nullish(),
});
/** An order in REST form. */
export type RestOrder = z.infer<typeof restOrderSchema>;

// Mandatory compliance topics: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
// Any of the customer's id, email and phone may be missing; a request can name orders only.
const privacyCustomerSchema = z
  .object({
    id: shopifyIdSchema.nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .nullish();

/** `customers/data_request` payload. */
export const customerDataRequestSchema = z.object({
  shop_domain: z.string(),
  customer: privacyCustomerSchema,
  orders_requested: z.array(shopifyIdSchema).nullish(),
  data_request: z.object({ id: shopifyIdSchema }).nullish(),
});

/** `customers/redact` payload. */
export const customerRedactSchema = z.object({
  shop_domain: z.string(),
  customer: privacyCustomerSchema,
  orders_to_redact: z.array(shopifyIdSchema).nullish(),
});

/** `shop/redact` payload. */
export const shopRedactSchema = z.object({
  shop_domain: z.string(),
});

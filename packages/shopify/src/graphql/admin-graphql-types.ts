import { z } from 'zod';

// Minimal shapes of the Admin GraphQL answers the adapter reads; ids arrive as strings (UnsignedInt64 and ID).

const moneyBagSchema = z.object({
  shopMoney: z.object({ amount: z.union([z.string(), z.number()]).transform(String), currencyCode: z.string() }),
});

/** A customer node. */
export const graphqlCustomerSchema = z.object({
  id: z.string(),
  legacyResourceId: z.union([z.string(), z.number()]).transform(String),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  updatedAt: z.string().nullish(),
  defaultEmailAddress: z.object({ emailAddress: z.string().nullish() }).nullish(),
  defaultPhoneNumber: z.object({ phoneNumber: z.string().nullish() }).nullish(),
});
/** A customer node. */
export type GraphqlCustomer = z.infer<typeof graphqlCustomerSchema>;

/** A fulfilment of an order. */
export const graphqlFulfillmentSchema = z.object({
  id: z.string(),
  legacyResourceId: z.union([z.string(), z.number()]).transform(String),
  name: z.string().nullish(),
  status: z.string(),
  displayStatus: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  deliveredAt: z.string().nullish(),
  estimatedDeliveryAt: z.string().nullish(),
  trackingInfo: z
    .array(z.object({ company: z.string().nullish(), number: z.string().nullish(), url: z.string().nullish() }))
    .nullish(),
});

/** A refund of an order. */
export const graphqlRefundSchema = z.object({
  id: z.string(),
  legacyResourceId: z.union([z.string(), z.number()]).transform(String),
  createdAt: z.string().nullish(),
  note: z.string().nullish(),
  totalRefundedSet: moneyBagSchema.nullish(),
});

/** An order node with its customer, fulfilments and refunds. */
export const graphqlOrderSchema = z.object({
  id: z.string(),
  legacyResourceId: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  number: z.number().int().nullish(),
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
  cancelledAt: z.string().nullish(),
  cancelReason: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  statusPageUrl: z.string().nullish(),
  subtotalLineItemsQuantity: z.number().int().nullish(),
  totalPriceSet: moneyBagSchema.nullish(),
  customer: graphqlCustomerSchema.nullish(),
  fulfillments: z.array(graphqlFulfillmentSchema).nullish(),
  refunds: z.array(graphqlRefundSchema).nullish(),
});
/** An order node. */
export type GraphqlOrder = z.infer<typeof graphqlOrderSchema>;

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

/** A page of a connection. */
export function connectionSchema<T extends z.ZodType>(node: T) {
  return z.object({ pageInfo: pageInfoSchema, nodes: z.array(node) });
}

/** The answer of the orders backfill and search queries. */
export const ordersPageSchema = z.object({ orders: connectionSchema(graphqlOrderSchema) });
/** The answer of the customers backfill query. */
export const customersPageSchema = z.object({ customers: connectionSchema(graphqlCustomerSchema) });
/** The answer of the order-by-id query. */
export const orderByIdSchema = z.object({ order: graphqlOrderSchema.nullable() });

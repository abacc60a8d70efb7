import { buildSchema, type GraphQLSchema } from 'graphql';

// A subset of the Admin GraphQL schema, with Shopify's own type, field and enum names:
// https://shopify.dev/docs/api/admin-graphql/latest — queries outside it fail validation, as they would on Shopify.
const adminSdl = /* GraphQL */ `
  scalar DateTime
  scalar Decimal
  scalar URL
  scalar UnsignedInt64

  enum CurrencyCode { USD EUR GBP CAD AUD JPY CHF SEK NOK DKK PLN }
  enum OrderSortKeys { CREATED_AT CUSTOMER_NAME ID ORDER_NUMBER PROCESSED_AT TOTAL_PRICE UPDATED_AT }
  enum CustomerSortKeys { CREATED_AT ID NAME UPDATED_AT }
  enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
  enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
  enum OrderDisplayFulfillmentStatus {
    FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED RESTOCKED SCHEDULED UNFULFILLED
  }
  enum FulfillmentStatus { CANCELLED ERROR FAILURE SUCCESS OPEN PENDING }
  enum FulfillmentDisplayStatus {
    ATTEMPTED_DELIVERY CANCELED CONFIRMED DELAYED DELIVERED FAILURE FULFILLED IN_TRANSIT LABEL_PRINTED LABEL_PURCHASED
    LABEL_VOIDED MARKED_AS_FULFILLED NOT_DELIVERED OUT_FOR_DELIVERY PICKED_UP READY_FOR_PICKUP SUBMITTED
  }

  type Query {
    shop: Shop!
    order(id: ID!): Order
    orders(first: Int, after: String, last: Int, before: String, query: String, reverse: Boolean = false, sortKey: OrderSortKeys = ID): OrderConnection!
    customer(id: ID!): Customer
    customers(first: Int, after: String, last: Int, before: String, query: String, reverse: Boolean = false, sortKey: CustomerSortKeys = ID): CustomerConnection!
  }

  type Shop { name: String! myshopifyDomain: String! currencyCode: CurrencyCode! }

  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }

  type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }
  type OrderEdge { cursor: String! node: Order! }
  type CustomerConnection { edges: [CustomerEdge!]! nodes: [Customer!]! pageInfo: PageInfo! }
  type CustomerEdge { cursor: String! node: Customer! }

  type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
  type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }

  type CustomerEmailAddress { emailAddress: String }
  type CustomerPhoneNumber { phoneNumber: String! }

  type Customer {
    id: ID!
    legacyResourceId: UnsignedInt64!
    firstName: String
    lastName: String
    displayName: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    defaultEmailAddress: CustomerEmailAddress
    defaultPhoneNumber: CustomerPhoneNumber
    numberOfOrders: UnsignedInt64!
    tags: [String!]!
  }

  type FulfillmentTrackingInfo { company: String number: String url: URL }

  type Fulfillment {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    status: FulfillmentStatus!
    displayStatus: FulfillmentDisplayStatus
    createdAt: DateTime!
    updatedAt: DateTime!
    deliveredAt: DateTime
    estimatedDeliveryAt: DateTime
    inTransitAt: DateTime
    trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
  }

  type Refund {
    id: ID!
    legacyResourceId: UnsignedInt64!
    createdAt: DateTime
    note: String
    totalRefundedSet: MoneyBag!
  }

  type Order {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    number: Int!
    createdAt: DateTime!
    updatedAt: DateTime!
    processedAt: DateTime!
    cancelledAt: DateTime
    cancelReason: OrderCancelReason
    closedAt: DateTime
    displayFinancialStatus: OrderDisplayFinancialStatus
    displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    email: String
    phone: String
    note: String
    tags: [String!]!
    statusPageUrl: URL!
    subtotalLineItemsQuantity: Int!
    currencyCode: CurrencyCode!
    totalPriceSet: MoneyBag!
    customer: Customer
    fulfillments(first: Int): [Fulfillment!]!
    refunds(first: Int): [Refund!]!
  }
`;

let schema: GraphQLSchema | undefined;

/**
 * The fake's Admin GraphQL schema (built once).
 * @returns the schema
 * @example
 * ```ts
 * import { parse, validate } from 'graphql';
 *
 * validate(adminSchema(), parse('{ orders(first: 10) { nodes { id name } } }')); // [] (no errors)
 * ```
 */
export function adminSchema(): GraphQLSchema {
  schema ??= buildSchema(adminSdl);
  return schema;
}

// Admin GraphQL queries the adapter sends. Field names follow https://shopify.dev/docs/api/admin-graphql/latest
// (Customer email and phone moved to defaultEmailAddress / defaultPhoneNumber in 2025-04).

/**
 * How many items of an order's nested lists a query asks for. `Order.fulfillments`, `Order.refunds` and
 * `Fulfillment.trackingInfo` are plain lists, not connections: `first` truncates them and there is no
 * cursor to read the rest (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.fulfillments).
 */
export interface OrderListLimits {
  /** Fulfilments an order. */
  fulfillments: number;
  /** Tracking numbers a fulfilment. */
  trackingInfo: number;
  /** Refunds an order. */
  refunds: number;
}

/**
 * Lists of a page of orders: kept short, since each multiplies the requested cost of every order of the
 * page. An order that fills one of them is read again alone with {@link fullOrderLists}.
 */
export const pageOrderLists: OrderListLimits = { fulfillments: 5, trackingInfo: 3, refunds: 5 };

/**
 * Lists of one order read alone: as long as one query may ask for, since a query may cost at most 1000
 * points: 50 × (1 + 10) + 100 × 3 + 6 = 856. An order that fills one of these cannot be read in full.
 */
export const fullOrderLists: OrderListLimits = { fulfillments: 50, trackingInfo: 10, refunds: 100 };

const customerFields = /* GraphQL */ `
  id
  legacyResourceId
  firstName
  lastName
  updatedAt
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
`;

function orderFields(lists: OrderListLimits): string {
  return /* GraphQL */ `
  id
  legacyResourceId
  name
  number
  createdAt
  updatedAt
  cancelledAt
  cancelReason
  displayFinancialStatus
  displayFulfillmentStatus
  email
  phone
  statusPageUrl
  subtotalLineItemsQuantity
  totalPriceSet { shopMoney { amount currencyCode } }
  customer { ${customerFields} }
  fulfillments(first: ${lists.fulfillments}) {
    id
    legacyResourceId
    name
    status
    displayStatus
    createdAt
    updatedAt
    deliveredAt
    estimatedDeliveryAt
    trackingInfo(first: ${lists.trackingInfo}) { company number url }
  }
  refunds(first: ${lists.refunds}) {
    id
    legacyResourceId
    createdAt
    note
    totalRefundedSet { shopMoney { amount currencyCode } }
  }
`;
}

/** Orders updated since a date, oldest change first, one page. */
export const backfillOrdersQuery = /* GraphQL */ `
  query ThroughlineBackfillOrders($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes { ${orderFields(pageOrderLists)} }
    }
  }
`;

/** Customers updated since a date, oldest change first, one page. */
export const backfillCustomersQuery = /* GraphQL */ `
  query ThroughlineBackfillCustomers($first: Int!, $after: String, $query: String) {
    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes { ${customerFields} }
    }
  }
`;

/** One order by its global id, with the lists of a page. */
export const orderByIdQuery = /* GraphQL */ `
  query ThroughlineOrderById($id: ID!) {
    order(id: $id) { ${orderFields(pageOrderLists)} }
  }
`;

/** One order by its global id, with lists as long as one query may ask for. */
export const fullOrderByIdQuery = /* GraphQL */ `
  query ThroughlineFullOrderById($id: ID!) {
    order(id: $id) { ${orderFields(fullOrderLists)} }
  }
`;

/** Orders matching a search (`name:#1001`, `customer_id:…`, `email:…`), newest first. */
export const ordersSearchQuery = /* GraphQL */ `
  query ThroughlineOrdersSearch($first: Int!, $query: String!) {
    orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo { hasNextPage endCursor }
      nodes { ${orderFields(pageOrderLists)} }
    }
  }
`;

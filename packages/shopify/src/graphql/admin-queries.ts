// Admin GraphQL queries the adapter sends. Field names follow https://shopify.dev/docs/api/admin-graphql/latest
// (Customer email and phone moved to defaultEmailAddress / defaultPhoneNumber in 2025-04).
// Nested lists are kept short (5 fulfilments, 3 tracking numbers, 5 refunds an order): each multiplies the
// requested cost of every node, and a query may cost at most 1000 points.

const customerFields = /* GraphQL */ `
  id
  legacyResourceId
  firstName
  lastName
  updatedAt
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
`;

const orderFields = /* GraphQL */ `
  id
  legacyResourceId
  name
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
  fulfillments(first: 5) {
    id
    legacyResourceId
    name
    status
    displayStatus
    createdAt
    updatedAt
    deliveredAt
    estimatedDeliveryAt
    trackingInfo(first: 3) { company number url }
  }
  refunds(first: 5) {
    id
    legacyResourceId
    createdAt
    note
    totalRefundedSet { shopMoney { amount currencyCode } }
  }
`;

/** Orders updated since a date, oldest change first, one page. */
export const backfillOrdersQuery = /* GraphQL */ `
  query ThroughlineBackfillOrders($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes { ${orderFields} }
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

/** One order by its global id. */
export const orderByIdQuery = /* GraphQL */ `
  query ThroughlineOrderById($id: ID!) {
    order(id: $id) { ${orderFields} }
  }
`;

/** Orders matching a search (`name:#1001`, `customer_id:…`, `email:…`), newest first. */
export const ordersSearchQuery = /* GraphQL */ `
  query ThroughlineOrdersSearch($first: Int!, $query: String!) {
    orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo { hasNextPage endCursor }
      nodes { ${orderFields} }
    }
  }
`;

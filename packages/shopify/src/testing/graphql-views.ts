import type { FakeCustomer, FakeFulfillment, FakeOrder, FakeRefund, ShopifyDataset } from './shopify-dataset';
import { compileSearch } from './search-query';

// Resolver objects over the dataset in Admin GraphQL shapes (graphql-js calls function-valued fields with their arguments).

/** Arguments of a connection field. */
export interface ConnectionArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

/** A request the fake refuses the way Shopify does, as a GraphQL error. */
export class FakeGraphqlError extends Error {}

const maxPageSize = 250;

function money(amount: string, currency: string) {
  const bag = { amount, currencyCode: currency };
  return { shopMoney: bag, presentmentMoney: bag };
}

function limited<T>(items: T[], first: number | null | undefined): T[] {
  return typeof first === 'number' ? items.slice(0, Math.max(0, first)) : items;
}

// Carrier statuses map onto displayStatus; without one the display status is the fulfilment's own.
function displayStatus(fulfillment: FakeFulfillment): string {
  if (fulfillment.status === 'cancelled') return 'CANCELED';
  return fulfillment.shipmentStatus ? fulfillment.shipmentStatus.toUpperCase() : 'FULFILLED';
}

function fulfillmentView(fulfillment: FakeFulfillment) {
  return {
    id: `gid://shopify/Fulfillment/${fulfillment.id}`,
    legacyResourceId: fulfillment.id.toString(),
    name: fulfillment.name,
    status: fulfillment.status.toUpperCase(),
    displayStatus: displayStatus(fulfillment),
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.updatedAt,
    deliveredAt: fulfillment.deliveredAt,
    estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
    inTransitAt: fulfillment.shipmentStatus ? fulfillment.createdAt : null,
    trackingInfo: ({ first }: { first?: number | null }) =>
      limited(
        fulfillment.trackingNumbers.map((number, index) => ({
          company: fulfillment.carrier,
          number,
          url: fulfillment.trackingUrls[index] ?? null,
        })),
        first,
      ),
  };
}

function refundView(refund: FakeRefund) {
  return {
    id: `gid://shopify/Refund/${refund.id}`,
    legacyResourceId: refund.id.toString(),
    createdAt: refund.createdAt,
    note: refund.note,
    totalRefundedSet: money(refund.amount, refund.currency),
  };
}

/**
 * A customer in Admin GraphQL shape.
 * @param customer - the fake customer
 * @param dataset - the shop, for the order count
 * @returns the resolver object
 */
export function customerView(customer: FakeCustomer, dataset: ShopifyDataset) {
  return {
    id: `gid://shopify/Customer/${customer.id}`,
    legacyResourceId: customer.id.toString(),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || '',
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
    defaultPhoneNumber: customer.phone ? { phoneNumber: customer.phone } : null,
    numberOfOrders: () => String(dataset.orders.filter((order) => order.customerId === customer.id).length),
    tags: [],
  };
}

const fulfillmentDisplay: Record<string, string> = { fulfilled: 'FULFILLED', partial: 'PARTIALLY_FULFILLED', restocked: 'RESTOCKED' };

/**
 * An order in Admin GraphQL shape.
 * @param order - the fake order
 * @param dataset - the shop, for the customer
 * @returns the resolver object
 */
export function orderView(order: FakeOrder, dataset: ShopifyDataset) {
  const customer = order.customerId === null ? undefined : dataset.customer(order.customerId);
  return {
    id: `gid://shopify/Order/${order.id}`,
    legacyResourceId: order.id.toString(),
    name: order.name,
    number: order.number,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    closedAt: null,
    displayFinancialStatus: order.financialStatus.toUpperCase(),
    displayFulfillmentStatus: order.fulfillmentStatus === null ? 'UNFULFILLED' : (fulfillmentDisplay[order.fulfillmentStatus] ?? 'UNFULFILLED'),
    email: order.email,
    phone: order.phone,
    note: null,
    tags: order.tags,
    statusPageUrl: `https://${dataset.shop}/${order.id % 100000n}/orders/${order.id.toString(16)}/authenticate?key=${order.number}`,
    subtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    currencyCode: order.currency,
    totalPriceSet: money(order.totalPrice, order.currency),
    customer: customer ? customerView(customer, dataset) : null,
    fulfillments: ({ first }: { first?: number | null }) => limited(order.fulfillments, first).map(fulfillmentView),
    refunds: ({ first }: { first?: number | null }) => limited(order.refunds, first).map(refundView),
  };
}

function encodeCursor(id: bigint, value: number): string {
  return btoa(JSON.stringify({ last_id: id.toString(), last_value: value }));
}

function decodeCursor(cursor: string): { id: bigint; value: number } {
  try {
    const parsed = JSON.parse(atob(cursor)) as { last_id: string; last_value: number };
    return { id: BigInt(parsed.last_id), value: Number(parsed.last_value) };
  } catch {
    throw new FakeGraphqlError('Invalid cursor for current pagination sort.');
  }
}

/** Records matching a search, sorted by the connection's key, with their keys: built once per dataset revision. */
export interface SortedMatches<T> {
  entries: Array<{ record: T; key: { id: bigint; value: number } }>;
  direction: 1 | -1;
}

function compareKeys(direction: number, left: { id: bigint; value: number }, right: { id: bigint; value: number }): number {
  return direction * (left.value !== right.value ? left.value - right.value : left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}

/**
 * Filters and sorts records for a connection.
 * @param records - every record of the resource
 * @param matches - the search predicate
 * @param sortValue - the record's value for the sort key
 * @param reverse - newest first
 * @returns the sorted matches
 */
export function sortMatches<T extends { id: bigint }>(
  records: ReadonlyArray<T>,
  matches: (record: T) => boolean,
  sortValue: (record: T) => number,
  reverse: boolean,
): SortedMatches<T> {
  const direction = reverse ? -1 : 1;
  const entries = records.filter(matches).map((record) => ({ record, key: { id: record.id, value: sortValue(record) } }));
  entries.sort((left, right) => compareKeys(direction, left.key, right.key));
  return { entries, direction };
}

/**
 * Pages through sorted records the way Admin GraphQL connections do: `first` nodes after an opaque
 * cursor (the last node's sort value and id), at most 250 a page.
 * @param sorted - the sorted matches
 * @param args - connection arguments
 * @param view - builds the node
 * @returns the connection object
 * @throws {FakeGraphqlError} when `first`/`last` are missing or too large, or the cursor is not the fake's
 */
export function connection<T extends { id: bigint }, V>(sorted: SortedMatches<T>, args: ConnectionArguments, view: (record: T) => V) {
  if (args.last !== undefined && args.last !== null) throw new FakeGraphqlError('The fake supports `first`/`after` pagination only.');
  if (args.first === undefined || args.first === null) throw new FakeGraphqlError('you must provide one of first or last');
  if (args.first > maxPageSize || args.first < 0) throw new FakeGraphqlError(`The first argument must be between 0 and ${maxPageSize}.`);
  const after = args.after ? decodeCursor(args.after) : null;
  const { entries, direction } = sorted;
  // Keyset pagination: binary search for the first entry after the cursor.
  let low = 0;
  let high = entries.length;
  if (after !== null) {
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(direction, entries[middle]!.key, after) > 0) high = middle;
      else low = middle + 1;
    }
  }
  const page = entries.slice(low, low + args.first);
  const edges = page.map((entry) => ({ cursor: encodeCursor(entry.key.id, entry.key.value), node: view(entry.record) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: low + page.length < entries.length,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function sortBy(sortKey: string | null | undefined): (record: { id: bigint; createdAt: string; updatedAt: string }) => number {
  if (sortKey === 'UPDATED_AT') return (record) => Date.parse(record.updatedAt);
  if (sortKey === 'CREATED_AT' || sortKey === 'PROCESSED_AT') return (record) => Date.parse(record.createdAt);
  return () => 0;
}

function gidNumber(id: string, type: string): string | null {
  return new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(id)?.[1] ?? null;
}

/**
 * The root resolvers of the fake Admin API over a dataset.
 * @param dataset - the shop
 * @returns the root value for graphql-js
 */
export function rootResolvers(dataset: ShopifyDataset) {
  // Searches are indexed once per dataset revision, so paging through 20,000 orders stays linear.
  const indexes = new Map<string, { revision: number; sorted: SortedMatches<never> }>();
  function cached<T extends { id: bigint }>(key: string, build: () => SortedMatches<T>): SortedMatches<T> {
    const hit = indexes.get(key);
    if (hit && hit.revision === dataset.revision) return hit.sorted as unknown as SortedMatches<T>;
    const sorted = build();
    if (indexes.size > 50) indexes.clear();
    indexes.set(key, { revision: dataset.revision, sorted: sorted as unknown as SortedMatches<never> });
    return sorted;
  }
  const searchOrders = (query: string | null | undefined) =>
    compileSearch<FakeOrder>(
      query,
      (order, field) => {
        if (field === 'updated_at') return order.updatedAt;
        if (field === 'created_at' || field === 'processed_at') return order.createdAt;
        if (field === 'name') return order.name;
        if (field === 'email') return order.email;
        if (field === 'customer_id') return order.customerId?.toString() ?? null;
        if (field === 'id') return order.id.toString();
        return undefined;
      },
      (order, word) => order.name.toLowerCase().includes(word.toLowerCase()) || (order.email ?? '').includes(word.toLowerCase()),
    );
  const searchCustomers = (query: string | null | undefined) =>
    compileSearch<FakeCustomer>(
      query,
      (customer, field) => {
        if (field === 'updated_at') return customer.updatedAt;
        if (field === 'created_at') return customer.createdAt;
        if (field === 'email') return customer.email;
        if (field === 'phone') return customer.phone;
        if (field === 'id') return customer.id.toString();
        return undefined;
      },
      (customer, word) => [customer.firstName, customer.lastName, customer.email].some((value) => value?.toLowerCase().includes(word.toLowerCase())),
    );
  return {
    shop: { name: dataset.shop.replace(/\.myshopify\.com$/, ''), myshopifyDomain: dataset.shop, currencyCode: dataset.currency },
    order: ({ id }: { id: string }) => {
      const number = gidNumber(id, 'Order');
      const order = number === null ? undefined : dataset.order(number);
      return order ? orderView(order, dataset) : null;
    },
    customer: ({ id }: { id: string }) => {
      const number = gidNumber(id, 'Customer');
      const customer = number === null ? undefined : dataset.customer(number);
      return customer ? customerView(customer, dataset) : null;
    },
    orders: (args: ConnectionArguments) =>
      connection(
        cached(`orders|${args.query ?? ''}|${args.sortKey}|${args.reverse}`, () =>
          sortMatches(dataset.orders, searchOrders(args.query), sortBy(args.sortKey), args.reverse === true),
        ),
        args,
        (order) => orderView(order, dataset),
      ),
    customers: (args: ConnectionArguments) =>
      connection(
        cached(`customers|${args.query ?? ''}|${args.sortKey}|${args.reverse}`, () =>
          sortMatches(dataset.customers, searchCustomers(args.query), sortBy(args.sortKey), args.reverse === true),
        ),
        args,
        (customer) => customerView(customer, dataset),
      ),
  };
}

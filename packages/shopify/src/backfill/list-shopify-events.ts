import { ApiCallError, type EventPage, type IncomingEvent, type ListEventsOptions, type UnreadableRecord } from '@throughline/core/adapter';
import type { AdminGraphqlClient } from '../graphql/admin-graphql-client';
import { customersPageSchema, type GraphqlOrder, ordersPageSchema } from '../graphql/admin-graphql-types';
import { backfillCustomersQuery, backfillOrdersQuery, fullOrderLists, type OrderListLimits } from '../graphql/admin-queries';
import { readFullOrder } from '../graphql/read-full-order';
import { customerFromGraphql, orderFromGraphql } from '../map/graphql-snapshots';
import { backfilledOrderEvents } from '../map/map-order-events';
import { customerIdentitiesRecord } from '../map/identities-from-customer';
import type { ShopifyBackfillProgress, ShopifyCustomerIdentities } from '../shopify-settings';
import { type BackfillPosition, decodeBackfillCursor, encodeBackfillCursor } from './backfill-cursor';

/** What one backfill page needs. */
export interface ListShopifyEventsContext {
  shop: string;
  /** Admin API version, for the address of records kept as unreadable. */
  apiVersion: string;
  client: AdminGraphqlClient;
  /** Current page size; lowered when Shopify says a page would cost more than one query may. */
  pageSize: { value: number };
  onProgress?: ((progress: ShopifyBackfillProgress) => void | Promise<void>) | undefined;
  onCustomerIdentities?: ((record: ShopifyCustomerIdentities) => void | Promise<void>) | undefined;
}

/**
 * Shopify's search syntax for "updated at or after": https://shopify.dev/docs/api/usage/search-syntax
 * @param since - the instant
 * @returns the query filter
 */
export function updatedSinceFilter(since: Date): string {
  return `updated_at:>='${since.toISOString()}'`;
}

/**
 * Reads one backfill page: customers first (only when `onCustomerIdentities` is set, since customers
 * alone put nothing on the timeline), then orders with their fulfilments and refunds, each updated since
 * `since`, oldest change first. The cursor names the stream and its GraphQL cursor, so a backfill
 * interrupted anywhere resumes at the page after the last checkpoint. An order whose fulfilments, tracking
 * numbers or refunds fill the page query's lists is read again alone; one that holds more than a single
 * query can read still gives its events, and is listed in `unreadable` so the runner keeps it as a dead letter.
 *
 * @param options - tenant, since, cursor
 * @param context - the shop's client and hooks
 * @returns the page's events, the orders it could not read in full, and the next cursor (null at the end)
 * @throws {ApiCallError} when Shopify refuses the query
 */
export async function listShopifyEvents(options: ListEventsOptions, context: ListShopifyEventsContext): Promise<EventPage> {
  const position: BackfillPosition =
    options.cursor === null
      ? { stream: context.onCustomerIdentities ? 'customers' : 'orders', after: null }
      : decodeBackfillCursor(options.cursor);
  const variables = { after: position.after, query: updatedSinceFilter(options.since) };
  const mapping = { tenantId: options.tenantId, shop: context.shop };

  const events: IncomingEvent[] = [];
  const unreadable: UnreadableRecord[] = [];
  let records = 0;
  let pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
  let cost: Awaited<ReturnType<AdminGraphqlClient['query']>>['cost'];
  if (position.stream === 'customers') {
    const answer = await queryWithShrinkingPage(context, backfillCustomersQuery, variables, options.signal);
    const page = customersPageSchema.parse(answer.data);
    cost = answer.cost;
    pageInfo = page.customers.pageInfo;
    records = page.customers.nodes.length;
    for (const node of page.customers.nodes) {
      await context.onCustomerIdentities?.(customerIdentitiesRecord(customerFromGraphql(node), options.tenantId));
    }
  } else {
    const answer = await queryWithShrinkingPage(context, backfillOrdersQuery, variables, options.signal);
    const page = ordersPageSchema.parse(answer.data);
    cost = answer.cost;
    pageInfo = page.orders.pageInfo;
    records = page.orders.nodes.length;
    for (const node of page.orders.nodes) {
      const read = await readFullOrder(context.client, node, options.signal);
      // What could be read reaches the timeline; what could not is kept as a dead letter, never dropped in silence.
      events.push(...backfilledOrderEvents(orderFromGraphql(read.order), mapping));
      if (!read.complete) unreadable.push(incompleteOrder(read.order, read.truncated, context));
    }
  }

  let next: BackfillPosition | null = null;
  if (pageInfo.hasNextPage && pageInfo.endCursor) next = { stream: position.stream, after: pageInfo.endCursor };
  else if (position.stream === 'customers') next = { stream: 'orders', after: null };

  await context.onProgress?.({
    tenantId: options.tenantId,
    stream: position.stream,
    records,
    events: events.length,
    hasNextPage: next !== null && next.stream === position.stream,
    actualQueryCost: cost?.actualQueryCost ?? null,
    currentlyAvailable: cost?.throttleStatus?.currentlyAvailable ?? null,
  });
  return { events, nextCursor: next === null ? null : encodeBackfillCursor(next), ...(unreadable.length > 0 ? { unreadable } : {}) };
}

function incompleteOrder(order: GraphqlOrder, truncated: ReadonlyArray<keyof OrderListLimits>, context: ListShopifyEventsContext): UnreadableRecord {
  const limits = truncated.map((list) => `${fullOrderLists[list]} ${list}`).join(', ');
  return {
    reason: 'incomplete_record',
    message: `Shopify order ${order.name} (${order.legacyResourceId}) may hold more than one Admin API query reads (at most ${limits}); only those read are on the timeline`,
    record: order,
    url: `https://${context.shop}/admin/api/${context.apiVersion}/graphql.json`,
  };
}

async function queryWithShrinkingPage(
  context: ListShopifyEventsContext,
  query: string,
  variables: { after: string | null; query: string },
  signal: AbortSignal | undefined,
) {
  for (;;) {
    try {
      return await context.client.query<unknown>({ query, variables: { ...variables, first: context.pageSize.value }, signal });
    } catch (error) {
      // A page that would cost more than one query may (1000 points) is retried with as many nodes as fit.
      if (error instanceof ApiCallError && error.platformCode === 'MAX_COST_EXCEEDED' && context.pageSize.value > 1) {
        context.pageSize.value = smallerPage(context.pageSize.value, error);
        continue;
      }
      throw error;
    }
  }
}

/**
 * The page size that fits the single-query limit, read from Shopify's message
 * ("Query cost is 2402, which exceeds the single query max cost limit (1000).").
 * @param current - the page size that was refused
 * @param error - Shopify's refusal
 * @returns a smaller page size (half when the message cannot be read)
 */
export function smallerPage(current: number, error: ApiCallError): number {
  const match = /Query cost is (\d+)[^(]*\((\d+)\)/.exec(`${error.message} ${error.responseBody ?? ''}`);
  const cost = match ? Number(match[1]) : Number.NaN;
  const limit = match ? Number(match[2]) : Number.NaN;
  const fitted = cost > 0 && limit > 0 ? Math.floor((current * limit) / cost) : Math.floor(current / 2);
  return Math.max(1, Math.min(current - 1, fitted));
}

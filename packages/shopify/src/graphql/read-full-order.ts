import { ApiCallError } from '@throughline/core/adapter';
import type { AdminGraphqlClient } from './admin-graphql-client';
import { type GraphqlOrder, orderByIdSchema } from './admin-graphql-types';
import { fullOrderByIdQuery, fullOrderLists, type OrderListLimits, pageOrderLists } from './admin-queries';

/** An order node, read again alone when a page query may have cut one of its lists short. */
export type FullOrderRead =
  | {
      /** Every fulfilment, tracking number and refund was read. */
      complete: true;
      /** The order. */
      order: GraphqlOrder;
    }
  | {
      /** Shopify holds more than one query can read: `order` lacks some of them. */
      complete: false;
      /** The order as far as it could be read. */
      order: GraphqlOrder;
      /** Which lists may be cut short: `fulfillments`, `trackingInfo`, `refunds`. */
      truncated: Array<keyof OrderListLimits>;
    };

/**
 * The lists of an order that came back as long as the query asked for, so may hold more.
 * @param order - the order node
 * @param limits - the `first` arguments the query used
 * @returns the names of the lists that may be cut short
 */
export function possiblyTruncatedLists(order: GraphqlOrder, limits: OrderListLimits): Array<keyof OrderListLimits> {
  const fulfillments = order.fulfillments ?? [];
  const lists: Array<keyof OrderListLimits> = [];
  if (fulfillments.length >= limits.fulfillments) lists.push('fulfillments');
  if (fulfillments.some((fulfillment) => (fulfillment.trackingInfo?.length ?? 0) >= limits.trackingInfo)) lists.push('trackingInfo');
  if ((order.refunds ?? []).length >= limits.refunds) lists.push('refunds');
  return lists;
}

/**
 * Completes an order node read with the short lists of a page: when a list came back full, reads the
 * order again alone with the longest lists one query may ask for.
 * @param client - the shop's GraphQL client
 * @param node - the order as a page query returned it
 * @param signal - aborts the read
 * @returns the order, and whether it is complete
 * @throws {ApiCallError} when Shopify refuses the query (other than for its cost)
 */
export async function readFullOrder(client: AdminGraphqlClient, node: GraphqlOrder, signal?: AbortSignal): Promise<FullOrderRead> {
  const cut = possiblyTruncatedLists(node, pageOrderLists);
  if (cut.length === 0) return { complete: true, order: node };
  let order: GraphqlOrder | null;
  try {
    const answer = await client.query<unknown>({ query: fullOrderByIdQuery, variables: { id: node.id }, signal });
    order = orderByIdSchema.parse(answer.data).order;
  } catch (error) {
    // Should Shopify price the long lists above the single-query limit, the page's reading is all there is.
    if (error instanceof ApiCallError && error.platformCode === 'MAX_COST_EXCEEDED') return { complete: false, order: node, truncated: cut };
    throw error;
  }
  // Deleted between the two reads: the page's reading is all there is.
  if (order === null) return { complete: false, order: node, truncated: cut };
  const truncated = possiblyTruncatedLists(order, fullOrderLists);
  return truncated.length === 0 ? { complete: true, order } : { complete: false, order, truncated };
}

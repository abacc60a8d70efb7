// A fulfilment's `displayStatus` (GraphQL) mixes the carrier's stage with the fulfilment's own state
// (FULFILLED, CANCELED, MARKED_AS_FULFILLED, SUBMITTED, LABEL_VOIDED, NOT_DELIVERED). Only the carrier
// stages are what a webhook's `shipment_status` says, in lower case: `in_transit`, `delivered`, …
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentDisplayStatus
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentEventStatus
const carrierStages: ReadonlySet<string> = new Set([
  'ATTEMPTED_DELIVERY',
  'CARRIER_PICKED_UP',
  'CONFIRMED',
  'DELAYED',
  'DELIVERED',
  'FAILURE',
  'IN_TRANSIT',
  'LABEL_PRINTED',
  'LABEL_PURCHASED',
  'OUT_FOR_DELIVERY',
  'PICKED_UP',
  'READY_FOR_PICKUP',
]);

/**
 * Reads a GraphQL `Fulfillment.displayStatus` as the `shipment_status` a webhook would carry for the same shipment.
 * @param displayStatus - such as `IN_TRANSIT` or `FULFILLED`
 * @returns the carrier stage in webhook spelling (`in_transit`), or null when the status says nothing about the carrier
 * @example
 * ```ts
 * shipmentStatusFromDisplay('OUT_FOR_DELIVERY'); // 'out_for_delivery'
 * shipmentStatusFromDisplay('FULFILLED'); // null
 * ```
 */
export function shipmentStatusFromDisplay(displayStatus: string | null | undefined): string | null {
  const status = displayStatus?.trim().toUpperCase();
  return status && carrierStages.has(status) ? status.toLowerCase() : null;
}

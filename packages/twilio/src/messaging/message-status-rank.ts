// Message statuses in the order a message moves through them; a callback with a lower rank than the
// state already recorded is stale (callbacks arrive out of order):
// https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
const ranks: Readonly<Record<string, number>> = {
  accepted: 1,
  scheduled: 2,
  queued: 3,
  sending: 4,
  receiving: 4,
  sent: 5,
  received: 5,
  partially_delivered: 6,
  canceled: 7,
  failed: 7,
  undelivered: 7,
  delivered: 8,
  read: 9,
};

/**
 * The rank of a message status, used as the entity version so statuses only move forward:
 * a late `sent` never overwrites `delivered`, and `read` beats everything.
 *
 * @param status - a Twilio `MessageStatus`
 * @returns its rank; 0 for a status Twilio has not documented
 * @example
 * ```ts
 * messageStatusRank('delivered') > messageStatusRank('sent'); // true
 * ```
 */
export function messageStatusRank(status: string): number {
  return ranks[status] ?? 0;
}

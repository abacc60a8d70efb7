import type { Throughline } from '@throughline/core';

/**
 * Reads the customer of the getting-started SMS back: identities, open case, the whole timeline.
 * @param throughline - the instance the SMS went into
 */
export async function firstQuery(throughline: Throughline): Promise<void> {
  // #region first-query
  const acme = throughline.tenant('acme');
  // Any spelling of the number finds the customer: phones are normalised to E.164.
  const found = await acme.customers.findByIdentity({ kind: 'phone', value: '(415) 555-0100' });
  if (!found) throw new Error('No customer has this phone');
  console.log(found.customer.id, found.identities.map((identity) => identity.key)); // cus_…, ['phone:+14155550100']

  const openCase = await acme.cases.openCaseOf(found.customer.id);
  console.log(openCase?.status, openCase?.channel, openCase?.awaitingReplySince); // new sms 2026-…

  // Newest first, 50 at a time; `nextCursor` is null on the last page.
  let before: string | null = null;
  do {
    const page = await acme.timeline.forCustomer(found.customer.id, { limit: 50, ...(before ? { before } : {}) });
    for (const event of page.events) console.log(event.occurredAt, event.channel, event.type);
    before = page.nextCursor;
  } while (before !== null);
  // #endregion first-query
}

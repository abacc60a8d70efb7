import { createMemoryStore, createThroughline, type TenantApi, type Throughline } from '@throughline/core';

/**
 * An instance whose solved cases reopen when the customer writes within two days.
 * @returns the instance
 */
export function withReopenWindow(): Throughline {
  // #region reopen-window
  const throughline = createThroughline({
    store: createMemoryStore(),
    adapters: [],
    reopenWindowMs: 48 * 3_600_000, // default 72 hours
  });
  // #endregion reopen-window
  return throughline;
}

/**
 * Prints a customer's open case and what happened on it.
 * @param acme - the tenant
 * @param customerId - the customer
 * @returns the open case's id, if any
 */
export async function readOpenCase(acme: TenantApi, customerId: string): Promise<string | undefined> {
  // #region open-case
  const openCase = await acme.cases.openCaseOf(customerId);
  if (openCase) {
    // new whatsapp 2 1: asked on the web form, then again on WhatsApp while waiting (a repeat)
    console.log(openCase.status, openCase.lastInboundChannel, openCase.contactCount, openCase.repeatContactCount);
    const contacts = await acme.timeline.forCase(openCase.id, { types: ['message.received', 'call.started', 'voicemail.left', 'ticket.opened'] });
    for (const event of contacts.events) console.log(event.channel, event.type, event.repeatContact ? 'repeat' : 'first ask');
  }
  // #endregion open-case
  return openCase?.id;
}

/**
 * Solves, splits and merges cases by hand.
 * @param acme - the tenant
 * @param caseId - a case with at least two events
 * @param eventId - an event of it that is really about something else
 * @param otherCaseId - another case of the same customer
 */
export async function changeCases(acme: TenantApi, caseId: string, eventId: string, otherCaseId: string): Promise<void> {
  // #region operations
  await acme.cases.setStatus(caseId, 'solved');
  const splitOff = await acme.cases.split(caseId, [eventId]); // a new case holding that event
  await acme.cases.merge(otherCaseId, splitOff); // and back into another case
  // #endregion operations
}

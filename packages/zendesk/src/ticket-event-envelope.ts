import {
  type Actor,
  type Channel,
  deriveEventId,
  type EventEnvelope,
  type IdentityClaim,
  type Priority,
} from '@throughline/core/adapter';

/** What every event about one ticket shares: tenant, thread, channel, requester, priority and tags. */
export interface TicketContext {
  tenantId: string;
  subdomain: string;
  ticketId: string;
  subject: string | null;
  /** The raw via channel. */
  via: string | null;
  channel: Channel;
  priority: Priority | null;
  tags: ReadonlyArray<string> | null;
  /** The requester's identities: the customer every ticket event concerns. */
  requesterIdentities: IdentityClaim[];
  requesterName: string | null;
}

/** Builds the envelope of an event about a ticket; `thread` is always `zendesk:ticket:<id>`. */
export function ticketEnvelope(
  context: TicketContext,
  event: { id: string; occurredAt: number; actor: Actor; externalId: string; entity?: { key: string; version: number } },
): EventEnvelope {
  // Built field by field (no conditional spreads): backfills map hundreds of thousands of these.
  const envelope: EventEnvelope = {
    id: event.id,
    tenantId: context.tenantId,
    occurredAt: new Date(event.occurredAt).toISOString(),
    source: { system: 'zendesk', externalId: event.externalId, url: ticketUrl(context.subdomain, context.ticketId) },
    channel: context.channel,
    actor: event.actor,
    identities: context.requesterIdentities,
    thread: ticketThread(context.ticketId),
  };
  if (context.requesterName) envelope.profile = { name: context.requesterName };
  if (event.entity) envelope.entity = event.entity;
  if (context.priority) envelope.priority = context.priority;
  if (context.tags) envelope.tags = [...context.tags];
  return envelope;
}

/**
 * The thread a Zendesk ticket's events carry, which the core maps onto a case.
 * @param ticketId - the ticket id
 * @returns `zendesk:ticket:<id>`
 * @example
 * ```ts
 * ticketThread('123'); // 'zendesk:ticket:123'
 * ```
 */
export function ticketThread(ticketId: string): string {
  return `zendesk:ticket:${ticketId}`;
}

/**
 * The agent-interface link of a ticket.
 * @param subdomain - the account subdomain
 * @param ticketId - the ticket id
 * @returns `https://<subdomain>.zendesk.com/agent/tickets/<id>`
 * @example
 * ```ts
 * ticketUrl('acme', '123'); // 'https://acme.zendesk.com/agent/tickets/123'
 * ```
 */
export function ticketUrl(subdomain: string, ticketId: string): string {
  return `https://${subdomain}.zendesk.com/agent/tickets/${ticketId}`;
}

// Ids are chosen so the same fact gets the same id whether it arrives by event webhook, trigger
// webhook, export or audit: comments by comment id (= the audit Comment event id), changes by
// ticket, second and new value.

/** Id of a ticket's opening. */
export const openedEventId = (ticketId: string) => deriveEventId('zendesk', 'ticket', ticketId, 'opened');
/** Id of a comment (public reply, customer message or internal note). */
export const commentEventId = (commentId: string) => deriveEventId('zendesk', 'comment', commentId);
/** Id of a field change of a ticket at a second. */
export const changeEventId = (ticketId: string, field: string, atMs: number, value: string) =>
  deriveEventId('zendesk', 'ticket', ticketId, field, Math.floor(atMs / 1000), value);
/** Entity key of a ticket field, so an older change never overwrites a newer one. */
export const ticketFieldEntity = (ticketId: string, field: string, atMs: number) => ({
  key: `zendesk:ticket:${ticketId}:${field}`,
  version: atMs,
});

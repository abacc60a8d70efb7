import type { Actor } from '@throughline/core/adapter';
import { channelFromVia } from './map-channel';
import { identitiesOfUser } from './map-identities';
import { priorityFromZendesk } from './map-status';
import type { TicketContext } from './ticket-event-envelope';
import type { ZendeskDirectory } from './user-directory';

/** The ticket facts a context is built from, however they were obtained. */
export interface TicketSnapshot {
  ticketId: string;
  subject: string | null;
  via: string | null;
  priority: unknown;
  tags: ReadonlyArray<string> | null;
  requesterId: string | null;
  requester?: { name?: string | null; email?: string | null; phone?: string | null } | undefined;
}

function isStaff(role: string | null | undefined): boolean {
  return role === 'agent' || role === 'admin';
}

/**
 * Builds a ticket's shared envelope facts, enriching the requester from the directory (a requester the
 * directory knows as an agent or admin claims only their Zendesk id).
 * @param tenantId - the tenant
 * @param subdomain - the account subdomain, for links
 * @param snapshot - what the delivery says about the ticket
 * @param directory - users and tickets seen before
 * @returns the context
 */
export function buildTicketContext(
  tenantId: string,
  subdomain: string,
  snapshot: TicketSnapshot,
  directory: ZendeskDirectory,
): TicketContext {
  const known = directory.ticket(tenantId, snapshot.ticketId);
  const requesterId = snapshot.requesterId ?? known?.requesterId ?? null;
  const subject = snapshot.subject ?? known?.subject ?? null;
  const via = snapshot.via ?? known?.via ?? null;
  directory.rememberTicket(tenantId, { id: snapshot.ticketId, requesterId, subject, via });
  const user = directory.user(tenantId, requesterId);
  const email = snapshot.requester?.email ?? user?.email ?? null;
  const phone = snapshot.requester?.phone ?? user?.phone ?? null;
  return {
    tenantId,
    subdomain,
    ticketId: snapshot.ticketId,
    subject,
    via,
    channel: channelFromVia(via),
    priority: priorityFromZendesk(snapshot.priority),
    tags: snapshot.tags,
    // A ticket an agent requested (an internal task, an email Zendesk could not attribute) claims only the
    // agent's Zendesk id: their work address and phone would tie every customer record carrying them to it.
    requesterIdentities: isStaff(user?.role) ? identitiesOfUser({ id: requesterId }) : identitiesOfUser({ id: requesterId, email, phone, identities: user?.identities ?? [] }),
    requesterName: snapshot.requester?.name ?? user?.name ?? null,
  };
}

/**
 * Names who did something on a ticket: the requester is the customer, Zendesk's system user (-1) the
 * system, a known end user the customer, anyone else an agent.
 * @param tenantId - the tenant
 * @param userId - who acted
 * @param requesterId - the ticket's requester
 * @param directory - users seen before
 * @returns the actor
 */
export function actorOf(tenantId: string, userId: string | null, requesterId: string | null, directory: ZendeskDirectory): Actor {
  if (userId === null) return { kind: 'system' };
  if (userId === '-1') return { kind: 'system', id: userId };
  const user = directory.user(tenantId, userId);
  const name = user?.name ? { name: user.name } : {};
  if (userId === requesterId || user?.role === 'end-user') return { kind: 'customer', id: userId, ...name };
  return { kind: 'agent', id: userId, ...name };
}

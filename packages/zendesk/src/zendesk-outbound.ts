import {
  type CaseStatus,
  type IncomingEvent,
  type OutboundMessage,
  type Priority,
  type SendResult,
  ValidationError,
} from '@throughline/core/adapter';
import { viaCodeOrLabel } from './map-channel';
import { zendeskId } from './map-identities';
import { caseStatusFromZendesk } from './map-status';
import { summarizeTimeline } from './summarize-timeline';
import { buildTicketContext } from './ticket-context';
import { ticketThread, ticketUrl } from './ticket-event-envelope';
import { eventFromTicketFact } from './ticket-fact';
import type { ZendeskDirectory } from './user-directory';
import { type ZendeskTicket, zendeskAuditSchema, zendeskTicketSchema } from './zendesk-api-types';
import type { ZendeskRestClient } from './zendesk-rest-client';

/** A request to open a Zendesk ticket for a case that began on another channel. */
export interface CaseTicketRequest {
  /** The tenant the account belongs to. */
  tenantId: string;
  /** The Throughline case id, stored as the ticket's `external_id` (the link from Zendesk back to the case). */
  caseId: string;
  /** Where the case lives in the integrator's console, written into the summary note. */
  caseUrl?: string;
  /** The ticket's subject. */
  subject: string;
  /** Who the ticket is for; Zendesk creates the user when it does not know them. */
  requester: {
    /** The requester's name. */
    name?: string;
    /** The requester's email. */
    email?: string;
    /** The requester's phone. */
    phone?: string;
  };
  /** The case's events so far, summarised into an internal note. */
  timeline: ReadonlyArray<IncomingEvent>;
  /** The ticket's priority. */
  priority?: Priority;
  /** Tags to set on the ticket. */
  tags?: ReadonlyArray<string>;
  /** Most recent timeline lines kept in the summary (default 30). */
  maxSummaryLines?: number;
}

/** The ticket a case now has in Zendesk. */
export interface CaseTicket {
  /** The Zendesk ticket id. */
  ticketId: string;
  /** The agent-interface link (the link from the case to Zendesk). */
  ticketUrl: string;
  /** `zendesk:ticket:<id>`: the thread the core maps onto the case. */
  thread: string;
  /** False when a ticket already existed for this case (the call is idempotent). */
  created: boolean;
  /** `ticket.opened` and the summary `note.added`, to append to the case's timeline. */
  events: IncomingEvent[];
}

/** What the outbound operations need. */
export interface ZendeskOutboundOptions {
  client: ZendeskRestClient;
  directory: ZendeskDirectory;
  subdomain: string;
  customStatuses: Readonly<Record<string, CaseStatus>>;
}

type Body = Record<string, unknown>;

function ticketIdOf(to: string): string {
  const id = to.replace(/^zendesk:ticket:/, '');
  if (!/^\d+$/.test(id)) throw new ValidationError(`"${to}" is not a Zendesk ticket id`, [{ path: ['to'], message: 'a ticket id' }]);
  return id;
}

function parseTicketAndAudit(body: Body): { ticket: ZendeskTicket; audit: ReturnType<typeof zendeskAuditSchema.parse> | null } {
  const ticket = zendeskTicketSchema.safeParse(body.ticket);
  if (!ticket.success) throw ValidationError.fromZod('Zendesk ticket in the answer', ticket.error);
  const audit = zendeskAuditSchema.safeParse(body.audit);
  return { ticket: ticket.data, audit: audit.success ? audit.data : null };
}

function contextOf(tenantId: string, ticket: ZendeskTicket, options: ZendeskOutboundOptions) {
  return buildTicketContext(
    tenantId,
    options.subdomain,
    {
      ticketId: zendeskId(ticket.id)!,
      subject: ticket.subject ?? null,
      via: viaCodeOrLabel(ticket.via),
      priority: ticket.priority,
      tags: ticket.tags ?? null,
      requesterId: zendeskId(ticket.requester_id),
    },
    options.directory,
  );
}

/**
 * Builds the outbound side: replies and notes (`doSend`), status changes, and tickets for cases
 * that began elsewhere.
 * @param options - client, directory, subdomain and custom statuses
 * @returns the operations
 */
export function createZendeskOutbound(options: ZendeskOutboundOptions) {
  const { client } = options;

  async function doSend(message: OutboundMessage): Promise<SendResult> {
    const ticketId = ticketIdOf(message.to);
    const isPublic = message.internal !== true;
    // A reply is a comment added by updating the ticket (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket).
    const body = (await client.request({
      method: 'PUT',
      path: `tickets/${ticketId}.json`,
      json: { ticket: { comment: { body: message.body, public: isPublic } } },
    })) as Body;
    const { ticket, audit } = parseTicketAndAudit(body);
    const comment = audit?.events.find((event) => (event.type ?? event.event_type) === 'Comment');
    const commentId = zendeskId(comment?.id);
    if (!audit || !commentId) throw new ValidationError('Zendesk answered without the comment it added', [{ path: ['audit'], message: 'missing' }]);
    const authorId = zendeskId(comment?.author_id) ?? zendeskId(audit.author_id);
    const event = eventFromTicketFact(contextOf(message.tenantId, ticket, options), {
      kind: 'comment',
      at: Date.parse(audit.created_at),
      actor: { kind: 'agent', ...(authorId ? { id: authorId } : {}) },
      commentId,
      body: message.body,
      isPublic,
    });
    return { externalId: commentId, event };
  }

  async function setTicketStatus(
    tenantId: string,
    ticketId: string,
    status: Exclude<CaseStatus, 'closed' | 'new'> | { customStatusId: string },
  ): Promise<IncomingEvent> {
    // https://support.zendesk.com/hc/en-us/articles/4408894213018: once a ticket left New it never goes back.
    if (status === ('new' as string) || status === ('closed' as string)) {
      const why = status === ('new' as string) ? 'once a ticket left New it never goes back' : 'Zendesk closes solved tickets itself';
      throw new ValidationError(`A Zendesk ticket cannot be set to ${status as string}: ${why}`, [
        { path: ['status'], message: 'not settable' },
      ]);
    }
    const id = ticketIdOf(ticketId);
    const update = typeof status === 'string' ? { status } : { custom_status_id: Number(status.customStatusId) };
    const body = (await client.request({ method: 'PUT', path: `tickets/${id}.json`, json: { ticket: update } })) as Body;
    const { ticket, audit } = parseTicketAndAudit(body);
    const change = audit?.events.find((event) => event.field_name === 'status');
    const customStatusId = zendeskId(ticket.custom_status_id);
    const next =
      caseStatusFromZendesk(ticket.status) ?? (customStatusId ? options.customStatuses[customStatusId] : undefined) ?? null;
    if (!next) throw new ValidationError('Zendesk answered with an unknown status', [{ path: ['ticket', 'status'], message: 'unknown' }]);
    const authorId = zendeskId(audit?.author_id);
    return eventFromTicketFact(contextOf(tenantId, ticket, options), {
      kind: 'status',
      at: audit ? Date.parse(audit.created_at) : Date.parse(ticket.updated_at ?? ticket.created_at),
      actor: { kind: 'agent', ...(authorId ? { id: authorId } : {}) },
      status: next,
      previous: caseStatusFromZendesk(change?.previous_value),
      customStatusId,
    });
  }

  async function createTicketForCase(request: CaseTicketRequest): Promise<CaseTicket> {
    const existing = (await client.request({
      method: 'GET',
      path: 'tickets.json',
      searchParams: { external_id: request.caseId },
    })) as Body;
    const found = Array.isArray(existing.tickets) ? zendeskTicketSchema.safeParse(existing.tickets[0]) : null;
    if (found?.success) {
      const id = zendeskId(found.data.id)!;
      return { ticketId: id, ticketUrl: ticketUrl(options.subdomain, id), thread: ticketThread(id), created: false, events: [] };
    }
    const summary = summarizeTimeline(request.timeline, {
      caseId: request.caseId,
      ...(request.caseUrl ? { caseUrl: request.caseUrl } : {}),
      ...(request.maxSummaryLines ? { maxLines: request.maxSummaryLines } : {}),
    });
    const requester = Object.fromEntries(Object.entries(request.requester).filter(([, value]) => value)) as Record<string, string>;
    if (!requester.name) requester.name = requester.email ?? requester.phone ?? 'Customer';
    const body = (await client.request({
      method: 'POST',
      path: 'tickets.json',
      json: {
        ticket: {
          subject: request.subject,
          external_id: request.caseId,
          requester,
          comment: { body: summary, public: false },
          ...(request.priority ? { priority: request.priority } : {}),
          tags: [...new Set([...(request.tags ?? []), 'throughline'])],
        },
      },
    })) as Body;
    const { ticket, audit } = parseTicketAndAudit(body);
    const id = zendeskId(ticket.id)!;
    const context = contextOf(request.tenantId, ticket, options);
    context.requesterIdentities.push(
      ...(request.requester.email ? [{ kind: 'email' as const, value: request.requester.email }] : []),
      ...(request.requester.phone ? [{ kind: 'phone' as const, value: request.requester.phone }] : []),
    );
    const at = audit ? Date.parse(audit.created_at) : Date.parse(ticket.created_at);
    const authorId = zendeskId(audit?.author_id);
    const agent = { kind: 'agent' as const, ...(authorId ? { id: authorId } : {}) };
    const events: IncomingEvent[] = [eventFromTicketFact(context, { kind: 'opened', at, actor: agent, status: caseStatusFromZendesk(ticket.status) ?? 'new' })];
    const commentId = zendeskId(audit?.events.find((event) => (event.type ?? event.event_type) === 'Comment')?.id);
    if (commentId) events.push(eventFromTicketFact(context, { kind: 'comment', at, actor: agent, commentId, body: summary, isPublic: false }));
    return { ticketId: id, ticketUrl: ticketUrl(options.subdomain, id), thread: ticketThread(id), created: true, events };
  }

  return { doSend, setTicketStatus, createTicketForCase };
}

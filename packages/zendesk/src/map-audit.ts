import type { Actor, CaseStatus, IncomingEvent } from '@throughline/core/adapter';
import { viaCodeOrLabel } from './map-channel';
import { zendeskId } from './map-identities';
import { caseStatusFromZendesk, csatScoreFromZendesk, priorityFromZendesk } from './map-status';
import { actorOf } from './ticket-context';
import type { TicketContext } from './ticket-event-envelope';
import { eventFromTicketFact, type TicketFact } from './ticket-fact';
import type { ZendeskDirectory } from './user-directory';
import type { ZendeskAuditEvent, ZendeskTicket } from './zendesk-api-types';

/** An audit, or an item of the ticket-events export (the same thing under other names). */
export interface AuditLike {
  id: string;
  ticketId: string;
  createdAt: number;
  authorId: string | null;
  viaChannel: string | null;
  events: ReadonlyArray<ZendeskAuditEvent>;
}

/** What mapping audits needs besides the audit. */
export interface AuditMappingOptions {
  tenantId: string;
  directory: ZendeskDirectory;
  customStatuses: Readonly<Record<string, CaseStatus>>;
}

// Comments written by Zendesk's bots (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-object-reference/).
const botChannels = /answer_bot|ai_agent|automatic_answers|bot/;

const changedFields = ['status', 'custom_status_id', 'priority', 'assignee_id', 'group_id'];

// Audits say `field_name` + `value`; ticket-events export items may put the value under the field's own key.
function changedField(event: ZendeskAuditEvent): { field: string | null; value: unknown } {
  if (event.field_name) return { field: event.field_name, value: event.value };
  const field = changedFields.find((name) => name in event) ?? null;
  return { field, value: field ? (event as Record<string, unknown>)[field] : undefined };
}

function createdValue(event: ZendeskAuditEvent, field: string): unknown {
  if (event.field_name) return event.field_name === field ? event.value : undefined;
  return (event as Record<string, unknown>)[field];
}

/**
 * Reads an audit's events as ticket facts: the status a ticket was created with (when not `new`), status,
 * custom status, priority and assignment changes, comments (public or private) and satisfaction ratings.
 * Unknown event types are skipped.
 *
 * @param audit - the audit and its events
 * @param requesterId - the ticket's requester, to tell the customer from agents
 * @param options - tenant, directory and custom statuses
 * @returns the facts, in the audit's order
 */
export function factsFromAudit(audit: AuditLike, requesterId: string | null, options: AuditMappingOptions): TicketFact[] {
  const facts: TicketFact[] = [];
  const at = audit.createdAt;
  const updater: Actor = actorOf(options.tenantId, audit.authorId, requesterId, options.directory);
  let status: { status: CaseStatus; previous: CaseStatus | null } | null = null;
  let customStatusId: string | null = null;
  let customCategory: CaseStatus | null = null;
  let created = false;
  let assignment: { assigneeId: string | null; groupId: string | null } | null = null;
  for (const event of audit.events) {
    const type = event.type ?? event.event_type ?? '';
    if (type === 'Create') {
      // The creation audit holds the status the ticket was submitted with (an agent may submit it as pending).
      const initial = caseStatusFromZendesk(createdValue(event, 'status'));
      const initialCustom = zendeskId(createdValue(event, 'custom_status_id'));
      if (initial) status = { status: initial, previous: null };
      if (initialCustom) {
        customStatusId = initialCustom;
        customCategory = options.customStatuses[initialCustom] ?? null;
      }
      created ||= initial !== null || initialCustom !== null;
    } else if (type === 'Change') {
      const { field, value } = changedField(event);
      if (field === 'status') {
        const next = caseStatusFromZendesk(value);
        if (next) status = { status: next, previous: caseStatusFromZendesk(event.previous_value) };
      } else if (field === 'custom_status_id') {
        customStatusId = zendeskId(value);
        customCategory = customStatusId ? (options.customStatuses[customStatusId] ?? null) : null;
      } else if (field === 'priority') {
        const priority = priorityFromZendesk(value);
        if (priority) facts.push({ kind: 'priority', at, actor: updater, priority, previous: priorityFromZendesk(event.previous_value) });
      } else if (field === 'assignee_id' || field === 'group_id') {
        assignment ??= { assigneeId: null, groupId: null };
        if (field === 'assignee_id') assignment.assigneeId = zendeskId(value);
        else assignment.groupId = zendeskId(value);
      }
    } else if (type === 'Comment') {
      const authorId = zendeskId(event.author_id) ?? audit.authorId;
      const channel = viaCodeOrLabel(event.via) ?? audit.viaChannel ?? '';
      const actor: Actor = botChannels.test(channel.toLowerCase())
        ? { kind: 'bot', ...(authorId ? { id: authorId } : {}) }
        : actorOf(options.tenantId, authorId, requesterId, options.directory);
      facts.push({
        kind: 'comment',
        at,
        actor,
        commentId: zendeskId(event.id),
        body: event.body ?? event.plain_body ?? '',
        isPublic: event.public !== false,
      });
    } else if (type === 'SatisfactionRating') {
      const score = csatScoreFromZendesk(event.score);
      if (score !== null) facts.push({ kind: 'satisfaction', at, ratingId: zendeskId(event.id), score, comment: event.body ?? null });
    }
  }
  const next = status?.status ?? customCategory;
  // A ticket created `new` is what `ticket.opened` already says; any other initial status is a fact of its own.
  if (next && !(created && next === 'new')) {
    facts.push({ kind: 'status', at, actor: updater, status: next, previous: status?.previous ?? null, customStatusId });
  }
  if (assignment) facts.push({ kind: 'assigned', at, actor: updater, ...assignment });
  return facts;
}

/**
 * Maps an audit to events with the ticket's context.
 * @param context - the ticket's envelope facts
 * @param audit - the audit
 * @param requesterId - the ticket's requester
 * @param options - tenant, directory and custom statuses
 * @returns the events
 */
export function eventsFromAudit(
  context: TicketContext,
  audit: AuditLike,
  requesterId: string | null,
  options: AuditMappingOptions,
): IncomingEvent[] {
  return factsFromAudit(audit, requesterId, options).map((fact) => eventFromTicketFact(context, fact));
}

/**
 * The opening of an exported ticket: its status when it was never updated since, `new` otherwise
 * (later changes arrive as their own events).
 * @param ticket - the exported ticket
 * @param options - tenant and directory
 * @returns the `opened` fact
 */
export function openedFactOfTicket(ticket: ZendeskTicket, options: { tenantId: string; directory: ZendeskDirectory }): TicketFact {
  const createdAt = Date.parse(ticket.created_at);
  const requesterId = zendeskId(ticket.requester_id);
  const submitterId = zendeskId(ticket.submitter_id);
  const untouched = !ticket.updated_at || Date.parse(ticket.updated_at) === createdAt;
  const actor: Actor =
    submitterId && submitterId !== requesterId
      ? actorOf(options.tenantId, submitterId, requesterId, options.directory)
      : { kind: 'customer', ...(requesterId ? { id: requesterId } : {}) };
  return { kind: 'opened', at: createdAt, actor, status: untouched ? (caseStatusFromZendesk(ticket.status) ?? 'new') : 'new' };
}

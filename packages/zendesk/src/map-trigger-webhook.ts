import { type Actor, deriveEventId, type WebhookParseResult } from '@throughline/core/adapter';
import { caseStatusFromZendesk, csatScoreFromZendesk, priorityFromZendesk } from './map-status';
import { actorOf, buildTicketContext } from './ticket-context';
import { eventFromTicketFact, type TicketFact } from './ticket-fact';
import type { ZendeskTriggerBody } from './trigger-template';
import type { ZendeskDirectory } from './user-directory';

/** What mapping a trigger webhook needs besides the body. */
export interface TriggerWebhookMappingOptions {
  tenantId: string;
  subdomain: string;
  directory: ZendeskDirectory;
  /** When the delivery was signed: trigger placeholders only give minutes, the signature gives seconds. */
  signedAt: number;
  /** The invocation id: the idempotency basis of facts that have no id of their own. */
  invocationId: string | null;
}

function isTrue(value: string | null): boolean {
  return value !== null && /^(true|yes|1)$/i.test(value);
}

/**
 * Maps a rendered trigger/automation body (the shipped template) to events. The `event` field names
 * the trigger's kind; unknown kinds are ignored. Never throws. A comment's author is the customer when
 * they are the requester or an end user the adapter has seen (user export, user event webhook, API);
 * an author it has never seen who is not the requester counts as an agent.
 *
 * @param body - the parsed template body
 * @param options - tenant, subdomain, directory, signature time and invocation id
 * @returns the parse result
 */
export function mapTriggerWebhook(body: ZendeskTriggerBody, options: TriggerWebhookMappingOptions): WebhookParseResult {
  const ticket = body.ticket;
  const ticketId = ticket.id!;
  const requester = ticket.requester ?? null;
  const context = buildTicketContext(
    options.tenantId,
    options.subdomain,
    {
      ticketId,
      subject: ticket.subject,
      via: ticket.via,
      priority: ticket.priority,
      tags: ticket.tags ? ticket.tags.split(/\s+/).filter(Boolean) : null,
      requesterId: requester?.id ?? null,
      requester: { name: requester?.name ?? null, email: requester?.email ?? null, phone: requester?.phone ?? null },
    },
    options.directory,
  );
  const requesterId = requester?.id ?? null;
  const at = options.signedAt;
  const system: Actor = { kind: 'system' };
  let fact: TicketFact;
  switch (body.event) {
    case 'ticket.created': {
      // A ticket an agent opened for the customer (outbound) is the agent's, as Zendesk's first-reply rule needs.
      const submitterId = ticket.submitter_id && /^\d+$/.test(ticket.submitter_id) ? ticket.submitter_id : null;
      const actor: Actor =
        submitterId && requesterId && submitterId !== requesterId
          ? { kind: 'agent', id: submitterId }
          : { kind: 'customer', ...(requesterId ? { id: requesterId } : {}) };
      fact = { kind: 'opened', at, actor, status: caseStatusFromZendesk(ticket.status) ?? 'new' };
      break;
    }
    case 'ticket.status_changed': {
      const status = caseStatusFromZendesk(ticket.status);
      if (!status) return { ok: false, reason: 'missing_fields', message: 'ticket.status is not a Zendesk status' };
      fact = { kind: 'status', at, actor: system, status, previous: null, customStatusId: null };
      break;
    }
    case 'ticket.priority_changed': {
      const priority = priorityFromZendesk(ticket.priority);
      if (!priority) return { ok: true, kind: 'ignored', reason: 'the ticket has no priority' };
      fact = { kind: 'priority', at, actor: system, priority, previous: null };
      break;
    }
    case 'ticket.assigned':
      fact = { kind: 'assigned', at, actor: system, assigneeId: ticket.assignee_id, groupId: ticket.group_id };
      break;
    case 'ticket.comment_added': {
      const comment = body.comment;
      if (!comment?.body) return { ok: false, reason: 'missing_fields', message: 'comment.body is empty' };
      const authorId = comment.author_id;
      const name = comment.author_name ? { name: comment.author_name } : {};
      // Zendesk's own comments (author -1) are a bot's; otherwise the directory's role decides (a CC'd end
      // user is a customer), and an author the adapter has never seen who is not the requester is an agent.
      const actor: Actor =
        authorId === '-1'
          ? { kind: 'bot', id: authorId, ...name }
          : authorId === null
            ? { kind: 'agent', ...name }
            : { ...actorOf(options.tenantId, authorId, requesterId, options.directory), ...name };
      fact = {
        kind: 'comment',
        at,
        actor,
        commentId: comment.id && /^\d+$/.test(comment.id) ? comment.id : null,
        body: comment.body,
        isPublic: comment.public === null ? true : isTrue(comment.public),
      };
      break;
    }
    case 'ticket.satisfaction_rated': {
      const score = csatScoreFromZendesk(body.satisfaction?.rating);
      if (score === null) return { ok: true, kind: 'ignored', reason: 'the satisfaction rating is not an answer (offered or unoffered)' };
      fact = { kind: 'satisfaction', at, ratingId: options.invocationId, score, comment: body.satisfaction?.comment ?? null };
      break;
    }
    default:
      return { ok: true, kind: 'ignored', reason: `trigger event ${body.event} is not mapped` };
  }
  const event = eventFromTicketFact(context, fact, options.invocationId);
  // Changes reported by a trigger carry no id of their own: the invocation id (kept across retries) is the key.
  const keyedByInvocation = fact.kind === 'status' || fact.kind === 'priority' || fact.kind === 'assigned';
  if (keyedByInvocation && options.invocationId) event.id = deriveEventId('zendesk', 'trigger', options.invocationId, event.type);
  return { ok: true, kind: 'events', events: [event] };
}

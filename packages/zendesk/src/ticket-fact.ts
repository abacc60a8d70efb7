import { type Actor, type CaseStatus, deriveEventId, type IncomingEvent, type Priority } from '@throughline/core/adapter';
import {
  changeEventId,
  commentEventId,
  openedEventId,
  type TicketContext,
  ticketEnvelope,
  ticketFieldEntity,
} from './ticket-event-envelope';

/** One thing that happened to a ticket, whatever Zendesk surface reported it. */
export type TicketFact =
  | { kind: 'opened'; at: number; actor: Actor; status: CaseStatus }
  | { kind: 'status'; at: number; actor: Actor; status: CaseStatus; previous: CaseStatus | null; customStatusId: string | null }
  | { kind: 'priority'; at: number; actor: Actor; priority: Priority; previous: Priority | null }
  | { kind: 'assigned'; at: number; actor: Actor; assigneeId: string | null; groupId: string | null }
  | { kind: 'comment'; at: number; actor: Actor; commentId: string | null; body: string; isPublic: boolean }
  | { kind: 'satisfaction'; at: number; ratingId: string | null; score: number; comment: string | null };

/**
 * Turns a ticket fact into the unified event: public comments by the customer are `message.received`,
 * by an agent or bot `message.sent`; private comments are `note.added` whoever wrote them (never a reply).
 *
 * @param context - the ticket's shared envelope facts
 * @param fact - what happened
 * @param fallbackId - the delivery-based id part used when the fact has no id of its own (trigger webhooks)
 * @returns the event
 */
export function eventFromTicketFact(context: TicketContext, fact: TicketFact, fallbackId: string | null = null): IncomingEvent {
  const ticketId = context.ticketId;
  switch (fact.kind) {
    case 'opened':
      return {
        ...ticketEnvelope(context, { id: openedEventId(ticketId), occurredAt: fact.at, actor: fact.actor, externalId: ticketId }),
        type: 'ticket.opened',
        data: {
          ticketId,
          subject: context.subject,
          status: fact.status,
          priority: context.priority,
          via: context.via,
          tags: [...(context.tags ?? [])],
        },
      };
    case 'status':
      return {
        ...ticketEnvelope(context, {
          id: changeEventId(ticketId, 'status', fact.at, fact.status),
          occurredAt: fact.at,
          actor: fact.actor,
          externalId: ticketId,
          entity: ticketFieldEntity(ticketId, 'status', fact.at),
        }),
        type: 'ticket.status_changed',
        data: { ticketId, status: fact.status, previousStatus: fact.previous, customStatusId: fact.customStatusId },
      };
    case 'priority':
      return {
        ...ticketEnvelope(context, {
          id: changeEventId(ticketId, 'priority', fact.at, fact.priority),
          occurredAt: fact.at,
          actor: fact.actor,
          externalId: ticketId,
          entity: ticketFieldEntity(ticketId, 'priority', fact.at),
        }),
        type: 'ticket.priority_changed',
        data: { ticketId, priority: fact.priority, previousPriority: fact.previous },
      };
    case 'assigned':
      return {
        ...ticketEnvelope(context, {
          id: changeEventId(ticketId, 'assigned', fact.at, `${fact.assigneeId ?? 'none'}:${fact.groupId ?? 'none'}`),
          occurredAt: fact.at,
          actor: fact.actor,
          externalId: ticketId,
          entity: ticketFieldEntity(ticketId, 'assignment', fact.at),
        }),
        type: 'ticket.assigned',
        data: { ticketId, assigneeId: fact.assigneeId, groupId: fact.groupId },
      };
    case 'comment': {
      const commentId = fact.commentId ?? `${ticketId}-${fallbackId ?? Math.floor(fact.at / 1000)}`;
      const envelope = ticketEnvelope(context, {
        id: fact.commentId ? commentEventId(fact.commentId) : deriveEventId('zendesk', 'comment', commentId),
        occurredAt: fact.at,
        actor: fact.actor,
        externalId: commentId,
      });
      if (!fact.isPublic) return { ...envelope, type: 'note.added', data: { noteId: commentId, body: fact.body } };
      if (fact.actor.kind === 'customer') {
        return {
          ...envelope,
          type: 'message.received',
          data: { messageId: commentId, body: fact.body, subject: context.subject, media: [], from: null, to: null },
        };
      }
      return { ...envelope, type: 'message.sent', data: { messageId: commentId, body: fact.body, to: null, templateId: null, facts: null } };
    }
    case 'satisfaction': {
      const surveyId = fact.ratingId ?? `${ticketId}-${Math.floor(fact.at / 1000)}`;
      return {
        ...ticketEnvelope(context, {
          id: deriveEventId('zendesk', 'satisfaction', surveyId, fact.score),
          occurredAt: fact.at,
          actor: { kind: 'customer' },
          externalId: surveyId,
        }),
        type: 'survey.answered',
        data: { surveyId, kind: 'csat', score: fact.score, comment: fact.comment },
      };
    }
  }
}

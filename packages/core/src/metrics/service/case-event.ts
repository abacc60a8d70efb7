import type { Actor, CaseStatus, Channel } from '../../model/primitives';
import type { SlaMetric } from '../../model/engine-event-data';
import type { TimelineEvent, TimelineEventType } from '../../model/timeline-event';

/**
 * The part of a timeline event that case metrics need, kept small so a million events fit in memory.
 */
export interface CaseEvent {
  /** Event id (the idempotency key). */
  id: string;
  /** Event type. */
  type: TimelineEventType;
  /** occurredAt in epoch milliseconds. */
  at: number;
  /** Contact channel, null for non-contact facts. */
  channel: Channel | null;
  /** Who caused the event. */
  actor: Actor['kind'];
  /** The engine's flag for the same question asked again on another channel. */
  repeat: boolean;
  /** Conversation thread, when the source has one. */
  thread: string | undefined;
  /** New status, for ticket.opened / ticket.status_changed / case.status_changed. */
  status: CaseStatus | undefined;
  /** Call direction, for call.started. */
  direction: 'inbound' | 'outbound' | undefined;
  /** SLA clock facts, for sla.* events. */
  sla: { policyId: string; metric: SlaMetric; targetMs: number; elapsedMs: number; businessHours: boolean } | undefined;
}

/** Event types that case metrics ignore. */
const ignoredTypes: ReadonlySet<TimelineEventType> = new Set([
  'message.status',
  'ticket.assigned',
  'ticket.priority_changed',
  'note.added',
  'identity.merged',
  'identity.unmerged',
  'fulfillment.updated',
  'order.updated',
  'order.cancelled',
  'order.refunded',
]);

/**
 * Reduces a timeline event to the fields case metrics use, or undefined when it does not matter to them.
 * @param event - a timeline event
 * @returns the reduced event, or undefined
 * @example
 * toCaseEvent(event)?.at;
 */
export function toCaseEvent(event: TimelineEvent): CaseEvent | undefined {
  if (ignoredTypes.has(event.type)) return undefined;
  let status: CaseStatus | undefined;
  let direction: 'inbound' | 'outbound' | undefined;
  let sla: CaseEvent['sla'];
  switch (event.type) {
    case 'ticket.opened':
    case 'ticket.status_changed':
    case 'case.status_changed':
      status = event.data.status;
      break;
    case 'call.started':
      direction = event.data.direction;
      break;
    case 'sla.applied':
    case 'sla.warning':
    case 'sla.breached':
    case 'sla.fulfilled':
      sla = {
        policyId: event.data.policyId,
        metric: event.data.metric,
        targetMs: event.data.targetMs,
        elapsedMs: event.data.elapsedMs,
        businessHours: event.data.businessHours,
      };
      break;
    default:
      break;
  }
  return {
    id: event.id,
    type: event.type,
    at: Date.parse(event.occurredAt),
    channel: event.channel,
    actor: event.actor.kind,
    repeat: event.repeatContact,
    thread: event.thread,
    status,
    direction,
    sla,
  };
}

/**
 * Orders case events by time, then id, so every reader sees the same sequence.
 * @param a - an event
 * @param b - another event
 * @returns negative, zero or positive
 * @example
 * events.sort(compareCaseEvents);
 */
export function compareCaseEvents(a: Pick<CaseEvent, 'at' | 'id'>, b: Pick<CaseEvent, 'at' | 'id'>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

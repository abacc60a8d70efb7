import type { Actor, Channel } from '../../model/primitives';
import type { TimelineEvent, TimelineEventData, TimelineEventType } from '../../model/timeline-event';

/** Fields a test gives for one timeline event; the rest get neutral defaults. */
export interface FixtureEvent<T extends TimelineEventType> {
  id: string;
  type: T;
  at: string;
  caseId: string | null;
  channel: Channel | null;
  actor?: Actor['kind'];
  repeat?: boolean;
  thread?: string;
  tenantId?: string;
  data: TimelineEventData<T>;
}

/** Builds a complete, typed timeline event for tests. */
export function timelineEvent<T extends TimelineEventType>(fields: FixtureEvent<T>): TimelineEvent {
  const event = {
    id: fields.id,
    tenantId: fields.tenantId ?? 't1',
    occurredAt: fields.at,
    source: { system: 'test', externalId: fields.id },
    channel: fields.channel,
    actor: { kind: fields.actor ?? 'customer' },
    identities: [],
    customerId: `customer-${fields.caseId ?? 'none'}`,
    caseId: fields.caseId,
    repeatContact: fields.repeat ?? false,
    type: fields.type,
    data: fields.data,
    ...(fields.thread === undefined ? {} : { thread: fields.thread }),
  };
  return event as unknown as TimelineEvent;
}

const day = '2025-11-28';
const at = (time: string, date = day) => `${date}T${time}Z`;
const sent = (messageId: string) => ({ messageId, body: 'reply', to: null, templateId: null, facts: null });
const received = (messageId: string) => ({ messageId, body: 'question', subject: null, media: [], from: null, to: null });
const sla = (policyId: string, targetMs: number, elapsedMs: number, businessHours: boolean) => ({
  policyId,
  metric: 'first_reply' as const,
  targetMs,
  businessHours,
  dueAt: null,
  elapsedMs,
});
const status = (value: 'solved' | 'open') => ({ status: value, priority: null });

/**
 * A hand-built day of support on 2025-11-28 (see docs/analytics.md for the expected values,
 * worked out by hand in service-metrics.test.ts).
 */
export function handBuiltTimeline(): TimelineEvent[] {
  return [
    // Case A: email ticket, repeated on WhatsApp, one agent reply, solved, CSAT 5.
    timelineEvent({ id: 'a1', type: 'ticket.opened', at: at('09:00:00'), caseId: 'A', channel: 'email', thread: 'z:1', data: { ticketId: '1', subject: 'Where is my order', status: 'new', priority: null, via: 'email', tags: [] } }),
    timelineEvent({ id: 'a2', type: 'sla.applied', at: at('09:00:00'), caseId: 'A', channel: null, actor: 'system', data: sla('p-standard', 3_600_000, 0, true) }),
    timelineEvent({ id: 'a3', type: 'message.received', at: at('09:30:00'), caseId: 'A', channel: 'whatsapp', repeat: true, data: received('w1') }),
    timelineEvent({ id: 'a4', type: 'message.sent', at: at('10:00:00'), caseId: 'A', channel: 'email', actor: 'agent', thread: 'z:1', data: sent('m1') }),
    timelineEvent({ id: 'a5', type: 'sla.fulfilled', at: at('10:00:00'), caseId: 'A', channel: null, actor: 'system', data: sla('p-standard', 3_600_000, 3_000_000, true) }),
    timelineEvent({ id: 'a6', type: 'ticket.status_changed', at: at('12:00:00'), caseId: 'A', channel: 'email', actor: 'agent', data: { ticketId: '1', status: 'solved', previousStatus: 'open', customStatusId: null } }),
    timelineEvent({ id: 'a7', type: 'survey.answered', at: at('12:05:00'), caseId: 'A', channel: 'email', data: { surveyId: 's1', kind: 'csat', score: 5, comment: null } }),
    // Case B: chat, first-reply SLA breached, two agent replies before solving, reopened, NPS 9.
    timelineEvent({ id: 'b1', type: 'message.received', at: at('10:00:00'), caseId: 'B', channel: 'chat', thread: 'c:1', data: received('c1') }),
    timelineEvent({ id: 'b2', type: 'sla.applied', at: at('10:00:00'), caseId: 'B', channel: null, actor: 'system', data: sla('p-vip', 60_000, 0, false) }),
    timelineEvent({ id: 'b3', type: 'sla.breached', at: at('10:01:00'), caseId: 'B', channel: null, actor: 'system', data: sla('p-vip', 60_000, 60_000, false) }),
    timelineEvent({ id: 'b4', type: 'message.sent', at: at('10:03:00'), caseId: 'B', channel: 'chat', actor: 'agent', thread: 'c:1', data: sent('c2') }),
    timelineEvent({ id: 'b5', type: 'sla.fulfilled', at: at('10:03:00'), caseId: 'B', channel: null, actor: 'system', data: sla('p-vip', 60_000, 180_000, false) }),
    timelineEvent({ id: 'b6', type: 'message.received', at: at('10:10:00'), caseId: 'B', channel: 'chat', thread: 'c:1', data: received('c3') }),
    timelineEvent({ id: 'b7', type: 'message.sent', at: at('10:15:00'), caseId: 'B', channel: 'chat', actor: 'agent', thread: 'c:1', data: sent('c4') }),
    timelineEvent({ id: 'b8', type: 'case.status_changed', at: at('10:20:00'), caseId: 'B', channel: null, actor: 'agent', data: status('solved') }),
    timelineEvent({ id: 'b9', type: 'message.received', at: at('11:00:00'), caseId: 'B', channel: 'chat', thread: 'c:1', data: received('c5') }),
    timelineEvent({ id: 'b10', type: 'message.sent', at: at('11:05:00'), caseId: 'B', channel: 'chat', actor: 'agent', thread: 'c:1', data: sent('c6') }),
    timelineEvent({ id: 'b11', type: 'case.status_changed', at: at('11:10:00'), caseId: 'B', channel: null, actor: 'agent', data: status('solved') }),
    timelineEvent({ id: 'b12', type: 'survey.answered', at: at('11:20:00'), caseId: 'B', channel: 'chat', data: { surveyId: 's2', kind: 'nps', score: 9, comment: null } }),
    // Case C: web question answered by a bot and solved (deflected); CES 2, NPS 3, CSAT 3.
    timelineEvent({ id: 'c1', type: 'message.received', at: at('13:00:00'), caseId: 'C', channel: 'web', data: received('q1') }),
    timelineEvent({ id: 'c2', type: 'message.sent', at: at('13:01:00'), caseId: 'C', channel: 'web', actor: 'bot', data: sent('q2') }),
    timelineEvent({ id: 'c3', type: 'case.status_changed', at: at('13:02:00'), caseId: 'C', channel: null, actor: 'bot', data: status('solved') }),
    timelineEvent({ id: 'c4', type: 'survey.answered', at: at('13:05:00'), caseId: 'C', channel: 'web', data: { surveyId: 's3', kind: 'ces', score: 2, comment: null } }),
    timelineEvent({ id: 'c5', type: 'survey.answered', at: at('13:06:00'), caseId: 'C', channel: 'web', data: { surveyId: 's4', kind: 'nps', score: 3, comment: null } }),
    timelineEvent({ id: 'c6', type: 'survey.answered', at: at('13:07:00'), caseId: 'C', channel: 'web', data: { surveyId: 's5', kind: 'csat', score: 3, comment: null } }),
    // Case D: a call answered after 30 s, 300 s talk, solved, reopened by SMS two days later.
    timelineEvent({ id: 'd1', type: 'call.started', at: at('14:00:00'), caseId: 'D', channel: 'voice', data: { callId: 'k1', direction: 'inbound', from: null, to: null } }),
    timelineEvent({ id: 'd2', type: 'call.answered', at: at('14:00:30'), caseId: 'D', channel: 'voice', actor: 'agent', data: { callId: 'k1', waitSeconds: 30 } }),
    timelineEvent({ id: 'd3', type: 'call.ended', at: at('14:05:30'), caseId: 'D', channel: 'voice', actor: 'system', data: { callId: 'k1', talkSeconds: 300, waitSeconds: 30 } }),
    timelineEvent({ id: 'd4', type: 'case.status_changed', at: at('14:06:00'), caseId: 'D', channel: null, actor: 'agent', data: status('solved') }),
    timelineEvent({ id: 'd5', type: 'message.received', at: at('10:00:00', '2025-11-30'), caseId: 'D', channel: 'sms', data: received('s1') }),
    // Cases E and F: calls abandoned after 60 s and 20 s.
    timelineEvent({ id: 'e1', type: 'call.started', at: at('15:00:00'), caseId: 'E', channel: 'voice', data: { callId: 'k2', direction: 'inbound', from: null, to: null } }),
    timelineEvent({ id: 'e2', type: 'call.missed', at: at('15:01:00'), caseId: 'E', channel: 'voice', actor: 'system', data: { callId: 'k2', reason: 'abandoned', waitSeconds: 60 } }),
    // Twilio answers before queueing: the abandoned call's leg also completes (call.ended); it stays abandoned.
    timelineEvent({ id: 'e3', type: 'call.ended', at: at('15:01:01'), caseId: 'E', channel: 'voice', actor: 'system', data: { callId: 'k2', talkSeconds: 61, waitSeconds: null } }),
    timelineEvent({ id: 'f1', type: 'call.started', at: at('15:30:00'), caseId: 'F', channel: 'voice', data: { callId: 'k3', direction: 'inbound', from: null, to: null } }),
    timelineEvent({ id: 'f2', type: 'call.missed', at: at('15:30:20'), caseId: 'F', channel: 'voice', actor: 'system', data: { callId: 'k3', reason: 'abandoned', waitSeconds: 20 } }),
    // An outbound call (not offered to the queue) and orders: o2 delivered twice, o0 the day before.
    timelineEvent({ id: 'k4s', type: 'call.started', at: at('16:00:00'), caseId: null, channel: 'voice', actor: 'agent', data: { callId: 'k4', direction: 'outbound', from: null, to: null } }),
    timelineEvent({ id: 'k4e', type: 'call.ended', at: at('16:03:00'), caseId: null, channel: 'voice', actor: 'system', data: { callId: 'k4', talkSeconds: 170, waitSeconds: 0 } }),
    ...(['o0', 'o1', 'o2', 'o2'] as const).map((orderId, index) =>
      timelineEvent({
        id: `order-${index}`,
        type: 'order.placed',
        at: index === 0 ? at('20:00:00', '2025-11-27') : at(`0${index + 6}:00:00`),
        caseId: null,
        channel: null,
        actor: 'system',
        data: { orderId, orderName: `#${orderId}`, orderNumber: null, financialStatus: 'paid', fulfillmentStatus: null, total: null, itemCount: 1, statusUrl: null, cancelledAt: null, cancelReason: null },
      }),
    ),
  ];
}

import { type Actor, deriveEventId, type IncomingEvent } from '@throughline/core/adapter';
import { messageChannel } from '../messaging/message-channel';
import { messageStatusRank } from '../messaging/message-status-rank';
import type { CallResource, MessageResource } from '../twilio-api-types';
import { answeringAgent, type CallParties, callDirection, callEnvelope } from '../voice/call-envelope';

/** Twilio's REST dates are RFC 2822 (`Wed, 18 Aug 2010 20:01:40 +0000`); null when absent or unreadable. */
export function restInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

function count(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

/**
 * Who sent an outbound message, from its `direction`: TwiML replies (`outbound-reply`) and `<Message>`s sent
 * during a call (`outbound-call`) are automatic, a bot; API sends (`outbound-api`) are the system, since
 * any system holding the credentials can make them. Throughline's own sends are on the timeline already,
 * as the agent's `message.sent` with the same id, so the backfill's copy is a duplicate and dropped.
 * https://www.twilio.com/docs/messaging/api/message-resource#message-properties
 */
function outboundActor(direction: string | null | undefined): { kind: 'bot' | 'system' } {
  return direction === 'outbound-reply' || direction === 'outbound-call' ? { kind: 'bot' } : { kind: 'system' };
}

/**
 * Maps a Message resource to the events its webhooks would have produced, with the same ids, so a
 * backfill and live webhooks never double an event: `message.received` for inbound messages,
 * `message.sent` (by a bot for auto-replies, by the system for API sends) plus its current
 * `message.status` for outbound ones.
 *
 * @param message - the resource
 * @param tenantId - the tenant
 * @returns the events
 */
export function mapMessageResource(message: MessageResource, tenantId: string): IncomingEvent[] {
  const occurredAt = restInstant(message.date_sent) ?? restInstant(message.date_created);
  if (occurredAt === null) return [];
  const channel = messageChannel(message.from, message.to);
  const source = { system: 'twilio', externalId: message.sid };
  if (message.direction === 'inbound') {
    if (!message.from) return [];
    return [
      {
        type: 'message.received',
        id: deriveEventId('twilio', message.sid, 'message.received'),
        tenantId,
        occurredAt,
        source,
        channel,
        actor: { kind: 'customer' },
        identities: [{ kind: 'phone', value: message.from }],
        data: { messageId: message.sid, body: message.body ?? '', subject: null, media: [], from: message.from, to: message.to ?? null },
      },
    ];
  }
  const identities = message.to ? [{ kind: 'phone' as const, value: message.to }] : [];
  const events: IncomingEvent[] = [
    {
      type: 'message.sent',
      id: deriveEventId('twilio', message.sid, 'message.sent'),
      tenantId,
      occurredAt,
      source,
      channel,
      actor: outboundActor(message.direction),
      identities,
      data: { messageId: message.sid, body: message.body ?? '', to: message.to ?? null, templateId: null, facts: null },
    },
  ];
  if (message.status) {
    const errorCode = message.error_code === null || message.error_code === undefined ? null : String(message.error_code);
    events.push({
      type: 'message.status',
      id: deriveEventId('twilio', message.sid, 'message.status', message.status),
      tenantId,
      occurredAt: restInstant(message.date_updated) ?? occurredAt,
      source,
      channel,
      actor: { kind: 'system' },
      identities,
      entity: { key: `twilio:message:${message.sid}`, version: messageStatusRank(message.status) },
      data: { messageId: message.sid, status: message.status, errorCode },
    });
  }
  return events;
}

const missedStatuses = new Set(['busy', 'no-answer', 'failed', 'canceled']);

/**
 * Whether mapping a call needs the legs it spawned: an inbound call Twilio answered (`completed`) may have
 * been bridged to an agent or abandoned in a queue, and only a bridged child leg tells them apart.
 * @param call - the resource
 * @returns true for a completed inbound parent call
 */
export function needsChildLegs(call: CallResource): boolean {
  return !call.parent_call_sid && callDirection(call.direction) === 'inbound' && call.status === 'completed';
}

/**
 * Maps a Call resource to `call.started` and, once the call is over, `call.ended` or `call.missed`, with the
 * ids the status callbacks use. Child legs (`<Dial>`ed agents) are not contacts of their own: they are
 * read through their parent.
 *
 * Twilio answers an inbound call before any `<Enqueue>` or `<Dial>`, so its `duration` includes the IVR
 * and the queue wait, and it is `completed` even when the caller hung up in the queue. An inbound call
 * therefore ends (`call.ended`) only when a child leg was bridged (`completed`), with the talk time of its
 * bridged legs; without one, REST cannot tell an abandoned call from one answered through `<Enqueue>`, and
 * the call is `call.started` only (its outcome comes from the `<Enqueue>` webhook). An outbound call ends
 * with its own `duration`, counted from when the customer answered.
 *
 * @param call - the resource
 * @param tenantId - the tenant
 * @param childLegs - the legs the call spawned (`ParentCallSid`), read when {@link needsChildLegs} says so
 * @returns the events
 */
export function mapCallResource(call: CallResource, tenantId: string, childLegs: ReadonlyArray<CallResource>): IncomingEvent[] {
  if (call.parent_call_sid) return [];
  const startedAt = restInstant(call.start_time) ?? restInstant(call.date_created);
  if (startedAt === null) return [];
  const direction = callDirection(call.direction);
  // The webhooks' envelope: the same customer, call reference and thread, so backfill and webhooks agree.
  const parties: CallParties = { CallSid: call.sid, From: call.from, To: call.to, Direction: call.direction, CallerName: call.caller_name };
  const envelope = (type: string, occurredAt: string, id = deriveEventId('twilio', call.sid, type), actor?: Actor) => callEnvelope(parties, tenantId, id, occurredAt, actor);
  const events: IncomingEvent[] = [
    {
      type: 'call.started',
      ...envelope('call.started', startedAt),
      data: { callId: call.sid, direction, from: call.from ?? null, to: call.to ?? null },
    },
  ];
  const endedAt = restInstant(call.end_time) ?? startedAt;
  if (call.status === 'completed') {
    if (direction === 'inbound') {
      for (const leg of bridgedLegs(childLegs)) {
        events.push({
          type: 'call.answered',
          ...envelope('call.answered', legAnsweredAt(leg) ?? startedAt, deriveEventId('twilio', call.sid, 'dial', leg.sid, 'call.answered'), answeringAgent),
          data: { callId: call.sid, waitSeconds: null },
        });
      }
    }
    const talkSeconds = direction === 'outbound' ? (count(call.duration) ?? 0) : bridgedTalkSeconds(childLegs);
    if (talkSeconds !== null) events.push({ type: 'call.ended', ...envelope('call.ended', endedAt), data: { callId: call.sid, talkSeconds, waitSeconds: null } });
  } else if (call.status && missedStatuses.has(call.status)) {
    events.push({
      type: 'call.missed',
      ...envelope('call.missed', endedAt),
      data: { callId: call.sid, reason: call.status as 'busy' | 'no-answer' | 'failed' | 'canceled', waitSeconds: null },
    });
  }
  return events;
}

/** The child legs that were bridged (`completed`: the dialled party picked up). */
function bridgedLegs(childLegs: ReadonlyArray<CallResource>): CallResource[] {
  return childLegs.filter((leg) => leg.status === 'completed');
}

/** When a bridged leg picked up: its end less its `duration` (which counts from the answer), else its start. */
function legAnsweredAt(leg: CallResource): string | null {
  const endedAt = restInstant(leg.end_time);
  const talked = count(leg.duration);
  if (endedAt !== null && talked !== null) return new Date(Date.parse(endedAt) - talked * 1000).toISOString();
  return restInstant(leg.start_time);
}

/** Talk time of the bridged (`completed`) child legs, or null when none was bridged. */
function bridgedTalkSeconds(childLegs: ReadonlyArray<CallResource>): number | null {
  const bridged = bridgedLegs(childLegs);
  if (bridged.length === 0) return null;
  return bridged.reduce((total, leg) => total + (count(leg.duration) ?? 0), 0);
}

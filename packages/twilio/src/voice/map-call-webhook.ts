import { type Actor, deriveEventId, type IncomingEvent, type IncomingEventOf } from '@throughline/core/adapter';
import type { CallStatusParams, EnqueueActionParams, IncomingCallParams, RecordingParams } from '../twilio-api-types';
import { answeringAgent, callbackInstant as instant, callbackSeconds as seconds, callDirection as direction, callEnvelope } from './call-envelope';

/** A mapping that produced no event, with the reason. */
export interface IgnoredCallback {
  ignored: string;
}

/**
 * Maps the voice-URL request of a new call to `call.started`.
 * @param params - the request parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the request arrived
 * @returns the event
 */
export function mapIncomingCall(params: IncomingCallParams, tenantId: string, receivedAt: Date): IncomingEventOf<'call.started'> {
  return {
    type: 'call.started',
    ...callEnvelope(params, tenantId, deriveEventId('twilio', params.CallSid, 'call.started'), receivedAt.toISOString()),
    data: { callId: params.CallSid, direction: direction(params.Direction), from: params.From ?? null, to: params.To ?? null },
  };
}

const missedStatuses = new Set(['busy', 'no-answer', 'failed', 'canceled'] as const);
type MissedStatus = 'busy' | 'no-answer' | 'failed' | 'canceled';

/**
 * Maps a call status callback, versioned by `SequenceNumber` because callbacks arrive out of order:
 * ringing → `call.started`, in-progress → `call.answered`, completed → `call.ended` with the talk time,
 * busy / no-answer / failed / canceled → `call.missed`. A child leg's callbacks (`ParentCallSid`) are ignored.
 * https://www.twilio.com/docs/voice/api/call-resource#statuscallback
 *
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived (used when `Timestamp` is missing)
 * @returns the event, or why there is none
 */
export function mapCallStatus(params: CallStatusParams, tenantId: string, receivedAt: Date): IncomingEvent | IgnoredCallback {
  // A child leg (the side a <Dial> rang) is read through its parent, as in backfill: its `To` is whoever was
  // dialled (often an agent's phone), and the parent's <Dial> action already reports whether it answered.
  if (params.ParentCallSid) return { ignored: `call ${params.CallSid} is a leg of call ${params.ParentCallSid}: its parent's <Dial> action reports it` };
  const occurredAt = instant(params.Timestamp, receivedAt);
  const entity = { key: `twilio:call:${params.CallSid}`, version: Number(params.SequenceNumber) };
  const status = params.CallStatus;
  const envelope = (type: string) => ({ ...callEnvelope(params, tenantId, deriveEventId('twilio', params.CallSid, type), occurredAt), entity });
  switch (status) {
    case 'queued':
    case 'initiated':
    case 'ringing':
      return {
        type: 'call.started',
        ...envelope('call.started'),
        data: { callId: params.CallSid, direction: direction(params.Direction), from: params.From ?? null, to: params.To ?? null },
      };
    case 'in-progress':
      return { type: 'call.answered', ...envelope('call.answered'), data: { callId: params.CallSid, waitSeconds: null } };
    case 'completed':
      return {
        type: 'call.ended',
        ...envelope('call.ended'),
        data: { callId: params.CallSid, talkSeconds: seconds(params.CallDuration) ?? 0, waitSeconds: null },
      };
    default:
      if (missedStatuses.has(status as MissedStatus)) {
        return {
          type: 'call.missed',
          ...envelope('call.missed'),
          data: { callId: params.CallSid, reason: status as MissedStatus, waitSeconds: null },
        };
      }
      return { ignored: `call status ${status} has no timeline event` };
  }
}

/**
 * Maps the `<Enqueue>` action callback: a caller who hung up in the queue is `call.missed` (abandoned),
 * one bridged to an agent is `call.answered` by an agent, both with the time waited (`QueueTime`); a caller who
 * left the queue otherwise (`leave`, `redirected`) has no event. Twilio runs the TwiML this callback is answered with.
 *
 * Twilio requests a bridged caller's action URL only once both parties have hung up, so the answer is placed at
 * the call's start (which the adapter writes into the action URL it gives `<Enqueue>`) plus `QueueTime`: at most a
 * greeting's length early, where the callback's own arrival would be a whole conversation late. Without that
 * start (an `<Enqueue>` of the app's own TwiML) the arrival is all there is.
 * https://www.twilio.com/docs/voice/twiml/enqueue#attributes-action
 *
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived
 * @param callStartedAt - when the call reached the webhook (epoch ms), from the action URL, or null
 * @returns the event, or why there is none
 */
export function mapEnqueueAction(params: EnqueueActionParams, tenantId: string, receivedAt: Date, callStartedAt: number | null): IncomingEvent | IgnoredCallback {
  const waitSeconds = seconds(params.QueueTime);
  const queue = params.QueueSid ?? 'queue';
  const envelope = (type: string, at = receivedAt.getTime(), actor?: Actor) =>
    callEnvelope(params, tenantId, deriveEventId('twilio', params.CallSid, 'queue', queue, type), new Date(at).toISOString(), actor);
  switch (params.QueueResult) {
    case 'hangup':
      return { type: 'call.missed', ...envelope('call.missed'), data: { callId: params.CallSid, reason: 'abandoned', waitSeconds } };
    case 'queue-full':
    case 'error':
    case 'system-error':
      return { type: 'call.missed', ...envelope('call.missed'), data: { callId: params.CallSid, reason: 'failed', waitSeconds } };
    case 'bridged':
    case 'bridging-in-process':
    case 'redirected-from-bridged': {
      const answeredAt = callStartedAt === null || waitSeconds === null ? receivedAt.getTime() : Math.min(callStartedAt + waitSeconds * 1000, receivedAt.getTime());
      return { type: 'call.answered', ...envelope('call.answered', answeredAt, answeringAgent), data: { callId: params.CallSid, waitSeconds } };
    }
    default:
      return { ignored: `queue result ${params.QueueResult}: the caller left the queue without an agent or an abandonment` };
  }
}

/**
 * Maps a `<Record>` recording callback to `voicemail.left`; recordings still in progress, absent or failed, and
 * recordings of conversations (`RecordingSource` other than `RecordVerb`), are ignored.
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived
 * @returns the event, or why there is none
 */
export function mapRecording(params: RecordingParams, tenantId: string, receivedAt: Date): IncomingEvent | IgnoredCallback {
  // Recording status callbacks name what recorded: only <Record> takes a voicemail; <Dial record>, the REST API
  // and conferences record conversations. https://www.twilio.com/docs/voice/api/recording#recordingstatuscallback
  const source = params.RecordingSource;
  if (source && source !== 'RecordVerb') return { ignored: `a ${source} recording is a recorded conversation, not a voicemail` };
  const status = params.RecordingStatus ?? 'completed';
  if (status !== 'completed') return { ignored: `recording status ${status}` };
  const occurredAt = instant(params.RecordingStartTime, receivedAt);
  return {
    type: 'voicemail.left',
    ...callEnvelope(params, tenantId, deriveEventId('twilio', params.RecordingSid, 'voicemail.left'), occurredAt),
    data: {
      callId: params.CallSid,
      recordingId: params.RecordingSid,
      recordingUrl: params.RecordingUrl,
      durationSeconds: seconds(params.RecordingDuration) ?? 0,
    },
  };
}

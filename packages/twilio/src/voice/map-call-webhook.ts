import { deriveEventId, type EventEnvelope, type IncomingEvent, type IncomingEventOf } from '@throughline/core/adapter';
import type { CallStatusParams, EnqueueActionParams, IncomingCallParams, RecordingParams } from '../twilio-api-types';

/** A mapping that produced no event, with the reason. */
export interface IgnoredCallback {
  ignored: string;
}

function direction(value: string | null | undefined): 'inbound' | 'outbound' {
  return value?.startsWith('outbound') ? 'outbound' : 'inbound';
}

function seconds(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

function instant(value: string | null | undefined, fallback: Date): string {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return new Date(Number.isNaN(parsed) ? fallback.getTime() : parsed).toISOString();
}

/** The envelope shared by every call event: the customer is the caller of an inbound call, the callee of an outbound one. */
function callEnvelope(
  params: IncomingCallParams,
  tenantId: string,
  id: string,
  occurredAt: string,
): Omit<EventEnvelope, 'actor'> & { actor: EventEnvelope['actor'] } {
  const customer = direction(params.Direction) === 'inbound' ? params.From : params.To;
  const callerName = params.CallerName?.trim();
  return {
    id,
    tenantId,
    occurredAt,
    source: { system: 'twilio', externalId: params.CallSid },
    channel: 'voice',
    actor: { kind: 'customer', ...(callerName ? { name: callerName } : {}) },
    // The call reference links callbacks that omit the caller (recording status callbacks) to them.
    identities: [...(customer ? [{ kind: 'phone' as const, value: customer }] : []), { kind: 'reference', namespace: 'twilio:call', value: params.CallSid }],
    thread: `twilio:call:${params.CallSid}`,
  };
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
 * busy / no-answer / failed / canceled → `call.missed`.
 * https://www.twilio.com/docs/voice/api/call-resource#statuscallback
 *
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived (used when `Timestamp` is missing)
 * @returns the event, or why there is none
 */
export function mapCallStatus(params: CallStatusParams, tenantId: string, receivedAt: Date): IncomingEvent | IgnoredCallback {
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
 * one bridged to an agent is `call.answered`, both with the time waited (`QueueTime`).
 * https://www.twilio.com/docs/voice/twiml/enqueue#attributes-action
 *
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived
 * @returns the event, or why there is none
 */
export function mapEnqueueAction(params: EnqueueActionParams, tenantId: string, receivedAt: Date): IncomingEvent | IgnoredCallback {
  const waitSeconds = seconds(params.QueueTime);
  const queue = params.QueueSid ?? 'queue';
  const envelope = (type: string) => callEnvelope(params, tenantId, deriveEventId('twilio', params.CallSid, 'queue', queue, type), receivedAt.toISOString());
  switch (params.QueueResult) {
    case 'hangup':
      return { type: 'call.missed', ...envelope('call.missed'), data: { callId: params.CallSid, reason: 'abandoned', waitSeconds } };
    case 'queue-full':
    case 'error':
    case 'system-error':
      return { type: 'call.missed', ...envelope('call.missed'), data: { callId: params.CallSid, reason: 'failed', waitSeconds } };
    case 'bridged':
    case 'bridging-in-process':
    case 'redirected-from-bridged':
      return { type: 'call.answered', ...envelope('call.answered'), data: { callId: params.CallSid, waitSeconds } };
    default:
      return { ignored: `queue result ${params.QueueResult}: the caller left the queue without an agent or an abandonment` };
  }
}

/**
 * Maps a recording callback to `voicemail.left`; recordings still in progress, absent or failed are ignored.
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived
 * @returns the event, or why there is none
 */
export function mapRecording(params: RecordingParams, tenantId: string, receivedAt: Date): IncomingEvent | IgnoredCallback {
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

import { type Actor, deriveEventId, type IncomingEvent } from '@throughline/core/adapter';
import type { DialActionParams } from '../twilio-api-types';
import { answeringAgent, callbackSeconds as seconds, callEnvelope } from './call-envelope';
import type { IgnoredCallback } from './map-call-webhook';

const unansweredStatuses = new Set(['busy', 'no-answer', 'failed', 'canceled']);

/**
 * Maps the `<Dial>` action callback of a caller's leg: a dialled party who picked up (`completed`, or `answered`
 * for a conference) is `call.answered` by an agent (the dialled party is the shop's side); one who never did (`busy`, `no-answer`, `failed`, `canceled`) is
 * `call.missed` with that reason, since the adapter answers this callback with an empty `<Response/>` and the
 * call ends. The callback comes when the dialled leg ends, so the answer is placed `DialCallDuration` seconds
 * before it. The wait is unknown (`null`): the callback does not say how long the dialled party rang.
 * https://www.twilio.com/docs/voice/twiml/dial#action
 *
 * @param params - the callback parameters
 * @param tenantId - the tenant
 * @param receivedAt - when the callback arrived (the dialled leg had just ended)
 * @returns the event, or why there is none
 */
export function mapDialAction(params: DialActionParams, tenantId: string, receivedAt: Date): IncomingEvent | IgnoredCallback {
  const status = params.DialCallStatus;
  const leg = params.DialCallSid || 'dial';
  const envelope = (type: string, at: Date, actor?: Actor) => callEnvelope(params, tenantId, deriveEventId('twilio', params.CallSid, 'dial', leg, type), at.toISOString(), actor);
  if (status === 'completed' || status === 'answered') {
    // The callback comes when the dialled leg ends: it was answered `DialCallDuration` seconds earlier.
    const talked = seconds(params.DialCallDuration);
    const answeredAt = talked === null ? receivedAt : new Date(receivedAt.getTime() - talked * 1000);
    return { type: 'call.answered', ...envelope('call.answered', answeredAt, answeringAgent), data: { callId: params.CallSid, waitSeconds: null } };
  }
  if (unansweredStatuses.has(status)) {
    const reason = status as 'busy' | 'no-answer' | 'failed' | 'canceled';
    return { type: 'call.missed', ...envelope('call.missed', receivedAt), data: { callId: params.CallSid, reason, waitSeconds: null } };
  }
  return { ignored: `dial status ${status} has no timeline event` };
}

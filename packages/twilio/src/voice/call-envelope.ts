import type { Actor, EventEnvelope } from '@throughline/core/adapter';
import type { IncomingCallParams } from '../twilio-api-types';
import { isWithheldCallerId } from './withheld-caller-id';

/**
 * The direction of a call as the timeline sees it: Twilio's `outbound-api` and `outbound-dial` are outbound.
 * @param value - Twilio's `Direction`
 * @returns `inbound` or `outbound`
 */
export function callDirection(value: string | null | undefined): 'inbound' | 'outbound' {
  return value?.startsWith('outbound') ? 'outbound' : 'inbound';
}

/**
 * Reads a duration in whole seconds as Twilio sends it (`CallDuration`, `QueueTime`).
 * @param value - the parameter
 * @returns the seconds, or null when absent or unreadable
 */
export function callbackSeconds(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

/**
 * Reads a callback timestamp (`Timestamp`, `RecordingStartTime`), falling back when it is absent or unreadable.
 * @param value - the parameter
 * @param fallback - when the callback arrived
 * @returns an ISO instant
 */
export function callbackInstant(value: string | null | undefined, fallback: Date): string {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return new Date(Number.isNaN(parsed) ? fallback.getTime() : parsed).toISOString();
}

/**
 * Who answered a call bridged through `<Enqueue>` or `<Dial>`: the shop's side (an agent's phone, client or
 * SIP endpoint), so the answer counts as a public reply on the voice channel. Twilio's callbacks do not say
 * which agent it was.
 */
export const answeringAgent: Actor = Object.freeze({ kind: 'agent' as const });

/** The parties of a call, as a webhook or (renamed) a REST Call resource gives them. */
export type CallParties = Pick<IncomingCallParams, 'CallSid' | 'From' | 'To' | 'Direction' | 'CallerName'>;

/**
 * The envelope shared by every call event, on webhooks and in backfill: the customer is the caller of an inbound
 * call, the callee of an outbound one (a withheld caller ID is not claimed as a phone).
 * @param params - the call's parties
 * @param tenantId - the tenant
 * @param id - the event id
 * @param occurredAt - when it happened
 * @param actor - who acted (the customer unless given: an agent answering is {@link answeringAgent})
 * @returns the envelope
 */
export function callEnvelope(params: CallParties, tenantId: string, id: string, occurredAt: string, actor?: Actor): EventEnvelope {
  const number = callDirection(params.Direction) === 'inbound' ? params.From : params.To;
  // A withheld caller ID names nobody: the call reference alone identifies the caller.
  const customer = number && !isWithheldCallerId(number) ? number : undefined;
  const callerName = params.CallerName?.trim();
  return {
    id,
    tenantId,
    occurredAt,
    source: { system: 'twilio', externalId: params.CallSid },
    channel: 'voice',
    actor: actor ?? { kind: 'customer', ...(callerName ? { name: callerName } : {}) },
    // The call reference links callbacks that omit the caller (recording status callbacks) to them.
    identities: [...(customer ? [{ kind: 'phone' as const, value: customer }] : []), { kind: 'reference', namespace: 'twilio:call', value: params.CallSid }],
    thread: `twilio:call:${params.CallSid}`,
  };
}
